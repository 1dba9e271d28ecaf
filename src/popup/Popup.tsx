/** The toolbar popup: the companies the current tab mentions and what the reports say about them. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { timeframeOf } from '../shared/claims.ts';
import { CLAIMS_INDEX } from '../shared/claimsIndex.ts';
import { ENTITY_IDS, totalMentions, type EntityId } from '../shared/entities.ts';
import { t } from '../shared/i18n.ts';
import { COMPANY_BY_ID } from '../shared/lexicon.ts';
import { timeframeLabel } from '../shared/kinds.ts';
import { libraryPath } from '../shared/pages.ts';
import { send, sendToTab } from '../shared/send.ts';
import { isSiteDisabled, normalizeSite, siteMatches, type Settings } from '../shared/settings.ts';
import { saveSettings } from '../shared/settingsStore.ts';
import { Switch } from '../ui/Switch.tsx';
import { ClaimsList } from './ClaimsList.tsx';
import { PageRepeats } from './PageRepeats.tsx';
import { loadPopupState, unsupportedMessage, type PopupState } from './state.ts';

/** How often, and how many times, an open popup asks whether the page's sentences are matched yet. */
const PAGE_POLL_MS = 400;
const PAGE_POLLS = 25;

type View = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; state: PopupState };

function mentionLabel(count: number): string {
  return count === 1 ? t('popupMentionCountOne') : t('popupMentionCount', String(count));
}

function openPage(path: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(path) });
}

/** A company the page mentions: how often, its next mention, and who it is (the claims follow, once, below). */
function CompanySection({ entity, count, tabId }: { entity: EntityId; count: number; tabId: number }) {
  const company = COMPANY_BY_ID.get(entity);
  const [missed, setMissed] = useState(false);
  const next = async () => {
    if (await sendToTab(tabId, 'mention/next', { entity })) window.close();
    else setMissed(true);
  };
  return (
    <section class="company" data-entity={entity} aria-labelledby={`company-${entity}`}>
      <header class="company-head">
        <h2 id={`company-${entity}`}>{company?.name ?? entity}</h2>
        <span class="count">{mentionLabel(count)}</span>
        <button type="button" class="next" onClick={() => void next()}>
          {t('popupNextMention')}
        </button>
      </header>
      {missed && (
        <p class="hint" role="status">
          {t('popupNextMissed')}
        </p>
      )}
      <p class="description">{company?.description}</p>
    </section>
  );
}

export function Popup({ tabId }: { tabId: Promise<number | null> }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const load = () =>
    tabId
      .then((id) => (id === null ? null : loadPopupState(id)))
      .then((state) => setView(state ? { kind: 'ready', state } : { kind: 'error' }))
      .catch(() => setView({ kind: 'error' }));
  useEffect(() => {
    void load();
  }, [tabId]);
  // The page's sentences are matched once its highlights are in: a popup opened sooner asks again, briefly.
  const waitingFor =
    view.kind === 'ready' && view.state.page === null && totalMentions(view.state.counts) > 0 ? view.state : null;
  useEffect(() => {
    if (!waitingFor) return undefined;
    const state = waitingFor;
    let tries = 0;
    const timer = setInterval(() => {
      if (++tries > PAGE_POLLS) clearInterval(timer);
      void send('page/get-claims', { tabId: state.tabId }).then((page) => {
        if (!page) return;
        clearInterval(timer);
        setView({ kind: 'ready', state: { ...state, page } });
      });
    }, PAGE_POLL_MS);
    return () => clearInterval(timer);
  }, [waitingFor !== null]);

  if (view.kind === 'loading') {
    return (
      <main class="popup" aria-busy="true">
        <p class="state">{t('popupLoading')}</p>
      </main>
    );
  }
  if (view.kind === 'error') {
    return (
      <main class="popup">
        <p class="state" role="alert">
          {t('popupError')}
        </p>
      </main>
    );
  }

  const { state } = view;
  const { settings, site, counts } = state;
  const update = (next: Settings) => {
    setView({ kind: 'ready', state: { ...state, settings: next } });
    void saveSettings(next);
  };
  const siteOn = site === null || !isSiteDisabled(settings, site);
  const toggleSite = (on: boolean) => {
    const host = site && normalizeSite(site);
    if (!site || !host) return;
    const disabledSites = on
      ? settings.disabledSites.filter((s) => !siteMatches(site, s))
      : [...new Set([...settings.disabledSites, host])];
    update({ ...settings, disabledSites });
  };
  const requestAccess = async () => {
    const granted = await browser.permissions.request({ origins: ['<all_urls>'] }).catch(() => false);
    if (granted) void load();
  };
  const mentioned = ENTITY_IDS.filter((id) => counts[id] > 0);

  return (
    <main class="popup">
      <header class="top">
        <h1>{t('popupTitle')}</h1>
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupOptions')}
        </button>
      </header>
      {state.settingsReset.length > 0 && (
        <p class="notice" role="status">
          {t('settingsWereReset')}
        </p>
      )}
      <div class="switches">
        {site !== null && state.unsupported === null && (
          <Switch id="site" label={t('popupSiteSwitch', site)} checked={siteOn} onChange={toggleSite} />
        )}
        <Switch
          id="pause"
          label={t('popupPauseSwitch')}
          checked={settings.paused}
          onChange={(paused) => update({ ...settings, paused })}
        />
      </div>
      {state.unsupported !== null ? (
        <p class="state">{t(unsupportedMessage(state.unsupported))}</p>
      ) : !state.hostAccess ? (
        <div class="state">
          <p>{t('popupNoHostAccess')}</p>
          <button type="button" class="primary" onClick={() => void requestAccess()}>
            {t('popupGrantAccess')}
          </button>
        </div>
      ) : settings.paused ? (
        <p class="state">{t('popupPaused')}</p>
      ) : !siteOn ? (
        <p class="state">{t('popupSiteOff')}</p>
      ) : totalMentions(counts) === 0 ? (
        <p class="state">{t('popupNoMentions')}</p>
      ) : (
        <>
          <p class="timeframe">{timeframeLabel(timeframeOf(CLAIMS_INDEX.sources))}</p>
          {state.page && <PageRepeats page={state.page} tabId={state.tabId} />}
          {mentioned.map((id) => (
            <CompanySection key={id} entity={id} count={counts[id]} tabId={state.tabId} />
          ))}
          <ClaimsList
            entities={mentioned}
            names={mentioned.map((id) => COMPANY_BY_ID.get(id)?.name ?? id).join(', ')}
            page={state.page}
          />
        </>
      )}
      <footer class="bottom">
        <button type="button" class="link-button" onClick={() => openPage(libraryPath(null))}>
          {t('popupLibrary')}
        </button>
      </footer>
    </main>
  );
}
