import claimsFile from '../../seeds/claims.json' with { type: 'json' };
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
  expect(card?.description).toBe(
    'China-based parent company of TikTok, whose staff the leaked audio says accessed US user data.',
  );
  expect(card?.claims.length).toBeGreaterThanOrEqual(3);
  // The most relevant claim first: the one all five reports carry.
  const top = claimsFile.claims.find((c) => c.id === 'china-based-staff-accessed-us-data');
  expect(card?.claims[0]?.statement).toBe(top?.statement);
  expect(card?.claims[0]?.meta).toBe(`Reported finding | ${top?.attribution ?? ''} | In 5 of 5 reports`);
  // Each shown quote is a verbatim passage of the claim's evidence, with its source's title.
  const firstEvidence = top?.evidence[0];
  expect(card?.claims[0]?.quote).toBe(firstEvidence?.quote);
  const title = sourcesFile.sources.find((s) => s.file === firstEvidence?.source)?.title ?? '';
  expect(card?.claims[0]?.source).toBe(`From: ${title}`);
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
