/**
 * Everything the popup shows about a tab: the mentions its content script
 * reported, the user's settings, which site it is, and whether Claimlight can
 * run there at all.
 */
import browser from 'webextension-polyfill';
import { emptyCounts, type MentionCounts } from '../shared/entities.ts';
import type { PageClaims } from '../shared/pageClaims.ts';
import { send } from '../shared/send.ts';
import type { Settings } from '../shared/settings.ts';
import { loadSettings } from '../shared/settingsStore.ts';

export interface PopupState {
  tabId: number;
  counts: MentionCounts;
  settings: Settings;
  /** Fields of the stored settings that were corrupt and fell back to their defaults. */
  settingsReset: string[];
  /** The page's host name, when known (reported by the page, or readable through activeTab). */
  site: string | null;
  /** A browser page or add-on store, where no extension may run. */
  restricted: boolean;
  /** False when the user has withheld Claimlight's access to websites (Firefox lets them). */
  hostAccess: boolean;
  /** What the page repeats from the reports, once its content script has had it matched; null before. */
  page: PageClaims | null;
}

/** Pages where browsers never run extensions. */
export function isRestrictedUrl(url: string): boolean {
  try {
    const { protocol, hostname, pathname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:' && protocol !== 'file:') return true;
    return (
      hostname === 'chromewebstore.google.com' ||
      (hostname === 'chrome.google.com' && pathname.startsWith('/webstore')) ||
      hostname === 'addons.mozilla.org' ||
      hostname === 'microsoftedge.microsoft.com'
    );
  } catch {
    return false;
  }
}

export async function loadPopupState(tabId: number): Promise<PopupState> {
  const [reported, page, { settings, reset }, tab, hostAccess] = await Promise.all([
    send('tab/get-state', { tabId }),
    send('page/get-claims', { tabId }),
    loadSettings(),
    browser.tabs.get(tabId).catch(() => null),
    browser.permissions.contains({ origins: ['<all_urls>'] }).catch(() => true),
  ]);
  // The URL is readable only when the user opened the popup on this tab (activeTab).
  const url = tab?.url;
  let site = reported?.site ?? null;
  if (url && !site) {
    try {
      site = new URL(url).hostname || null;
    } catch {
      site = null;
    }
  }
  return {
    tabId,
    counts: reported?.counts ?? emptyCounts(),
    settings,
    settingsReset: reset,
    site,
    restricted: url !== undefined && isRestrictedUrl(url),
    hostAccess,
    page,
  };
}
