/**
 * Background: keeps mention counts per tab for the badge and the popup.
 * The sender's tab comes from the browser, never from the message.
 */
import browser from 'webextension-polyfill';
import { parseMessage, type TabState } from '../shared/messages.ts';
import { showBadge } from './badge.ts';
import { countsForTab, forgetTab, recordFrameCounts } from './tabMentions.ts';

browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => {
  // Only this extension's own contexts can reach onMessage; still, trust nothing.
  if (sender.id !== browser.runtime.id) return undefined;
  const message = parseMessage(raw);
  if (!message) return undefined;
  switch (message.type) {
    case 'mentions/report': {
      const tabId = sender.tab?.id;
      if (tabId === undefined || tabId < 0) return undefined;
      return recordFrameCounts(tabId, sender.frameId ?? 0, message.counts)
        .then((total) => showBadge(browser.action, tabId, total))
        .then(() => undefined);
    }
    case 'tab/get-state':
      return countsForTab(message.tabId).then((counts): TabState => ({ tabId: message.tabId, counts }));
  }
});

browser.tabs.onUpdated.addListener((tabId, change) => {
  // A new document is loading: its content script will report afresh.
  if (change.status === 'loading' && change.url !== undefined) void forgetTab(tabId);
});

browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
