/**
 * Hostile pages: CSS aimed at the highlight and the card, prototypes patched
 * in the page's world, fake extension messages, a page that undoes every
 * highlight through fresh elements, and 100,000 mentions. The extension keeps
 * working, and the page keeps working.
 */
import { readCard, waitForCard } from '../support/card.ts';
import { badgeText, storedCounts, tabIdOf } from '../support/extension.ts';
import { expect, test } from '../support/fixtures.ts';
import type { ChromiumHarness } from '../../scripts/harness/harness.ts';
import { settle, waitForHighlights } from '../support/page.ts';

test('page CSS aimed at the highlight and the card cannot hide or distort either', async ({ tab, server }) => {
  await tab.goto(server.url('/hostile-css.html'));
  await waitForHighlights(tab, 3);
  const looks = await tab.evaluate(() =>
    [...document.querySelectorAll('claimlight-mention')].map((mark) => {
      const style = getComputedStyle(mark);
      const parent = getComputedStyle(mark.parentElement ?? document.body);
      const box = mark.getBoundingClientRect();
      return {
        display: style.display,
        visibility: style.visibility,
        opacity: style.opacity,
        position: style.position,
        transform: style.transform,
        filter: style.filter,
        sameFont: style.fontSize === parent.fontSize && style.fontFamily === parent.fontFamily,
        sameColor: style.color === parent.color,
        tinted: style.backgroundColor !== 'rgba(0, 0, 0, 0)',
        onScreen: box.width > 0 && box.height > 0 && box.left >= 0,
      };
    }),
  );
  expect(looks).toHaveLength(3);
  for (const look of looks) {
    expect(look).toEqual({
      display: 'inline',
      visibility: 'visible',
      opacity: '1',
      position: 'static',
      transform: 'none',
      filter: 'none',
      sameFont: true,
      sameColor: true,
      tinted: true,
      onScreen: true,
    });
  }

  await tab.hover('#p1 claimlight-mention');
  await waitForCard(tab, 'TikTok');
  const card = await readCard(tab);
  const viewport = await tab.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  expect(card?.rect.width).toBeGreaterThan(200);
  expect(card?.rect.height).toBeGreaterThan(100);
  expect(card?.rect.x).toBeGreaterThanOrEqual(0);
  expect((card?.rect.x ?? 0) + (card?.rect.width ?? 0)).toBeLessThanOrEqual(viewport.width);
  const host = await tab.evaluate(() => {
    const el = document.querySelector('claimlight-card');
    if (!el) return null;
    const style = getComputedStyle(el);
    return { display: style.display, visibility: style.visibility, opacity: style.opacity, zIndex: style.zIndex };
  });
  expect(host).toEqual({ display: 'block', visibility: 'visible', opacity: '1', zIndex: '2147483647' });
});

test('prototypes patched in the page world break neither the extension nor the page', async ({ tab, server }) => {
  await tab.goto(server.url('/hostile-scripts.html'));
  // The page broke MutationObserver in its world, which the test harness's waits use: poll instead.
  const count = () => tab.evaluate(() => document.querySelectorAll('claimlight-mention').length);
  await expect.poll(count).toBe(3);
  const marks = await tab.evaluate(() =>
    [...document.querySelectorAll('claimlight-mention')].map(
      (m) => `${m.getAttribute('data-claimlight-entity') ?? ''}:${(m as HTMLElement).innerText}`,
    ),
  );
  expect(marks).toEqual(['tiktok:TikTok', 'bytedance:ByteDance', 'oracle:Oracle']);
  await tab.hover('#p2 claimlight-mention');
  const cardName = () =>
    tab.evaluate(
      () => document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.card .name')?.innerHTML ?? null,
    );
  await expect.poll(cardName).toBe('ByteDance');
  // The page's patches are still its own, and its own code still runs.
  expect(await tab.evaluate(() => (window as unknown as { __patchesIntact(): boolean }).__patchesIntact())).toBe(true);
  await tab.evaluate(() => {
    document.getElementById('ping')?.click();
  });
  expect(await tab.evaluate(() => (document.getElementById('pong') as HTMLOutputElement).value)).toBe('1');
  expect(tab.pageErrors).toEqual([]);
});

test('messages a page posts pretending to be the extension change nothing', async ({ tab, server, harness }) => {
  await tab.goto(server.url('/article.html'));
  await waitForHighlights(tab, 5);
  const before = await tab.evaluate(() => document.querySelectorAll('[data-claimlight-entity]').length);
  const reach = await tab.evaluate(async () => {
    const fakes: unknown[] = [
      { type: 'mention/next', entity: 'tiktok' },
      { type: 'mentions/report', counts: { tiktok: 999, bytedance: 0, oracle: 0 } },
      { type: 'claims/card', entity: 'oracle' },
      { type: 'settings', settings: { paused: true } },
      { type: 'library/open', entity: 'tiktok' },
    ];
    for (const message of fakes) {
      window.postMessage(message, '*');
      window.dispatchEvent(new MessageEvent('message', { data: message, origin: location.origin }));
      document.dispatchEvent(new CustomEvent('claimlight', { detail: message }));
    }
    // The keyboard command's keys, synthesised by the page: commands come from the browser, not from page events.
    document.body.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'K', altKey: true, shiftKey: true, bubbles: true }),
    );
    await new Promise((done) => setTimeout(done, 500));
    // With no externally_connectable in the manifest, a page has no channel to the extension at all.
    const w = window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } }; browser?: unknown };
    return { runtime: typeof w.chrome?.runtime?.sendMessage, browser: typeof w.browser };
  });
  expect(reach).toEqual({ runtime: 'undefined', browser: 'undefined' });
  expect(
    await tab.evaluate(() => document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.card') ?? null),
  ).toBe(null);
  expect(await tab.evaluate(() => document.querySelectorAll('[data-claimlight-entity]').length)).toBe(before);
  if (harness.name === 'chromium') {
    const chromium = harness as ChromiumHarness;
    const tabId = tabIdOf(tab);
    expect(await badgeText(chromium, tabId)).toBe(String(before));
  }
});

test('a page that replaces every highlighted paragraph with a fresh copy settles: no loop', async ({ tab, server }) => {
  await tab.goto(server.url('/article.html'));
  await waitForHighlights(tab, 5);
  const counts = await tab.evaluate(async () => {
    let created = 0;
    // Each time a highlight appears, its paragraph is rebuilt from plain text: a new element every time,
    // which a per-element cap alone cannot stop.
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof Element) || node.localName !== 'claimlight-mention') continue;
          created++;
          const paragraph = node.parentElement;
          if (!paragraph?.isConnected || paragraph.localName !== 'p') continue;
          const fresh = document.createElement('p');
          fresh.id = paragraph.id;
          fresh.textContent = paragraph.textContent;
          paragraph.replaceWith(fresh);
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
    for (const p of document.querySelectorAll('p')) {
      const fresh = document.createElement('p');
      fresh.id = p.id;
      fresh.textContent = p.textContent;
      p.replaceWith(fresh);
    }
    await new Promise((done) => setTimeout(done, 2000));
    const settledAt = created;
    await new Promise((done) => setTimeout(done, 1500));
    return { settledAt, later: created };
  });
  expect(counts.later).toBe(counts.settledAt);
  expect(counts.settledAt).toBeLessThan(400);
  // The page's text is whole.
  expect(await tab.evaluate(() => document.getElementById('p2')?.textContent)).toBe(
    'TikTok moved US traffic to Oracle, and TikTok says that is enough.',
  );
});

test('100,000 mentions: highlights capped, counts still exact, the page keeps working', async ({
  tab,
  server,
  harness,
}) => {
  test.setTimeout(120_000);
  const paragraph = '<p>TikTok, ByteDance and Oracle, and TikTok again.</p>';
  const url = server.page(
    '/hundred-thousand.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>100,000 mentions</title></head><body>
    <button id="ping" type="button" onclick="this.dataset.clicks = String(Number(this.dataset.clicks || 0) + 1)">ping</button>
    ${paragraph.repeat(25_000)}</body></html>`,
  );
  await tab.goto(url);
  await waitForHighlights(tab, 2000, 60_000);
  await settle(tab, 1000);
  expect(await tab.evaluate(() => document.querySelectorAll('[data-claimlight-entity]').length)).toBe(2000);
  // The page still answers its user.
  await tab.evaluate(() => {
    document.getElementById('ping')?.click();
  });
  expect(await tab.evaluate(() => document.getElementById('ping')?.dataset['clicks'])).toBe('1');
  expect(await tab.evaluate(() => document.body.innerText.length)).toBeGreaterThan(1_000_000);
  if (harness.name === 'chromium') {
    const chromium = harness as ChromiumHarness;
    const tabId = tabIdOf(tab);
    await expect
      .poll(() => storedCounts(chromium, tabId), { timeout: 20_000 })
      .toEqual({
        tiktok: 50_000,
        bytedance: 25_000,
        oracle: 25_000,
      });
    expect(await badgeText(chromium, tabId)).toBe('999+');
  }
});
