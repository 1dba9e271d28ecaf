/**
 * What Claimlight says about one tab's page, as the toolbar popup and the side
 * panel both show it: the switches for the site and for pausing, why nothing is
 * highlighted when that is so, and otherwise the companies the page mentions,
 * the sentences it repeats from the reports, and the reports' claims.
 */
import { useState } from 'preact/hooks';
import browser from '../../shared/browser.ts';
import { companyName, companyNames, timeframeAbout } from '../../shared/catalog/catalog.ts';
import { countOf, totalMentions, type EntityId } from '../../shared/entities.ts';
import { listOf, t } from '../../shared/i18n.ts';
import { shortTimeframeLabel, timeframeLabel } from '../../shared/kinds.ts';
import type { StepDirection } from '../../shared/messages.ts';
import { sendToTab } from '../../shared/send.ts';
import { isSiteDisabled, normalizeSite, siteMatches, type Settings } from '../../shared/settings.ts';
import { saveSettings } from '../../shared/settingsStore.ts';
import { useCatalog } from '../catalog.tsx';
import { Switch } from '../Switch.tsx';
import { ClaimsList } from './ClaimsList.tsx';
import { PageRepeats } from './PageRepeats.tsx';
import { unsupportedMessage, type PageState } from './state.ts';

/**
 * Where the summary is shown. The popup closes once it has sent the reader to the page; the side panel
 * stays, so it steps back and forth through the page instead.
 */
export type Surface = 'popup' | 'panel';

function mentionLabel(count: number): string {
  return count === 1 ? t('popupMentionCountOne') : t('popupMentionCount', String(count));
}

/** A company the page mentions: how often, a way to its mentions, and who it is (the claims follow, once, below). */
function CompanySection({
  entity,
  count,
  tabId,
  surface,
  onPosition,
}: {
  entity: EntityId;
  count: number;
  tabId: number;
  surface: Surface;
  onPosition: (text: string | null) => void;
}) {
  const catalog = useCatalog();
  const company = catalog.companyById.get(entity);
  const name = companyName(catalog, entity);
  const [missed, setMissed] = useState(false);
  const next = async () => {
    if (await sendToTab(tabId, 'mention/next', { entity })) window.close();
    else setMissed(true);
  };
  const step = async (direction: StepDirection) => {
    const at = await sendToTab(tabId, 'mention/step', { entity, direction });
    onPosition(at && t('panelMentionPosition', [String(at.at), String(at.of), name]));
    setMissed(at === null);
  };
  return (
    <section class="company" data-entity={entity} aria-labelledby={`company-${entity}`}>
      <header class="company-head">
        <h2 id={`company-${entity}`}>{name}</h2>
        <span class="count">{mentionLabel(count)}</span>
        {surface === 'popup' ? (
          <button type="button" class="next" onClick={() => void next()}>
            {t('popupNextMention')}
          </button>
        ) : (
          <span class="steps" role="group" aria-label={t('panelStepMentions', name)}>
            <button type="button" class="previous" onClick={() => void step('previous')}>
              {t('panelPrevious')}
            </button>
            <button type="button" class="next" onClick={() => void step('next')}>
              {t('panelNext')}
            </button>
          </span>
        )}
      </header>
      {missed && (
        <p class="hint" role="status">
          {t('popupNextMissed')}
        </p>
      )}
      <p class="description" title={company?.description}>
        {company?.description}
      </p>
    </section>
  );
}

export function PageSummary({
  state,
  surface,
  onSettings,
  onAccessGranted,
}: {
  state: PageState;
  surface: Surface;
  /** The reader changed a switch: show it at once (it is saved here). */
  onSettings: (next: Settings) => void;
  onAccessGranted: () => void;
}) {
  const { settings, site, counts } = state;
  const update = (next: Settings) => {
    onSettings(next);
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
    if (granted) onAccessGranted();
  };
  const catalog = useCatalog();
  // In the catalog's order: a company whose claims were just switched off is no longer listed.
  const mentioned = catalog.companies.map((c) => c.id).filter((id) => countOf(counts, id) > 0);
  const timeframe = timeframeAbout(catalog, mentioned);
  // One line says where the reader now is on the page, whichever control moved them there.
  const [position, setPosition] = useState<string | null>(null);
  const repeated = new Set(state.page?.sentences.flatMap((sentence) => sentence.claims) ?? []);

  return (
    <>
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
        <p class="state">{t(unsupportedMessage(state.unsupported), listOf(companyNames(catalog), 'or'))}</p>
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
        <p class="state">{t('popupNoMentions', listOf(companyNames(catalog), 'or'))}</p>
      ) : (
        <>
          <p class="timeframe" title={timeframeLabel(timeframe)}>
            {shortTimeframeLabel(timeframe)}
          </p>
          {/* Always in the page, so screen readers announce each step as it changes. */}
          <p class="position" role="status">
            {position}
          </p>
          {state.page && (
            <PageRepeats page={state.page} tabId={state.tabId} surface={surface} onPosition={setPosition} />
          )}
          {mentioned.map((id) => (
            <CompanySection
              key={id}
              entity={id}
              count={countOf(counts, id)}
              tabId={state.tabId}
              surface={surface}
              onPosition={setPosition}
            />
          ))}
          <ClaimsList
            entities={mentioned}
            names={listOf(
              mentioned.map((id) => companyName(catalog, id)),
              'and',
            )}
            page={state.page}
            repeated={repeated}
          />
        </>
      )}
    </>
  );
}
