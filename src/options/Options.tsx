/**
 * The options page. Every change is saved to storage.sync at once and takes
 * effect on open tabs; stored values are validated on every read, and a
 * corrupt one is reset to its default with a notice saying which.
 */
import { useEffect, useState } from 'preact/hooks';
import { companyName } from '../shared/catalog/catalog.ts';
import { ENTITY_ATTRIBUTE, highlightCss, MENTION_TAG } from '../shared/highlightCss.ts';
import { t } from '../shared/i18n.ts';
import { BUILT_IN_COMPANIES } from '../shared/lexicon.ts';
import {
  HIGHLIGHT_STYLES,
  HOVER_DELAY_MAX_MS,
  HOVER_DELAY_MIN_MS,
  isCompanyOn,
  isHoverDelay,
  normalizeSite,
  type Settings,
} from '../shared/settings.ts';
import { loadSettings, onSettingsChanged, saveSettings } from '../shared/settingsStore.ts';
import { useCatalog } from '../ui/catalog.tsx';
import { Switch } from '../ui/Switch.tsx';
import { ClaimPacks } from './ClaimPacks.tsx';

type View = { kind: 'loading' } | { kind: 'ready'; settings: Settings; reset: string[] };

const styleKey = (style: string) => `style_${style}`;

export function Options() {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [saved, setSaved] = useState(false);
  const [siteInput, setSiteInput] = useState('');
  const [siteError, setSiteError] = useState(false);
  const [delayText, setDelayText] = useState('');
  const catalog = useCatalog();

  useEffect(() => {
    const refresh = () =>
      void loadSettings().then(({ settings, reset }) => {
        setView({ kind: 'ready', settings, reset });
        setDelayText(String(settings.hoverDelayMs));
      });
    refresh();
    // Changes from the popup or another device show up here too.
    return onSettingsChanged(refresh);
  }, []);

  if (view.kind === 'loading') return <main class="options" aria-busy="true" />;
  const { settings, reset } = view;
  const update = (next: Settings) => {
    setView({ kind: 'ready', settings: next, reset: [] });
    void saveSettings(next).then(() => setSaved(true));
  };
  const addSite = (event: Event) => {
    event.preventDefault();
    const site = normalizeSite(siteInput);
    if (!site) {
      setSiteError(true);
      return;
    }
    setSiteError(false);
    setSiteInput('');
    if (!settings.disabledSites.includes(site))
      update({ ...settings, disabledSites: [...settings.disabledSites, site] });
  };
  const commitDelay = () => {
    const value = Number(delayText);
    if (isHoverDelay(value)) {
      update({ ...settings, hoverDelayMs: value });
    } else setDelayText(String(settings.hoverDelayMs));
  };

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {reset.length > 0 && (
        <p class="notice" role="alert">
          {t('optionsReset', reset.join(', '))}
        </p>
      )}
      <section aria-labelledby="general">
        <h2 id="general">{t('optionsGeneral')}</h2>
        <Switch
          id="paused"
          label={t('popupPauseSwitch')}
          checked={settings.paused}
          onChange={(paused) => update({ ...settings, paused })}
        />
      </section>
      <section aria-labelledby="sentences">
        <h2 id="sentences">{t('optionsSentences')}</h2>
        <Switch
          id="mark-sentences"
          label={t('optionsMarkSentences')}
          checked={settings.markSentences}
          onChange={(markSentences) => update({ ...settings, markSentences })}
        />
        <p class="help">{t('optionsMarkSentencesHelp')}</p>
      </section>
      <section aria-labelledby="companies">
        <h2 id="companies">{t('optionsCompanies')}</h2>
        {catalog.companies.map(({ id }) => (
          <Switch
            key={id}
            id={`company-${id}`}
            label={t('optionsHighlightCompany', companyName(catalog, id))}
            checked={isCompanyOn(settings, id)}
            onChange={(on) => update({ ...settings, companies: { ...settings.companies, [id]: on } })}
          />
        ))}
      </section>
      <ClaimPacks />
      <section aria-labelledby="style">
        <h2 id="style">{t('optionsStyle')}</h2>
        <style>{highlightCss(settings.highlightStyle)}</style>
        <fieldset class="styles">
          <legend class="visually-hidden">{t('optionsStyle')}</legend>
          {HIGHLIGHT_STYLES.map((style) => (
            <label key={style} class="style-choice">
              <input
                type="radio"
                name="style"
                value={style}
                checked={settings.highlightStyle === style}
                onChange={() => update({ ...settings, highlightStyle: style })}
              />
              {t(styleKey(style))}
            </label>
          ))}
        </fieldset>
        <p class="preview">
          {t('optionsPreviewBefore')}{' '}
          {(() => {
            // The first company the lexicon lists, highlighted as a page would show it.
            const Tag = MENTION_TAG as unknown as 'span';
            const [company] = BUILT_IN_COMPANIES;
            return company && <Tag {...{ [ENTITY_ATTRIBUTE]: company.id }}>{company.name}</Tag>;
          })()}{' '}
          {t('optionsPreviewAfter')}
        </p>
      </section>
      <section aria-labelledby="delay">
        <h2 id="delay">{t('optionsDelay')}</h2>
        <label class="field">
          {t('optionsDelayLabel', [String(HOVER_DELAY_MIN_MS), String(HOVER_DELAY_MAX_MS)])}
          <input
            type="number"
            min={HOVER_DELAY_MIN_MS}
            max={HOVER_DELAY_MAX_MS}
            step={50}
            value={delayText}
            onInput={(e) => setDelayText(e.currentTarget.value)}
            onChange={commitDelay}
          />
        </label>
      </section>
      <section aria-labelledby="sites">
        <h2 id="sites">{t('optionsSites')}</h2>
        <p class="help">{t('optionsSitesHelp')}</p>
        {settings.disabledSites.length === 0 ? (
          <p class="help">{t('optionsSitesNone')}</p>
        ) : (
          <ul class="sites">
            {settings.disabledSites.map((site) => (
              <li key={site}>
                <span>{site}</span>
                <button
                  type="button"
                  aria-label={t('optionsRemoveSite', site)}
                  onClick={() =>
                    update({ ...settings, disabledSites: settings.disabledSites.filter((s) => s !== site) })
                  }
                >
                  {t('optionsRemove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="add-site" onSubmit={addSite}>
          <label class="field">
            {t('optionsAddSiteLabel')}
            <input
              type="text"
              value={siteInput}
              placeholder={t('optionsSitePlaceholder')}
              aria-invalid={siteError}
              aria-describedby={siteError ? 'site-error' : undefined}
              onInput={(e) => setSiteInput(e.currentTarget.value)}
            />
          </label>
          <button type="submit">{t('optionsAddSite')}</button>
        </form>
        {siteError && (
          <p id="site-error" class="error" role="alert">
            {t('optionsBadSite')}
          </p>
        )}
      </section>
      <p class="saved" role="status">
        {saved ? t('optionsSaved') : ''}
      </p>
    </main>
  );
}
