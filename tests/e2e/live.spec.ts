/**
 * Pages that keep changing must end right: once they stop, every mention is
 * highlighted and the text is exactly what the page rendered.
 */
import { expect, test } from '../support/fixtures.ts';
import { highlights } from '../support/page.ts';

test('a live ticker that rewrites its own text node ends with its final text highlighted', async ({ tab, server }) => {
  await tab.goto(server.url('/live-ticker.html'));
  await tab.waitFor(() => (window as unknown as { tickerDone: boolean }).tickerDone, undefined, 15_000);
  // The page stopped: its final text, every mention in it highlighted.
  await tab.waitFor(
    () => {
      const ticker = document.getElementById('ticker');
      const feed = document.getElementById('feed');
      if (!ticker || !feed) return false;
      const marks = [...document.querySelectorAll('[data-claimlight-entity]')].map((m) => m.textContent);
      const expected = `${ticker.textContent} ${feed.textContent}`.match(/TikTok|ByteDance|Oracle/g) ?? [];
      return marks.length === expected.length;
    },
    undefined,
    15_000,
  );
  const state = await tab.evaluate(() => ({
    ticker: document.getElementById('ticker')?.textContent,
    tickerMarks: [...(document.getElementById('ticker')?.querySelectorAll('[data-claimlight-entity]') ?? [])].map(
      (m) => m.textContent,
    ),
    items: [...document.querySelectorAll('#feed li')].map((li) => li.textContent),
  }));
  const model = await tab.evaluate(() => (window as unknown as { model: { ticker: string; items: string[] } }).model);
  // The last update (tick 150 is even) is the TikTok line, exactly as the page wrote it.
  expect(state.ticker).toBe('TikTok update 150 from ByteDance');
  expect(state.ticker).toBe(model.ticker);
  expect(state.tickerMarks).toEqual(['TikTok', 'ByteDance']);
  // The list reads exactly as the page's own model of it.
  expect(state.items).toEqual(model.items);
  const mentions = [model.ticker, ...model.items].join(' ').match(/TikTok|ByteDance|Oracle/g) ?? [];
  expect((await highlights(tab)).map((h) => h.split(':')[1])).toEqual(mentions);
  expect(tab.pageErrors).toEqual([]);
});

for (const variant of ['alone', 'with light mentions'] as const) {
  test(`open shadow roots on a div, a span and a custom element are highlighted, before and after load; closed ones are not entered (${variant})`, async ({
    tab,
    server,
  }) => {
    await tab.goto(server.url(variant === 'alone' ? '/shadow-hosts.html' : '/shadow-hosts.html?light'));
    const inRoot = (id: string) =>
      tab.evaluate(
        (hostId) =>
          [...(document.getElementById(hostId)?.shadowRoot?.querySelectorAll('[data-claimlight-entity]') ?? [])].map(
            (m) => `${m.getAttribute('data-claimlight-entity') ?? ''}:${m.textContent}`,
          ),
        id,
      );
    await tab.waitFor(() => (window as unknown as { lateDone?: boolean }).lateDone === true);
    const expected: Record<string, string[]> = {
      'div-host': ['tiktok:TikTok'],
      'span-host': ['bytedance:ByteDance'],
      'custom-host': ['oracle:Oracle'],
      'late-new': ['tiktok:TikTok'],
      'late-existing': ['bytedance:ByteDance'],
    };
    for (const id of Object.keys(expected)) {
      await expect.poll(() => inRoot(id), { timeout: 15_000, message: id }).toEqual(expected[id]);
    }
    const light = await tab.evaluate(() =>
      [...document.querySelectorAll('[data-claimlight-entity]')].map((m) => m.textContent),
    );
    expect(light).toEqual(variant === 'alone' ? [] : ['Oracle']);
    // A closed root is the page's private part: never entered.
    expect(
      await tab.evaluate(() => {
        const closed = (window as unknown as { closedRoot: ShadowRoot }).closedRoot;
        return { marks: closed.querySelectorAll('[data-claimlight-entity]').length, html: closed.innerHTML };
      }),
    ).toEqual({ marks: 0, html: '<p>A closed root about TikTok.</p>' });
    // Each root's text reads exactly as the page wrote it.
    expect(await tab.evaluate(() => document.getElementById('div-host')?.shadowRoot?.textContent)).toBe(
      'A div root about TikTok.',
    );
    expect(tab.pageErrors).toEqual([]);
  });
}
