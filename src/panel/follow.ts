/**
 * The side panel shows the active tab of its window and keeps up with it:
 * the reader switching tabs, the tab navigating, and what Claimlight learns
 * about the page (mention counts, the sentences it repeats) or the reader
 * changes (settings). None of this needs the `tabs` permission: the events
 * carry tab ids, and what the panel shows comes from Claimlight's own store.
 */
import browser from '../shared/browser.ts';
import type { Tabs, Storage } from 'webextension-polyfill';
import { SETTINGS_KEY } from '../shared/settings.ts';
import { mentionsKey, pageClaimsKey } from '../shared/sessionKeys.ts';
import { currentWindowId } from '../shared/sidePanel.ts';

export interface TabListener {
  /** The reader switched to another tab in the panel's window (null: the window has none active). */
  switched(tabId: number | null): void;
  /** The shown tab navigated, or Claimlight's knowledge of it or the settings changed. */
  changed(): void;
}

/** The window the panel follows: `?window=<id>` when given (tests), otherwise the panel's own. */
export async function panelWindow(search: string): Promise<number | null> {
  const param = new URLSearchParams(search).get('window');
  if (param !== null) {
    const id = Number(param);
    return Number.isSafeInteger(id) && id >= 0 ? id : null;
  }
  return currentWindowId();
}

async function activeTabOf(windowId: number): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, windowId }).catch(() => []);
  return tab?.id ?? null;
}

/** Follows `windowId`'s active tab; returns a function that stops following. */
export function followActiveTab(windowId: number, listener: TabListener): () => void {
  let shown: number | null = null;
  const show = (tabId: number | null) => {
    shown = tabId;
    listener.switched(tabId);
  };
  const onActivated = (info: Tabs.OnActivatedActiveInfoType) => {
    if (info.windowId === windowId) show(info.tabId);
  };
  // A tab moved in from another window and made active there fires onActivated too; one closed fires it for
  // the tab that takes its place.
  const onUpdated = (tabId: number, change: Tabs.OnUpdatedChangeInfoType) => {
    if (tabId === shown && (change.status !== undefined || change.url !== undefined)) listener.changed();
  };
  const onStorage = (changes: Record<string, Storage.StorageChange>, area: string) => {
    const watched =
      area === 'sync'
        ? [SETTINGS_KEY]
        : area === 'session' && shown !== null
          ? [mentionsKey(shown), pageClaimsKey(shown)]
          : [];
    if (watched.some((key) => key in changes)) listener.changed();
  };
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.storage.onChanged.addListener(onStorage);
  let stopped = false;
  void activeTabOf(windowId).then((tabId) => {
    if (!stopped && shown === null) show(tabId);
  });
  return () => {
    stopped = true;
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.storage.onChanged.removeListener(onStorage);
  };
}
