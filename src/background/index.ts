/**
 * Background: keeps mention counts per tab for the badge and the popup,
 * serves the claims to hover cards, relays the keyboard commands, and opens
 * the library for a selection looked up from the context menu.
 * The sender's tab always comes from the browser, never from the message.
 */
import browser from '../shared/browser.ts';
import type { Runtime } from 'webextension-polyfill';
import { NEXT_MENTION_COMMAND, OPEN_PANEL_COMMAND } from '../shared/commands.ts';
import { dispatchMessage, type Handlers, type MESSAGES, type Reply } from '../shared/messages.ts';
import { libraryPath, viewerPath } from '../shared/pages.ts';
import { sendToTab } from '../shared/send.ts';
import { openSidePanel } from '../shared/sidePanel.ts';
import { showBadge } from './badge.ts';
import { cardSummary } from './cardClaims.ts';
import { catalog } from './catalog.ts';
import { lookupPath, registerLookupMenu } from './lookup.ts';
import { forgetPageClaims, matchPage, pageClaimsOf, recordPageClaims } from './pageClaims.ts';
import { forgetTab, recordFrameCounts, tabSummary } from './tabMentions.ts';

/** The tab that sent a message from a content script, when the browser names one. */
function senderTab(sender: Runtime.MessageSender): number | undefined {
  const tabId = sender.tab?.id;
  return tabId === undefined || tabId < 0 ? undefined : tabId;
}

/** Whether the message comes from one of the extension's own pages (the popup, panel, library), not a page's frame. */
function fromOwnPage(sender: Runtime.MessageSender): boolean {
  return sender.url?.startsWith(browser.runtime.getURL('')) === true;
}

// One handler per message of the table: a message without a handler fails the type check.
const handlers: Handlers<typeof MESSAGES, Runtime.MessageSender> = {
  'mentions/report': (message, sender) => {
    const tabId = senderTab(sender);
    if (tabId === undefined) return undefined;
    return recordFrameCounts(tabId, sender.frameId ?? 0, message.counts, sender.url)
      .then((total) => showBadge(browser.action, tabId, total))
      .then(() => undefined);
  },
  // Another tab's counts and site are for the extension's own pages (the popup), never for a content script.
  'tab/get-state': (message, sender) =>
    fromOwnPage(sender)
      ? tabSummary(message.tabId).then((summary): Reply<'tab/get-state'> => ({ tabId: message.tabId, ...summary }))
      : undefined,
  'page/match': (message, sender) => {
    // Sentences are matched for the top frame only: the popup summarises the page the reader sees.
    const tabId = senderTab(sender);
    if (tabId === undefined || sender.frameId !== 0) return undefined;
    return catalog().then((claims) => {
      const { hits, page } = matchPage(claims, message.blocks);
      return recordPageClaims(tabId, page).then(() => hits);
    });
  },
  'page/clear': (_message, sender) => {
    const tabId = senderTab(sender);
    if (tabId === undefined || sender.frameId !== 0) return undefined;
    return forgetPageClaims(tabId).then(() => undefined);
  },
  'page/get-claims': (message, sender) => (fromOwnPage(sender) ? pageClaimsOf(message.tabId) : undefined),
  'claims/card': (message, sender) => {
    // The tab's page, as matching found it: hovers in any of its frames are about the page the reader sees.
    const tabId = senderTab(sender);
    const page = tabId === undefined ? Promise.resolve(null) : pageClaimsOf(tabId).catch(() => null);
    return Promise.all([catalog(), page]).then(([claims, found]) =>
      cardSummary(claims, { entity: message.entity, lead: message.first, paragraph: message.context }, found),
    );
  },
  'library/open': (message, sender) => openBeside(libraryPath(message.entity), sender),
  'viewer/open': (message, sender) => openBeside(viewerPath(message.source, message.quote), sender),
};

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  // Only this extension's own contexts can reach onMessage; still, trust nothing.
  if (sender.id !== browser.runtime.id) return undefined;
  return dispatchMessage(handlers, raw, sender);
});

/** Opens one of the extension's pages in a new tab next to the page that asked. */
function openBeside(path: string, sender: Runtime.MessageSender): Promise<undefined> {
  return browser.tabs
    .create({ url: browser.runtime.getURL(path), index: (sender.tab?.index ?? -1) + 1 })
    .then(() => undefined);
}

// Firefox for Android has no context menus: everything else works without them.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
if (browser.contextMenus) {
  void registerLookupMenu().catch(() => undefined);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const path = lookupPath(info);
    if (path) void browser.tabs.create({ url: browser.runtime.getURL(path), index: (tab?.index ?? -1) + 1 });
  });
}

browser.commands.onCommand.addListener((command, tab) => {
  // Straight from the key press, nothing awaited first: Chrome opens the panel only in answer to the reader.
  if (command === OPEN_PANEL_COMMAND) {
    if (tab?.windowId !== undefined) void openSidePanel(tab.windowId);
    return;
  }
  if (command !== NEXT_MENTION_COMMAND) return;
  // Only the top frame answers, so one command moves to one mention.
  const send = (tabId: number) => sendToTab(tabId, 'mention/next', { entity: null });
  if (tab?.id !== undefined) void send(tab.id);
  else
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([active]) => (active?.id === undefined ? undefined : send(active.id)));
});

browser.tabs.onUpdated.addListener((tabId, change) => {
  // A new document is loading: clear what the old one reported; its content script will report afresh.
  if (change.status === 'loading') {
    void forgetTab(tabId);
    void forgetPageClaims(tabId);
    browser.action.setBadgeText({ tabId, text: '' }).catch(() => undefined);
  }
});

browser.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId);
  void forgetPageClaims(tabId);
});
