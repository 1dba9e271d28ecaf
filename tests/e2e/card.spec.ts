import claimsFile from '../../seeds/claims.json' with { type: 'json' };
import companiesFile from '../../seeds/companies.json' with { type: 'json' };
import sourcesFile from '../../seeds/sources.json' with { type: 'json' };
import { expect, test } from '../support/fixtures.ts';
import { readCard, waitForCard, waitForNoCard } from '../support/card.ts';
import { settle, waitForHighlights } from '../support/page.ts';

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
  // The card says when the reports spoke, as far as they state it.
  expect(card?.timeframe).toBe(
    'What 5 news reports said in 2022, not current fact. Dated: June 18, 2022 (1 of 5); the others state no date.',
  );
  expect(card?.claims.length).toBeGreaterThanOrEqual(3);
  // The most relevant claim first: the one most reports carry in full.
  const fullReports = (c: (typeof claimsFile.claims)[number]) =>
    new Set(c.evidence.filter((e) => !('support' in e)).map((e) => e.source)).size;
  const partialReports = (c: (typeof claimsFile.claims)[number]) =>
    new Set(c.evidence.filter((e) => 'support' in e).map((e) => e.source)).size;
  const mostCarried = Math.max(...claimsAbout('bytedance').map(fullReports));
  const tops = claimsAbout('bytedance').filter((c) => fullReports(c) === mostCarried);
  expect(tops).toHaveLength(1);
  const top = tops[0]!;
  expect(card?.claims[0]?.statement).toBe(top.statement);
  // Who says it, and how many reports carry all of it.
  expect(card?.claims[0]?.meta).toBe(
    `${top.kind[0]?.toUpperCase() ?? ''}${top.kind.slice(1)} | According to ${top.attribution} | In ${fullReports(top)} of 5 reports`,
  );
  // A claim with partial support says so apart, never in the count.
  const accessed = claimsFile.claims.find((c) => c.id === 'china-based-staff-accessed-us-data');
  if (!accessed) throw new Error('claim missing from the seeds');
  const shown = card?.claims.find((c) => c.statement === accessed.statement);
  expect(shown?.meta).toContain(`In ${fullReports(accessed)} of 5 reports +${partialReports(accessed)} in part`);
  // Where the reports differ, reports are named as everywhere else (never by file code).
  expect(shown?.note).toContain('“TikTok eases anxieties…” says the access happened "routinely"');
  expect(shown?.note).not.toMatch(/\b00\d\b/);
  // Each shown quote is a verbatim passage that carries the whole claim, captioned with its report.
  const firstEvidence = top.evidence.find((e) => !('support' in e));
  expect(card?.claims[0]?.quote).toBe(firstEvidence?.quote);
  // (The top claim's first full quote is from Cybernews, which the document names as its publisher.)
  const source = sourcesFile.sources.find((s) => s.file === firstEvidence?.source);
  expect(card?.claims[0]?.source).toBe(`From: Cybernews: “${source?.shortTitle ?? ''}…”`);
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
  await settle(tab, 700);
  expect((await readCard(tab))?.name).toBe('TikTok');
  await tab.moveMouse(5, 5);
  await waitForNoCard(tab);
});

test('Escape closes the card, and only one card is open at a time', async ({ tab }) => {
  await tab.evaluate(() => {
    // A second mention where the first card cannot cover it.
    document.body.insertAdjacentHTML(
      'beforeend',
      '<p id="corner" style="position:fixed;bottom:8px;right:8px">Oracle</p>',
    );
  });
  await tab.waitFor(() => document.querySelector('#corner claimlight-mention') !== null);
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
  await settle(tab, 300);
  expect(await tab.evaluate(() => document.body.innerText)).toBe(before);
  expect(await tab.evaluate(() => document.querySelectorAll('[data-claimlight-entity]').length)).toBe(highlightsBefore);
  expect(
    await tab.evaluate(
      () => document.querySelector('claimlight-card')?.shadowRoot?.querySelectorAll('claimlight-mention').length,
    ),
  ).toBe(0);
});
