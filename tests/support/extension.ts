/** Chromium-only helpers that act through the extension's own service worker. */
import type { Page } from '@playwright/test';
import type { ChromeApi } from '../../scripts/harness/chromeApi.ts';
import type { ChromiumHarness } from '../../scripts/harness/harness.ts';
import { mentionsKey } from '../../src/shared/sessionKeys.ts';

export { tabIdOf } from '../../scripts/harness/harness.ts';

/** Writes the raw settings value into storage.sync, as the options page (or corruption) would. */
export async function writeSettings(harness: ChromiumHarness, value: unknown): Promise<void> {
  const worker = await harness.serviceWorker();
  await worker.evaluate(async (v) => {
    const { chrome } = globalThis as unknown as { chrome: ChromeApi };
    await chrome.storage.sync.set({ settings: v });
  }, value);
}

export async function clearSettings(harness: ChromiumHarness): Promise<void> {
  const worker = await harness.serviceWorker();
  await worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: ChromeApi };
    await chrome.storage.sync.clear();
  });
}

/** Sends a message to a tab's top frame from the background, as the keyboard command does. */
export async function sendToTab(harness: ChromiumHarness, tabId: number, message: unknown): Promise<unknown> {
  const worker = await harness.serviceWorker();
  return worker.evaluate(
    async ([id, m]) => {
      const { chrome } = globalThis as unknown as { chrome: ChromeApi };
      return chrome.tabs.sendMessage(id, m, { frameId: 0 });
    },
    [tabId, message] as const,
  );
}

/** The toolbar badge text the extension set for a tab. */
export async function badgeText(harness: ChromiumHarness, tabId: number): Promise<string> {
  const worker = await harness.serviceWorker();
  return worker.evaluate((id) => {
    const { chrome } = globalThis as unknown as { chrome: ChromeApi };
    return chrome.action.getBadgeText({ tabId: id });
  }, tabId);
}

/** The mention counts the background holds for a tab, summed over its frames (what the popup shows). */
export async function storedCounts(harness: ChromiumHarness, tabId: number): Promise<Record<string, number>> {
  const worker = await harness.serviceWorker();
  // The background's own key for the tab (the function runs in the worker, so the key is made here).
  return worker.evaluate(async (key) => {
    const { chrome } = globalThis as unknown as { chrome: ChromeApi };
    const stored = (await chrome.storage.session.get(key))[key] as
      { frames: Record<string, Record<string, number>> } | undefined;
    const total: Record<string, number> = { tiktok: 0, bytedance: 0, oracle: 0 };
    for (const counts of Object.values(stored?.frames ?? {}))
      for (const [id, n] of Object.entries(counts)) total[id] = (total[id] ?? 0) + n;
    return total;
  }, mentionsKey(tabId));
}

/**
 * Evaluates an expression in Chrome's real side panel, when one shows an extension page: Playwright lists no
 * side panel among its pages, so this goes through the DevTools protocol of `via`, any page of the browser.
 * Null when no side panel is open.
 */
export async function evaluateInSidePanel(harness: ChromiumHarness, via: Page, expression: string): Promise<unknown> {
  const cdp = await harness.context.newCDPSession(via);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const panel = targetInfos.find((t) => t.url.startsWith(`chrome-extension://${harness.extensionId}/src/panel/`));
    if (!panel) return null;
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: panel.targetId, flatten: false });
    const answer = new Promise<string>((resolve) => {
      cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
        if (event.sessionId === sessionId) resolve(event.message);
      });
    });
    const request = { id: 1, method: 'Runtime.evaluate', params: { expression, returnByValue: true } };
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify(request) });
    const reply = JSON.parse(await answer) as { result?: { result?: { value?: unknown } } };
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    return reply.result?.result?.value ?? null;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
