import { expect, test } from '../support/fixtures.ts';
import { readCard, waitForCard, waitForNoCard } from '../support/card.ts';
import { clearSettings, sendToTab, tabIdOf, writeSettings } from '../support/extension.ts';
import { claimlightCss, focusStartButton, highlights, openStoryPage, waitForHighlights } from '../support/page.ts';

test.beforeEach(async ({ tab, server, chromium }) => {
  await clearSettings(chromium);
  await tab.goto(server.url('/article.html'));
  await waitForHighlights(tab, 5);
});

test.afterEach(async ({ chromium }) => {
  await clearSettings(chromium);
});

test('pausing restores the page node for node, and resuming highlights again', async ({ tab, chromium }) => {
  await writeSettings(chromium, { paused: true });
  await tab.waitFor(() => document.querySelectorAll('[data-claimlight-entity]').length === 0);
  expect(await tab.evaluate(() => (window as unknown as { __sameAsSnapshot(): string }).__sameAsSnapshot())).toBe(
    'same',
  );
  await writeSettings(chromium, { paused: false });
  await waitForHighlights(tab, 5);
});

test('pausing a page with marked sentences takes every Claimlight style out of it', async ({
  tab,
  server,
  chromium,
}) => {
  await openStoryPage(tab, server.url('/story.html'));
  expect(await claimlightCss(tab)).toContain('::highlight(claimlight-claim)');
  await writeSettings(chromium, { paused: true });
  await tab.waitFor(() => document.querySelectorAll('[data-claimlight-entity]').length === 0);
  expect(await claimlightCss(tab)).toBe('');
  await writeSettings(chromium, { paused: false });
  await openStoryPage(tab, server.url('/story.html'));
  expect(await claimlightCss(tab)).toContain('::highlight(claimlight-claim)');
});

test('turning a site off restores it; turning one company off removes only its highlights', async ({
  tab,
  chromium,
}) => {
  await writeSettings(chromium, { disabledSites: ['127.0.0.1'] });
  await tab.waitFor(() => document.querySelectorAll('[data-claimlight-entity]').length === 0);
  expect(await tab.evaluate(() => (window as unknown as { __sameAsSnapshot(): string }).__sameAsSnapshot())).toBe(
    'same',
  );
  await writeSettings(chromium, { companies: { oracle: false } });
  await waitForHighlights(tab, 4);
  expect((await highlights(tab)).filter((h) => h.startsWith('oracle:'))).toEqual([]);
});

test('corrupt stored settings fall back to the defaults', async ({ tab, server, chromium }) => {
  await writeSettings(chromium, { paused: 'yes', hoverDelayMs: -5, highlightStyle: 42 });
  await tab.goto(server.url('/article.html'));
  await waitForHighlights(tab, 5);
});

test('the next-mention command scrolls to each mention in turn, opens its card with focus, and Escape returns focus', async ({
  tab,
  chromium,
}) => {
  const tabId = tabIdOf(tab);
  await focusStartButton(tab);
  expect(await sendToTab(chromium, tabId, { type: 'mention/next', entity: null })).toBe(true);
  await waitForCard(tab, 'ByteDance');
  expect((await readCard(tab))?.focusedInside).toBe(true);
  expect(await sendToTab(chromium, tabId, { type: 'mention/next', entity: null })).toBe(true);
  await waitForCard(tab, 'TikTok');
  expect(await sendToTab(chromium, tabId, { type: 'mention/next', entity: 'oracle' })).toBe(true);
  await waitForCard(tab, 'Oracle');
  await tab.press('Escape');
  await waitForNoCard(tab);
  expect(await tab.evaluate(() => document.activeElement?.id)).toBe('start');
});

test('a malformed command is ignored', async ({ tab, chromium }) => {
  const tabId = tabIdOf(tab);
  await sendToTab(chromium, tabId, { type: 'mention/next', entity: 'meta' }).catch(() => undefined);
  // The positive control: a well-formed command sent after it is answered, so the content script has handled
  // the malformed one before it (one listener, messages in order).
  expect(await sendToTab(chromium, tabId, { type: 'page/ping' })).toEqual({ site: '127.0.0.1' });
  expect(await readCard(tab)).toBeNull();
});

test("the card's link opens the claims library for that company", async ({ tab, chromium }) => {
  await tab.hover('#p1 claimlight-mention');
  await waitForCard(tab, 'ByteDance');
  const opened = chromium.context.waitForEvent('page');
  await tab.evaluate(() =>
    document.querySelector('claimlight-card')?.shadowRoot?.querySelector<HTMLElement>('.all-claims')?.click(),
  );
  const library = await opened;
  expect(library.url()).toBe(`chrome-extension://${chromium.extensionId}/src/library/index.html?entity=bytedance`);
  await library.close();
});
