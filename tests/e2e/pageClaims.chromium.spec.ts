/**
 * The popup as a summary of the page: what the page repeats from the reports
 * first (the `data-page-claim` contract), then each claim once, the most
 * relevant first; a page about something else says so plainly.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import claimsFile from '../../seeds/claims.json' with { type: 'json' };
import { readCard } from '../support/card.ts';
import { clearSettings, sendToTab, tabIdOf } from '../support/extension.ts';
import type { ChromiumHarness } from '../../scripts/harness/harness.ts';
import { focusStartButton, markedSentences, openStoryPage, waitForHighlights } from '../support/page.ts';

const claimStatement = (id: string) => claimsFile.claims.find((c) => c.id === id)?.statement ?? id;

async function openPopupFor(harness: ChromiumHarness, tabId: number): Promise<Page> {
  return harness.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
}

test.beforeEach(async ({ chromium }) => clearSettings(chromium));

test('the popup leads with the sentences the page repeats, each beside its claim, and shows one on request', async ({
  tab,
  server,
  chromium,
}) => {
  await tab.goto(server.url('/story.html'));
  await waitForHighlights(tab, 4);
  const popup = await openPopupFor(chromium, tabIdOf(tab));
  const entries = popup.locator('[data-page-claim]');
  await expect(entries.first()).toBeVisible({ timeout: 15_000 });
  const ids = await entries.evaluateAll((els) => els.map((el) => el.getAttribute('data-page-claim')));
  expect(ids).toEqual(expect.arrayContaining(['everything-is-seen-in-china', 'us-traffic-routed-to-oracle-cloud']));
  expect(ids.some((id) => id === 'china-based-staff-accessed-us-data' || id === 'recordings-from-80-meetings')).toBe(
    true,
  );
  // The page's sentence as the reader sees it, the highlighted company names included.
  const recordings = popup.locator('[data-page-claim="china-based-staff-accessed-us-data"]');
  await expect(recordings).toContainText(
    'Recordings from more than 80 internal TikTok meetings show that employees of ByteDance based in China repeatedly accessed',
  );
  const seen = popup.locator('[data-page-claim="everything-is-seen-in-china"]');
  await expect(seen).toContainText('"Everything is seen in China," a member of the company');
  // The claim: its statement, how many reports carry it and how many of the page's sentences repeat it; its
  // whole card (who says it, the quotes) one click away.
  await expect(seen.locator('.claim-row > summary')).toContainText(claimStatement('everything-is-seen-in-china'));
  await expect(seen.locator('.repeat-actions')).toContainText(/\d of 5 reports · 1 sentence here/);
  await seen.locator('.claim-row > summary').click();
  await expect(seen.locator('.claim .attribution')).toBeVisible();
  await expect(popup.locator('.page-repeats h2')).toHaveText('What this page repeats');
  // The rest of the reports' claims, each once, not again those the page repeats; three before the fold.
  const listed = await popup
    .locator('.claims [data-claim-id]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-claim-id')));
  expect(new Set(listed).size).toBe(listed.length);
  expect(listed).not.toContain('everything-is-seen-in-china');
  expect(listed.length).toBeGreaterThan(5);
  await expect(popup.locator('.claims > .claim-rows > li')).toHaveCount(3);

  // "Show on the page": the page scrolls to the sentence and marks it strongly for a moment.
  await tab.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await seen.getByRole('button', { name: 'Show on the page' }).click();
  await tab.waitFor(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    const flash = [...(registry?.get('claimlight-claim-flash') ?? [])].map((r) => r.toString());
    return flash.length === 1 && flash[0]?.includes('Everything is seen in China');
  });
  const inView = await tab.evaluate(() => {
    const r = document.getElementById('p2')?.getBoundingClientRect();
    return r !== undefined && r.top >= 0 && r.bottom <= innerHeight;
  });
  expect(inView).toBe(true);
});

test('a page about other things: the popup says nothing on it relates to the reports, claims folded, no marker', async ({
  tab,
  server,
  chromium,
}) => {
  await tab.goto(server.url('/unrelated.html'));
  await waitForHighlights(tab, 2);
  const popup = await openPopupFor(chromium, tabIdOf(tab));
  await expect(popup.locator('.unrelated')).toHaveText(/Nothing on this page relates to the reports’ story/, {
    timeout: 15_000,
  });
  await expect(popup.locator('[data-page-claim]')).toHaveCount(0);
  await expect(popup.locator('.folded-claims')).not.toHaveAttribute('open');
  await expect(popup.locator('.folded-claims > summary')).toContainText('Claims about TikTok and Oracle');
  expect(await markedSentences(tab)).toEqual([]);
});

test('a page about a company’s other business (its quarterly results) reads as unrelated in the popup', async ({
  tab,
  server,
  chromium,
}) => {
  await tab.goto(server.url('/oracle-results.html'));
  await waitForHighlights(tab, 2);
  const popup = await openPopupFor(chromium, tabIdOf(tab));
  await expect(popup.locator('.folded-claims > summary')).toHaveText(
    /^Nothing on this page relates to the reports’ story\. Claims about Oracle \(\d+\)$/,
    { timeout: 15_000 },
  );
  await expect(popup.locator('[data-page-claim]')).toHaveCount(0);
  // Who the company is shows; the claims stay folded.
  await expect(popup.locator('.company[data-entity="oracle"] .description')).toBeVisible();
  await expect(popup.locator('.folded-claims')).not.toHaveAttribute('open');
});

test('the popup’s search and the library’s find the same claims for the same words', async ({
  tab,
  server,
  chromium,
}) => {
  // The story page names all three companies, so the popup lists every claim, as the library does.
  await tab.goto(server.url('/story.html'));
  await waitForHighlights(tab, 4);
  const popup = await openPopupFor(chromium, tabIdOf(tab));
  for (const words of ['Singapore backup', 'senate', 'master admin', 'Post']) {
    await popup.getByLabel('Search these claims').fill(words);
    const library = await chromium.openExtensionPage(`src/library/index.html?q=${encodeURIComponent(words)}`);
    await expect(library.locator('.library .claims [data-claim-id]').first()).toBeVisible();
    const inLibrary = await library
      .locator('.library .claims [data-claim-id]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-claim-id')));
    await expect
      .poll(() =>
        popup
          .locator('.claims [data-claim-id]')
          .evaluateAll((els) => els.map((el) => el.getAttribute('data-claim-id')).sort()),
      )
      .toEqual([...inLibrary].sort());
    await library.close();
  }
});

test('the search finds claims by their words, across everything folded', async ({ tab, server, chromium }) => {
  await tab.goto(server.url('/story.html'));
  await waitForHighlights(tab, 4);
  const popup = await openPopupFor(chromium, tabIdOf(tab));
  await popup.getByLabel('Search these claims').fill('recruit');
  const found = popup.locator('.claims .claim-row');
  await expect(found.first()).toBeVisible();
  // Every claim about the companies whose statement, attribution, note or quotes say it, and no other.
  expect(await found.count()).toBeGreaterThanOrEqual(2);
  for (const text of await found.allTextContents()) expect(text.toLowerCase()).toContain('recruit');
  await popup.getByLabel('Search these claims').fill('zzzz-no-such-claim');
  await expect(popup.getByText('No claim here contains “zzzz-no-such-claim”.')).toBeVisible();
});

test('the next-mention command visits the marked sentences too, in page order, each card led by its claim', async ({
  tab,
  server,
  chromium,
}) => {
  const tabId = tabIdOf(tab);
  await openStoryPage(tab, server.url('/story.html'));
  await focusStartButton(tab);
  const statement = (id: string) => claimsFile.claims.find((c) => c.id === id)?.statement ?? id;
  const visits: { name: string; first: string; current: string | null; flashed: string }[] = [];
  for (let i = 0; i < 7; i++) {
    expect(await sendToTab(chromium, tabId, { type: 'mention/next', entity: null })).toBe(true);
    await tab.waitFor(
      () => document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.claim .statement') != null,
    );
    const card = await readCard(tab);
    expect(card?.focusedInside).toBe(true);
    visits.push({
      name: card?.name ?? '',
      first: card?.claims[0]?.statement ?? '',
      ...(await tab.evaluate(() => {
        const flash = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(
          'claimlight-claim-flash',
        );
        return {
          current: document.querySelector('[data-claimlight-current]')?.textContent ?? null,
          flashed: [...(flash ?? [])].map((r) => r.toString().replace(/\s+/g, ' ').trim()).join(''),
        };
      })),
    });
  }
  // (A visited name is marked current; a visited sentence flashes.) The headline's name; the first sentence, then the two names inside it; the second sentence (no name in
  // it); the third sentence, then the name inside it; then round to the headline again.
  expect(visits.map((v) => (v.current !== null ? `name:${v.current}` : `sentence:${v.flashed.slice(0, 20)}`))).toEqual([
    'name:TikTok',
    'sentence:Recordings from more',
    'name:TikTok',
    'name:ByteDance',
    'sentence:"Everything is seen ',
    'sentence:The company said it ',
    'name:Oracle',
  ]);
  expect(visits[4]?.first).toBe(statement('everything-is-seen-in-china'));
  expect([
    statement('us-traffic-routed-to-oracle-cloud'),
    statement('tiktok-post-says-data-moved-to-oracle'),
  ]).toContain(visits[5]?.first);
  await tab.press('Escape');
  await expect.poll(() => readCard(tab)).toBeNull();
  expect(await tab.evaluate(() => document.activeElement?.id)).toBe('start');
});
