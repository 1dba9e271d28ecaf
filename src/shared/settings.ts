/**
 * User settings, kept in storage.sync. Every read is validated field by
 * field: a corrupt or unknown value falls back to its default and is reported,
 * so one bad field never costs the others.
 */
import { isEntityId, MAX_COMPANIES, type EntityId } from './entities.ts';

export { SETTINGS_KEY } from './settingsKey.ts';

export const HIGHLIGHT_STYLES = ['soft', 'underline', 'contrast'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export const HOVER_DELAY_MIN_MS = 100;
export const HOVER_DELAY_MAX_MS = 2000;
export const MAX_DISABLED_SITES = 1000;

/** A hover delay the settings accept: whole milliseconds within the range. */
export function isHoverDelay(value: unknown): value is number {
  return (
    typeof value === 'number' && Number.isInteger(value) && value >= HOVER_DELAY_MIN_MS && value <= HOVER_DELAY_MAX_MS
  );
}

export interface Settings {
  /** Off everywhere. */
  paused: boolean;
  /** Host names where Claimlight stays off, such as "example.com". */
  disabledSites: string[];
  /**
   * Companies the reader switched on or off, by id. A company not listed is on: a pack's company is
   * highlighted from the moment its pack is imported.
   */
  companies: Partial<Record<EntityId, boolean>>;
  highlightStyle: HighlightStyle;
  hoverDelayMs: number;
  /** Underline the page's sentences that repeat a claim (a click on one opens its card). */
  markSentences: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  paused: false,
  disabledSites: [],
  companies: {},
  highlightStyle: 'soft',
  hoverDelayMs: 400,
  markSentences: true,
});

export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS);
}

/** A host name as users type it: lower case, no scheme, path, port or leading "www.". */
export function normalizeSite(input: string): string | null {
  let text = input.trim().toLowerCase();
  if (!text) return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//.test(text)) text = `http://${text}`;
  try {
    const host = new URL(text).hostname.replace(/^www\./, '').replace(/\.$/, '');
    return /^[a-z0-9.-]+$/.test(host) && host.includes('.') ? host : host === 'localhost' ? host : null;
  } catch {
    return null;
  }
}

/** True when `hostname` is `site` or one of its subdomains. */
export function siteMatches(hostname: string, site: string): boolean {
  const host = hostname.toLowerCase().replace(/^www\./, '');
  return host === site || host.endsWith(`.${site}`);
}

export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  return settings.disabledSites.some((site) => siteMatches(hostname, site));
}

export interface ParsedSettings {
  settings: Settings;
  /** Fields that held a corrupt or unknown value and were reset to their default. */
  reset: string[];
}

export function parseSettings(raw: unknown): ParsedSettings {
  const settings = defaultSettings();
  const reset: string[] = [];
  if (raw === undefined) return { settings, reset };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { settings, reset: ['settings'] };
  const value = raw as Record<string, unknown>;

  if ('paused' in value) {
    if (typeof value['paused'] === 'boolean') settings.paused = value['paused'];
    else reset.push('paused');
  }
  if ('disabledSites' in value) {
    const sites = value['disabledSites'];
    const normalized = Array.isArray(sites)
      ? sites.map((s) => (typeof s === 'string' ? normalizeSite(s) : null))
      : null;
    if (normalized && normalized.length <= MAX_DISABLED_SITES && normalized.every((s) => s !== null)) {
      settings.disabledSites = [...new Set(normalized)];
    } else reset.push('disabledSites');
  }
  if ('companies' in value) {
    const companies = value['companies'];
    if (typeof companies === 'object' && companies !== null && !Array.isArray(companies)) {
      const entries = Object.entries(companies as Record<string, unknown>).slice(0, MAX_COMPANIES);
      for (const [id, on] of entries) {
        if (!isEntityId(id)) reset.push('companies');
        else if (typeof on === 'boolean') settings.companies[id] = on;
        else reset.push(`companies.${id}`);
      }
    } else reset.push('companies');
  }
  if ('highlightStyle' in value) {
    const style = value['highlightStyle'];
    if ((HIGHLIGHT_STYLES as readonly unknown[]).includes(style)) settings.highlightStyle = style as HighlightStyle;
    else reset.push('highlightStyle');
  }
  if ('markSentences' in value) {
    if (typeof value['markSentences'] === 'boolean') settings.markSentences = value['markSentences'];
    else reset.push('markSentences');
  }
  if ('hoverDelayMs' in value) {
    const delay = value['hoverDelayMs'];
    if (isHoverDelay(delay)) settings.hoverDelayMs = delay;
    else reset.push('hoverDelayMs');
  }
  return { settings, reset };
}

/** Whether the reader wants `id` highlighted (on unless switched off). */
export function isCompanyOn(settings: Settings, id: EntityId): boolean {
  return settings.companies[id] !== false;
}

/** True when Claimlight should highlight any of `companies` on a page at `hostname`. */
export function isActiveOn(settings: Settings, hostname: string, companies: readonly EntityId[]): boolean {
  return !settings.paused && !isSiteDisabled(settings, hostname) && companies.some((id) => isCompanyOn(settings, id));
}
