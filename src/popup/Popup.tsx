/** The toolbar popup: the companies the current tab mentions and what the reports say about them. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { CLAIM_KINDS, timeframeOf } from '../shared/claims.ts';
import { CLAIMS_INDEX } from '../shared/claimsIndex.ts';
import { ENTITY_IDS, totalMentions, type EntityId } from '../shared/entities.ts';
import { t } from '../shared/i18n.ts';
import { kindMessageKey, timeframeLabel } from '../shared/kinds.ts';
import { libraryPath } from '../shared/pages.ts';
import { sendToTab } from '../shared/send.ts';
import { isSiteDisabled, normalizeSite, siteMatches, type Settings } from '../shared/settings.ts';
import { saveSettings } from '../shared/settingsStore.ts';
import { NO_LIMITS, summarize } from '../shared/summary.ts';
import { ClaimView } from '../ui/ClaimView.tsx';
import { Switch } from '../ui/Switch.tsx';
import { loadPopupState, type PopupState } from './state.ts';

type View = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; state: PopupState };

function mentionLabel(count: number): string {
  return count === 1 ? t('popupMentionCountOne') : t('popupMentionCount', String(count));
}

function openPage(path: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(path) });
}

function CompanySection({ entity, count, tabId }: { entity: EntityId; count: number; tabId: number }) {
  // The popup ships the claims index, so it summarises here rather than asking the background.
  const summary = summarize(CLAIMS_INDEX, entity, undefined, NO_LIMITS);
  const claims = summary?.claims ?? [];
  const [missed, setMissed] = useState(false);
  const next = async () => {
    if (await sendToTab(tabId, 'mention/next', { entity })) window.close();
    else setMissed(true);
  };
  return (
    <section class="company" data-entity={entity} aria-labelledby={`company-${entity}`}>
      <header class="company-head">
        <h2 id={`company-${entity}`}>{summary?.name ?? entity}</h2>
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
      <p class="description">{summary?.description}</p>
      {CLAIM_KINDS.map((kind) => {
        const group = claims.filter((claim) => claim.kind === kind);
        if (group.length === 0) return null;
        return (
          <details key={kind} class="kind-group" open={kind === 'reported finding'}>
            <summary>{t('popupKindGroup', [t(kindMessageKey(kind)), String(group.length)])}</summary>
            {group.map((claim) => (
              <ClaimView key={claim.id} claim={claim} quotes="folded" note="shown" />
            ))}
          </details>
        );
      })}
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
        {site !== null && !state.restricted && (
          <Switch id="site" label={t('popupSiteSwitch', site)} checked={siteOn} onChange={toggleSite} />
        )}
        <Switch
          id="pause"
          label={t('popupPauseSwitch')}
          checked={settings.paused}
          onChange={(paused) => update({ ...settings, paused })}
        />
      </div>
      {state.restricted ? (
        <p class="state">{t('popupRestricted')}</p>
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
          {mentioned.map((id) => (
            <CompanySection key={id} entity={id} count={counts[id]} tabId={state.tabId} />
          ))}
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
