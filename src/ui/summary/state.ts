/**
 * Everything the popup and the side panel show about a tab: the mentions its content script
 * reported, the user's settings, which site it is, and whether Claimlight can
 * run there at all.
 */
import browser from '../../shared/browser.ts';
import { emptyCounts, totalMentions, type MentionCounts } from '../../shared/entities.ts';
import type { PageClaims } from '../../shared/pageClaims.ts';
import { send, sendToTab } from '../../shared/send.ts';
import type { Settings } from '../../shared/settings.ts';
import { loadSettings } from '../../shared/settingsStore.ts';

export interface PageState {
  tabId: number;
  counts: MentionCounts;
  settings: Settings;
  /** Fields of the stored settings that were corrupt and fell back to their defaults. */
  settingsReset: string[];
  /** The page's host name, when known (reported by the page, or readable through activeTab). */
  site: string | null;
  /** Why Claimlight cannot read this page at all (a browser page, a store, Reader View, a PDF); null if it can. */
  unsupported: UnsupportedReason | null;
  /** False when the user has withheld Claimlight's access to websites (Firefox lets them). */
  hostAccess: boolean;
  /** What the page repeats from the reports, once its content script has had it matched; null before. */
  page: PageClaims | null;
}

/**
 * Why a page is out of Claimlight's reach, each said plainly. 'unknown': the page never reported, its engine
 * does not answer and its address is hidden (Chrome's side panel reads addresses only with the reader's
 * click): either a page with no mention or one browsers keep extensions out of, and the message says both.
 */
export type UnsupportedReason = 'own' | 'browser' | 'store' | 'reader' | 'pdf' | 'unknown';

const STORES: readonly ((url: URL) => boolean)[] = [
  (u) => u.hostname === 'chromewebstore.google.com',
  (u) => u.hostname === 'chrome.google.com' && u.pathname.startsWith('/webstore'),
  (u) => u.hostname === 'addons.mozilla.org',
  (u) => u.hostname === 'microsoftedge.microsoft.com',
];

/**
 * Pages no content script can read: browser pages and add-on stores (browsers never run extensions there),
 * Firefox's Reader View (an about: page of its own), and PDFs, which both browsers show in a viewer of
 * their own rather than as a page of text.
 */
export function unsupportedReason(url: string, ownPrefix = browser.runtime.getURL('')): UnsupportedReason | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // Claimlight's own pages (the library, a report, the options) are named as such.
  if (url.startsWith(ownPrefix)) return 'own';
  if (parsed.protocol === 'about:' && parsed.pathname === 'reader') return 'reader';
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:' && parsed.protocol !== 'file:') return 'browser';
  if (STORES.some((isStore) => isStore(parsed))) return 'store';
  if (/\.pdf$/i.test(parsed.pathname)) return 'pdf';
  return null;
}

const UNSUPPORTED_MESSAGE: Record<UnsupportedReason, string> = {
  own: 'popupOwnPage',
  browser: 'popupUnsupportedBrowser',
  store: 'popupUnsupportedStore',
  reader: 'popupUnsupportedReader',
  pdf: 'popupUnsupportedPdf',
  unknown: 'popupUnsupportedUnknown',
};

/** The message key that says why. */
export function unsupportedMessage(reason: UnsupportedReason): string {
  return UNSUPPORTED_MESSAGE[reason];
}

/**
 * Why a page that never reported and did not answer cannot be read: by its address when it is readable; when
 * it is hidden, 'unknown' (no mention, or a page browsers keep extensions out of), unless Claimlight lacks
 * host access, which the summary says instead. A PDF whose page did report (a site serving one as HTML) is a
 * page Claimlight read after all, so reports come first.
 */
function unsupportedOf(url: string | undefined, couldRun: boolean): UnsupportedReason | null {
  if (url !== undefined) return unsupportedReason(url);
  return couldRun ? 'unknown' : null;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

export async function loadPageState(tabId: number): Promise<PageState> {
  const [reported, page, { settings, reset }, tab, hostAccess] = await Promise.all([
    send('tab/get-state', { tabId }),
    send('page/get-claims', { tabId }),
    loadSettings(),
    browser.tabs.get(tabId).catch(() => null),
    browser.permissions.contains({ origins: ['<all_urls>'] }).catch(() => true),
  ]);
  // The URL is readable where Claimlight may run (its host access, in Firefox), and on any page when the
  // reader opened the popup there (activeTab).
  const url = tab?.url;
  // The page's content script ran: it reported its site, or mentions from one of its frames.
  const reportedFrom = Boolean(reported?.site) || (reported ? totalMentions(reported.counts) > 0 : false);
  // Chrome's side panel sees no address. A page whose engine runs (it may mention a company, and it may be
  // paused or off for the site) answers; a page with no mention and a page no extension may touch do not.
  const ping = !reportedFrom && url === undefined && tab ? await sendToTab(tabId, 'page/ping', {}) : null;
  const heardFrom = reportedFrom || ping !== null;
  return {
    tabId,
    counts: reported?.counts ?? emptyCounts(),
    settings,
    settingsReset: reset,
    // An empty host (about:blank, a file) names no site.
    site: reported?.site || ping?.site || (url ? hostOf(url) : null),
    unsupported: heardFrom ? null : unsupportedOf(url, hostAccess && tab !== null),
    hostAccess,
    page,
  };
}
