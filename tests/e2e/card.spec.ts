import claimsFile from '../../seeds/claims.json' with { type: 'json' };
import companiesFile from '../../seeds/companies.json' with { type: 'json' };
import sourcesFile from '../../seeds/sources.json' with { type: 'json' };
import { expect, test } from '../support/fixtures.ts';
import { reportName } from '../../src/shared/claims.ts';
import { readCard, waitForCard, waitForNoCard } from '../support/card.ts';
import { cardLog, focused, pressShiftTab, recordCards, setViewport } from '../support/keyboard.ts';
import { addHighlighted, waitForHighlights } from '../support/page.ts';
import type { TestPage } from '../../scripts/harness/harness.ts';

const claimsAbout = (entity: string) => claimsFile.claims.filter((c) => c.entities.includes(entity));

test.beforeEach(async ({ tab, server }) => {
  await tab.goto(server.url('/article.html'));
  await waitForHighlights(tab, 5);
});

test('hovering a highlight opens a card with the company, its claims and their sources', async ({ tab }) => {
  await tab.hover('#p1 claimlight-mention');
  await waitForCard(tab, 'ByteDance');
  const card = await readCard(tab);
  expect(card?.description).toBe(companiesFile.companies.find((c) => c.id === 'bytedance')?.description);
  // The card says, in a few words, that these are 2022's reports; its tooltip says when, as far as they state it.
  expect(card?.timeframe).toBe('From 5 news reports of 2022, not today’s news');
  expect(card?.timeframeFull).toBe(
    'What 5 news reports said in 2022, not current fact. Dated: June 18, 2022 (1 of 5); the others state no date.',
  );
  expect(card?.claims.length).toBeGreaterThanOrEqual(3);
  const fullReports = (c: (typeof claimsFile.claims)[number]) =>
    new Set(c.evidence.filter((e) => !('support' in e)).map((e) => e.source)).size;
  const partialReports = (c: (typeof claimsFile.claims)[number]) =>
    new Set(c.evidence.filter((e) => 'support' in e).map((e) => e.source)).size;
  // The most relevant claim first: what the hovered paragraph says ("Staff at ByteDance could reach data").
  const top = claimsAbout('bytedance').find((c) => c.statement === card?.claims[0]?.statement);
  if (!top) throw new Error('the card’s first claim is not a ByteDance claim');
  expect(['china-based-staff-accessed-us-data', 'bytedance-staff-able-to-access-us-data']).toContain(top.id);
  // Who says it, and how many reports carry all of it (and apart, never in the count, how many in part).
  const inPart = partialReports(top) > 0 ? ` (+${partialReports(top)} in part)` : '';
  expect(card?.claims[0]?.meta).toBe(
    `${top.kind[0]?.toUpperCase() ?? ''}${top.kind.slice(1)} | According to ${top.attribution} | ${fullReports(top)} of 5 reports${inPart}`,
  );
  // A claim with partial support says so apart, never in the count.
  const accessed = claimsFile.claims.find((c) => c.id === 'china-based-staff-accessed-us-data');
  if (!accessed) throw new Error('claim missing from the seeds');
  const shown = card?.claims.find((c) => c.statement === accessed.statement);
  expect(shown?.meta).toContain(`${fullReports(accessed)} of 5 reports (+${partialReports(accessed)} in part)`);
  // Where the reports differ, reports are named as everywhere else (never by file code).
  expect(shown?.note).toContain('“TikTok eases anxieties…” says the access happened "routinely"');
  expect(shown?.note).not.toMatch(/\b00\d\b/);
  // Each shown quote is a verbatim passage that carries the whole claim, captioned with its report.
  const firstEvidence = top.evidence.find((e) => !('support' in e));
  expect(card?.claims[0]?.quote).toBe(firstEvidence?.quote);
  const source = sourcesFile.sources.find((s) => s.file === firstEvidence?.source);
  expect(card?.claims[0]?.source).toBe(`From: ${source ? reportName(source) : ''}`);
  expect(card?.allClaims).toBe(`All ${claimsAbout('bytedance').length} claims about ByteDance`);
  // Opened by the pointer, it leaves focus where it was.
  expect(card?.focusedInside).toBe(false);
});

test('the pointer can travel into the card, and leaving closes it', async ({ tab }) => {
  await tab.hover('#p2 claimlight-mention');
  await waitForCard(tab, 'TikTok');
  const card = await readCard(tab);
  if (!card) throw new Error('no card');
  await tab.moveMouse(card.rect.x + card.rect.width / 2, card.rect.y + 20);
  // Time is what this checks (one of the few timed waits): leaving the highlight gives the pointer
  // CLOSE_GRACE_MS (300 ms) to reach the card, and once it has, the card stays: still open well after the grace.
  await new Promise((done) => setTimeout(done, 700));
  expect((await readCard(tab))?.name).toBe('TikTok');
  await tab.moveMouse(5, 5);
  await waitForNoCard(tab);
});

test('Escape closes the card, and only one card is open at a time', async ({ tab }) => {
  // A second mention where the first card cannot cover it.
  await addHighlighted(
    tab,
    'beforeend',
    '<p id="corner" style="position:fixed;bottom:8px;right:8px">Oracle</p>',
    '#corner',
  );
  await tab.hover('#p1 claimlight-mention');
  await waitForCard(tab, 'ByteDance');
  await tab.hover('#corner claimlight-mention');
  await waitForCard(tab, 'Oracle');
  expect(await tab.evaluate(() => document.querySelectorAll('claimlight-card').length)).toBe(1);
  expect(
    await tab.evaluate(() => document.querySelector('claimlight-card')?.shadowRoot?.querySelectorAll('.card').length),
  ).toBe(1);
  await tab.press('Escape');
  await waitForNoCard(tab);
});

test('the card closes when its highlight scrolls out of view', async ({ tab }) => {
  await tab.evaluate(() => {
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    document.body.append(spacer);
  });
  await tab.hover('#p1 claimlight-mention');
  await waitForCard(tab, 'ByteDance');
  await tab.evaluate(() => window.scrollTo(0, 2000));
  await waitForNoCard(tab);
});

test('keyboard focus on a link that holds a highlight opens its card', async ({ tab, server }) => {
  await tab.goto(server.url('/rules.html'));
  await waitForHighlights(tab, 15);
  await tab.evaluate(() => document.querySelector('h1')?.setAttribute('tabindex', '-1'));
  await tab.evaluate(() => document.querySelector<HTMLElement>('h1')?.focus());
  // Tab until the link holding "TikTok" has focus.
  for (let i = 0; i < 10; i++) {
    await tab.press('Tab');
    if (await tab.evaluate(() => document.activeElement?.id === 'link')) break;
  }
  expect(await tab.evaluate(() => document.activeElement?.id)).toBe('link');
  await waitForCard(tab, 'TikTok');
  // Focus stays on the link, so Enter still follows it.
  expect(await tab.evaluate(() => document.activeElement?.id)).toBe('link');
  await tab.press('Escape');
  await waitForNoCard(tab);
});

test('the card respects the page: no card text leaks into the page, and its own text is never highlighted', async ({
  tab,
}) => {
  const before = await tab.evaluate(() => document.body.innerText);
  const highlightsBefore = await tab.evaluate(() => document.querySelectorAll('[data-claimlight-entity]').length);
  await tab.hover('#p1 claimlight-mention');
  await waitForCard(tab, 'ByteDance');
  await tab.waitFor(() => document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.claim') != null);
  // The positive control: a mention the page adds after the card has rendered is highlighted, so Claimlight has
  // handled the card's arrival before it; the control is taken out again before the page is compared.
  await addHighlighted(tab, 'beforeend', '<p id="control">Later: Oracle.</p>', '#control');
  await tab.evaluate(() => document.getElementById('control')?.remove());
  expect(await tab.evaluate(() => document.body.innerText)).toBe(before);
  expect(await tab.evaluate(() => document.querySelectorAll('[data-claimlight-entity]').length)).toBe(highlightsBefore);
  expect(
    await tab.evaluate(
      () => document.querySelector('claimlight-card')?.shadowRoot?.querySelectorAll('claimlight-mention').length,
    ),
  ).toBe(0);
});

/** Where the card is, and whether each part a reader needs is on screen, uncovered and unclipped. */
function cardLayout(tab: TestPage) {
  return tab.evaluate(() => {
    const root = document.querySelector('claimlight-card')?.shadowRoot;
    const card = root?.querySelector<HTMLElement>('.card');
    const body = card?.querySelector<HTMLElement>('.body');
    if (!root || !card || !body) throw new Error('no card');
    /** The element is what the reader sees at its centre: inside the window, the card and the scroll area. */
    const seen = (el: Element | null) => {
      if (!el) return false;
      const r = el.getBoundingClientRect();
      const hit = root.elementFromPoint(r.x + Math.min(r.width / 2, 20), r.y + Math.min(r.height / 2, 8));
      return hit !== null && (hit === el || el.contains(hit));
    };
    const r = card.getBoundingClientRect();
    const layout = {
      card: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      name: seen(card.querySelector('.name')),
      timeframe: seen(card.querySelector('.timeframe')),
      allClaims: seen(card.querySelector('.all-claims')),
      firstStatement: seen(card.querySelector('.claim .statement')),
      scrolls: body.scrollHeight > body.clientHeight,
      descriptionAtEnd: false,
      allClaimsAtEnd: false,
    };
    // The rest is in the scroll area: at its end, the company's description shows, the link still does.
    body.scrollTop = body.scrollHeight;
    layout.descriptionAtEnd = seen(card.querySelector('.description'));
    layout.allClaimsAtEnd = seen(card.querySelector('.all-claims'));
    body.scrollTop = 0;
    return layout;
  });
}

for (const [width, height] of [
  [360, 640],
  [1280, 800],
] as const) {
  test(`in a ${String(width)} x ${String(height)} window the card fits, its claims scroll, its header and "All claims" link stay in sight`, async ({
    tab,
    server,
  }) => {
    await setViewport(tab, width, height);
    await tab.goto(server.url('/article.html'));
    await waitForHighlights(tab, 5);
    // A second mention halfway down the window, where neither side has room for the whole card.
    await tab.evaluate(
      (top) => {
        document.body.insertAdjacentHTML(
          'beforeend',
          `<p id="mid" style="position:absolute;left:40px;top:${String(top)}px;margin:0">about ByteDance</p>`,
        );
      },
      Math.round(height * 0.45),
    );
    await tab.waitFor(() => document.querySelector('#mid claimlight-mention') !== null);
    for (const selector of ['#p1 claimlight-mention', '#mid claimlight-mention']) {
      await tab.hover(selector);
      await waitForCard(tab, 'ByteDance');
      await tab.waitFor(() => document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.claim') !== null);
      const layout = await cardLayout(tab);
      expect(layout.card.left, selector).toBeGreaterThanOrEqual(0);
      expect(layout.card.top, selector).toBeGreaterThanOrEqual(0);
      expect(layout.card.right, selector).toBeLessThanOrEqual(width);
      expect(layout.card.bottom, selector).toBeLessThanOrEqual(height);
      expect(layout, selector).toMatchObject({
        name: true,
        timeframe: true,
        allClaims: true,
        firstStatement: true,
        scrolls: true,
        descriptionAtEnd: true,
        allClaimsAtEnd: true,
      });
      await tab.press('Escape');
      await waitForNoCard(tab);
    }
  });
}

test('in a 640 x 360 window the claims get the room: the timeframe goes to its tooltip, the claims scroll in most of the card', async ({
  tab,
  server,
}) => {
  await setViewport(tab, 640, 360);
  await tab.goto(server.url('/article.html'));
  await waitForHighlights(tab, 5);
  await tab.hover('#p1 claimlight-mention');
  await waitForCard(tab, 'ByteDance');
  await tab.waitFor(() => document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.claim') !== null);
  const layout = await cardLayout(tab);
  const room = await tab.evaluate(() => {
    const card = document.querySelector('claimlight-card')?.shadowRoot?.querySelector<HTMLElement>('.card');
    const body = card?.querySelector<HTMLElement>('.body');
    const part = (sel: string) => card?.querySelector(sel)?.getBoundingClientRect().height ?? 0;
    return {
      card: card?.clientHeight ?? 0,
      body: body?.clientHeight ?? 0,
      header: part('header'),
      footer: part('footer'),
      top: card?.getBoundingClientRect().top ?? 0,
    };
  });
  expect(layout).toMatchObject({ name: true, timeframe: false, allClaims: true, firstStatement: true, scrolls: true });
  // The claims' part is most of the card (it was 52 to 139 px in a window this short).
  expect(room.body, JSON.stringify(room)).toBeGreaterThanOrEqual(150);
  expect(room.body / room.card).toBeGreaterThan(0.6);
});

test('the card from the keyboard: one copy control per claim, and the claims a landmark to jump past', async ({
  tab,
}) => {
  await tab.hover('#p1 claimlight-mention');
  await waitForCard(tab, 'ByteDance');
  await tab.waitFor(() => document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.claim') !== null);
  const stops = await tab.evaluate(() => {
    const card = document.querySelector('claimlight-card')?.shadowRoot?.querySelector<HTMLElement>('.card');
    if (!card) throw new Error('no card');
    const focusable = [
      ...card.querySelectorAll<HTMLElement>('a[href], button, summary, input, select, [tabindex]:not([tabindex="-1"])'),
    ].filter((el) => el.checkVisibility());
    const region = card.querySelector('section[aria-labelledby]');
    return {
      claims: card.querySelectorAll('.claim').length,
      copy: focusable.filter((el) => el.closest('.cite')).length,
      total: focusable.length,
      landmark: region
        ? (card.querySelector(`#${region.getAttribute('aria-labelledby') ?? ''}`)?.textContent ?? null)
        : null,
    };
  });
  expect(stops.copy).toBe(stops.claims);
  // The close button, each claim's few controls (its copy control, its folds and sources), "All claims".
  expect(stops.total).toBeLessThanOrEqual(2 + stops.claims * 3);
  expect(stops.landmark).toBe('What the reports say');
});

test('a quote that only restates the claim above it is folded behind its source; one that adds to it shows', async ({
  tab,
}) => {
  // A paragraph that says what the claim says, so that the claim is near the top of the card, with its quote.
  await addHighlighted(
    tab,
    'afterbegin',
    '<p id="routing">TikTok says all of its US user traffic is now routed to Oracle Cloud Infrastructure.</p>',
    '#routing',
  );
  await tab.waitFor(
    () => document.querySelector('#routing claimlight-mention[data-claimlight-entity="oracle"]') !== null,
  );
  await tab.hover('#routing claimlight-mention[data-claimlight-entity="oracle"]');
  await waitForCard(tab, 'Oracle');
  const routed = claimsFile.claims.find((c) => c.id === 'us-traffic-routed-to-oracle-cloud');
  if (!routed) throw new Error('claim missing from the seeds');
  const quoteOf = (id: string) =>
    tab.evaluate((claimId) => {
      const claim = document
        .querySelector('claimlight-card')
        ?.shadowRoot?.querySelector(`.claim[data-claim-id="${claimId}"]`);
      const quote = claim?.querySelector('blockquote');
      return {
        statement: claim?.querySelector('.statement')?.textContent ?? null,
        fold: claim?.querySelector('.quote-fold > summary')?.textContent ?? null,
        caption: claim?.querySelector('figcaption')?.textContent ?? null,
        quote: quote?.textContent ?? null,
        quoteShown: quote?.checkVisibility() ?? false,
      };
    }, id);
  // "TikTok said that 100% of its US user traffic is being routed…" over a quote saying just that.
  const before = await quoteOf(routed.id);
  expect(before.statement).toBe(routed.statement);
  expect(before.quoteShown).toBe(false);
  expect(before.fold).toBe(`Quote: ${before.caption?.replace(/^From: /, '') ?? ''}`);
  await tab.evaluate(() =>
    document
      .querySelector('claimlight-card')
      ?.shadowRoot?.querySelector<HTMLElement>(
        '[data-claim-id="us-traffic-routed-to-oracle-cloud"] .quote-fold > summary',
      )
      ?.click(),
  );
  const after = await quoteOf(routed.id);
  expect(after.quoteShown).toBe(true);
  expect(routed.evidence.map((e) => e.quote)).toContain(after.quote);
  // The quote of "ByteDance staff were able to access US users' data" tells more than its claim (the dates, the
  // 80 meetings): it shows.
  await tab.press('Escape');
  await waitForNoCard(tab);
  await addHighlighted(
    tab,
    'afterbegin',
    '<p id="able">Recordings show ByteDance staff were able to get into the data of US users.</p>',
    '#able',
  );
  await tab.hover('#able claimlight-mention');
  await waitForCard(tab, 'ByteDance');
  const first = await tab.evaluate(() => {
    const claim = document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.claim');
    return {
      id: claim?.getAttribute('data-claim-id'),
      fold: claim?.querySelector('.quote-fold') !== null,
      shown: claim?.querySelector('blockquote')?.checkVisibility(),
    };
  });
  expect(first).toEqual({ id: 'bytedance-staff-able-to-access-us-data', fold: false, shown: true });
});

/** A navigation bar of links that hold names, a headline, and a plain link. */
const NAV_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Nav</title></head><body>
<p id="start" tabindex="-1">Start</p>
<nav><a id="n1" href="#one">TikTok news</a> <a id="n2" href="#two">ByteDance today</a>
<a id="n3" href="#three">Oracle cloud</a> <a id="n4" href="#four">More TikTok</a></nav>
<h1>A headline the cards must not cover while someone tabs past</h1>
<p>Leaked audio from TikTok meetings showed that ByteDance staff in China had accessed US user data.</p>
<p><a id="plain" href="#five">a plain link</a></p>
</body></html>`;

async function openNavPage(tab: TestPage, server: { page(path: string, html: string): string }): Promise<void> {
  await tab.goto(server.page('/nav.html', NAV_PAGE));
  await waitForHighlights(tab, 4);
  await recordCards(tab);
  await tab.evaluate(() => document.getElementById('start')?.focus());
}

test('tabbing through links that hold names opens no card; a pause on one opens its card', async ({ tab, server }) => {
  await openNavPage(tab, server);
  for (const id of ['n1', 'n2', 'n3', 'n4']) {
    await tab.press('Tab');
    expect((await focused(tab)).id).toBe(id);
  }
  await waitForCard(tab, 'TikTok');
  const log = await cardLog(tab);
  // One card, for the link where focus rested, and only after it had rested there a while.
  expect(log.cards.map((c) => c.focus)).toEqual(['n4']);
  const rested = log.focus.find((f) => f.id === 'n4');
  expect(log.cards[0]!.at - (rested?.at ?? Infinity)).toBeGreaterThanOrEqual(600);
  // Focus stays on the link, so Enter still follows it.
  expect(await focused(tab)).toMatchObject({ inCard: false, id: 'n4' });
});

test('from a card opened by focus, Tab walks through the card and then on to the next link', async ({
  tab,
  server,
}) => {
  await openNavPage(tab, server);
  await tab.press('Tab');
  await tab.press('Tab');
  expect((await focused(tab)).id).toBe('n2');
  await waitForCard(tab, 'ByteDance');
  await tab.waitFor(() => document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.claim') !== null);
  // Tab goes into the card first; Shift+Tab goes back to the link, with the card still open.
  await tab.press('Tab');
  expect(await focused(tab)).toEqual({ inCard: true, id: '', label: 'Close' });
  await pressShiftTab(tab);
  expect(await focused(tab)).toMatchObject({ inCard: false, id: 'n2' });
  expect((await readCard(tab))?.name).toBe('ByteDance');
  // Every stop in the card, in order, until focus leaves it.
  const stops: string[] = [];
  for (let i = 0; i < 40; i++) {
    await tab.press('Tab');
    const now = await focused(tab);
    if (!now.inCard) break;
    stops.push(now.label);
  }
  expect(stops[0]).toBe('Close');
  expect(stops.some((s) => s.startsWith('From: '))).toBe(true);
  expect(stops.at(-1)).toBe(`All ${claimsAbout('bytedance').length} claims about ByteDance`);
  // Past the card's last link, focus goes on to the link after the one that opened it, whose card opens
  // after a pause; the first card closes.
  expect((await focused(tab)).id).toBe('n3');
  await waitForCard(tab, 'Oracle');
  expect((await cardLog(tab)).cards.map((c) => c.focus)).toEqual(['n2', 'n3']);
});

test('Escape closes a focus-opened card and returns focus to its link without opening it again', async ({
  tab,
  server,
}) => {
  await openNavPage(tab, server);
  await tab.press('Tab');
  await waitForCard(tab, 'TikTok');
  await tab.press('Tab');
  expect((await focused(tab)).inCard).toBe(true);
  await tab.press('Escape');
  await waitForNoCard(tab);
  expect(await focused(tab)).toMatchObject({ inCard: false, id: 'n1' });
  // Focus rests on the link for twice the pause that opens a card (FOCUS_OPEN_DELAY_MS, 700 ms): none opens.
  // Time is what this checks, and an absence has no event to wait for: one of the few timed waits.
  await new Promise((done) => setTimeout(done, 1500));
  expect(await readCard(tab)).toBeNull();
  expect((await cardLog(tab)).cards).toHaveLength(1);
  // Escape on the link itself closes the card too, and focus stays.
  await tab.press('Tab');
  await pressShiftTab(tab);
  expect((await focused(tab)).id).toBe('n1');
  await waitForCard(tab, 'TikTok');
  await tab.press('Escape');
  await waitForNoCard(tab);
  expect((await focused(tab)).id).toBe('n1');
  expect((await cardLog(tab)).cards.map((c) => c.focus)).toEqual(['n1', 'n1']);
});
