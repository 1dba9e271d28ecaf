/**
 * Hostile pages: CSS aimed at the highlight and the card, prototypes patched
 * in the page's world, fake extension messages, a page that undoes every
 * highlight through fresh elements, and 100,000 mentions. The extension keeps
 * working, and the page keeps working.
 */
import { readCard, waitForCard } from '../support/card.ts';
import { badgeText, storedCounts, tabIdOf } from '../support/extension.ts';
import { expect, test } from '../support/fixtures.ts';
import type { BrowserHarness, ChromiumHarness, TestPage } from '../../scripts/harness/harness.ts';
import { firstAfterQuiet, waitForHighlights } from '../support/page.ts';

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
    // Posted messages arrive in order: once this last one has, every fake before it has been delivered to
    // every listener of the page's window, a content script's included.
    const allDelivered = new Promise<void>((done) => {
      window.addEventListener('message', (event) => {
        if (event.data === 'fakes-done') done();
      });
    });
    for (const message of fakes) {
      window.postMessage(message, '*');
      window.dispatchEvent(new MessageEvent('message', { data: message, origin: location.origin }));
      document.dispatchEvent(new CustomEvent('claimlight', { detail: message }));
    }
    // The keyboard command's keys, synthesised by the page: commands come from the browser, not from page events.
    document.body.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'K', altKey: true, shiftKey: true, bubbles: true }),
    );
    window.postMessage('fakes-done', '*');
    await allDelivered;
    // With no externally_connectable in the manifest, a page has no channel to the extension at all.
    const w = window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } }; browser?: unknown };
    return { runtime: typeof w.chrome?.runtime?.sendMessage, browser: typeof w.browser };
  });
  expect(reach).toEqual({ runtime: 'undefined', browser: 'undefined' });
  // The positive control, after the fakes: a frame the page adds now (one mention of TikTok) is highlighted, so
  // the extension still works in this tab (a fake pause, had it been obeyed, would stop it); in Chromium the
  // background then counts that frame's report, sent after anything a fake could have made the page's own
  // content script send.
  await tab.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.id = 'control';
    frame.src = '/frame-child.html';
    document.body.append(frame);
  });
  await tab.waitFor(
    () =>
      (document.getElementById('control') as HTMLIFrameElement | null)?.contentDocument?.querySelector(
        'claimlight-mention',
      ) != null,
    undefined,
    15_000,
  );
  expect(
    await tab.evaluate(() => document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.card') ?? null),
  ).toBe(null);
  expect(await tab.evaluate(() => document.querySelectorAll('[data-claimlight-entity]').length)).toBe(before);
  if (harness.name === 'chromium') {
    const chromium = harness as ChromiumHarness;
    const tabId = tabIdOf(tab);
    // The page's own mentions and the control frame's one; a fake report passed on (999) would count here.
    await expect.poll(() => badgeText(chromium, tabId)).toBe(String(before + 1));
  }
});

test('a page that replaces every highlighted paragraph with a fresh copy settles: no loop', async ({ tab, server }) => {
  await tab.goto(server.url('/article.html'));
  await waitForHighlights(tab, 5);
  await tab.evaluate(() => {
    // When each highlight appeared (performance.now()), as the page saw it.
    const created: number[] = [];
    (window as unknown as { __created: number[] }).__created = created;
    // Each time a highlight appears, its paragraph is rebuilt from plain text: a new element every time,
    // which a per-element cap alone cannot stop.
    new MutationObserver((records) => {
      const now = performance.now();
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof Element) || node.localName !== 'claimlight-mention') continue;
          created.push(now);
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
  });
  // The positive control: text added after the fight (in a <div>, which the page leaves alone). Claimlight
  // leaves a page that resists alone until it has been quiet, then comes back and highlights what it added
  // meanwhile: the control, and the paragraphs again. The test waits for that return, and for the first
  // highlight after a quiet 1.5 s; or for 400 highlights, which only a loop makes.
  await tab.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<div id="control">Later: Oracle.</div>'));
  const fight = () =>
    tab.evaluate(() => ({
      created: (window as unknown as { __created: number[] }).__created,
      control: document.querySelector('#control claimlight-mention') !== null,
    }));
  await expect
    .poll(
      async () => {
        const { created, control } = await fight();
        return (control && firstAfterQuiet(created, 1500) > 0) || created.length >= 400;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  const { created } = await fight();
  // It settles: what the page undid stopped being highlighted again for 1.5 s (until Claimlight came back), and
  // the fight before that was short.
  const settledAt = firstAfterQuiet(created, 1500);
  expect(settledAt, 'the highlights the page undid stopped for 1.5 s').toBeGreaterThan(0);
  expect(settledAt).toBeLessThan(400);
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
  // The positive control: the background's counts are exact, so the first pass has read the whole page,
  // the 98,000 mentions past the cap included (they are counted, not highlighted).
  const counts = await backgroundCounts(harness, tab, server.url('/demo.html'));
  await expect.poll(counts, { timeout: 20_000 }).toEqual({
    tiktok: 50_000,
    bytedance: 25_000,
    oracle: 25_000,
  });
  expect(await tab.evaluate(() => document.querySelectorAll('[data-claimlight-entity]').length)).toBe(2000);
  // The page still answers its user.
  await tab.evaluate(() => {
    document.getElementById('ping')?.click();
  });
  expect(await tab.evaluate(() => document.getElementById('ping')?.dataset['clicks'])).toBe('1');
  expect(await tab.evaluate(() => document.body.innerText.length)).toBeGreaterThan(1_000_000);
  if (harness.name === 'chromium') {
    expect(await badgeText(harness as ChromiumHarness, tabIdOf(tab))).toBe('999+');
  }
});

/**
 * Reads the mention counts the background holds for `tab`: in Chromium from its session storage, in Firefox
 * through the popup page for the tab (opened once, by way of `via`, a page with a mention).
 */
async function backgroundCounts(
  harness: BrowserHarness,
  tab: TestPage,
  via: string,
): Promise<() => Promise<Record<string, number>>> {
  if (harness.name === 'chromium') return () => storedCounts(harness as ChromiumHarness, tabIdOf(tab));
  const popup = await harness.openPopup(tab, via);
  return () =>
    popup.evaluate(async () => {
      const { browser } = globalThis as unknown as {
        browser: { runtime: { sendMessage(m: unknown): Promise<{ counts: Record<string, number> }> } };
      };
      const tabId = Number(new URLSearchParams(location.search).get('tab'));
      return (await browser.runtime.sendMessage({ type: 'tab/get-state', tabId })).counts;
    });
}
