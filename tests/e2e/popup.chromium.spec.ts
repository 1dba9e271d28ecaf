import type { Page } from '@playwright/test';
import claimsFile from '../../seeds/claims.json' with { type: 'json' };
import { expect, test } from '../support/fixtures.ts';
import { waitForCard } from '../support/card.ts';
import { badgeText, clearSettings, tabIdOf } from '../support/extension.ts';
import type { ChromiumHarness } from '../../scripts/harness/harness.ts';
import { waitForHighlights } from '../support/page.ts';

const claimsAbout = (entity: string) => claimsFile.claims.filter((c) => c.entities.includes(entity));

async function openPopupFor(harness: ChromiumHarness, tabId: number): Promise<Page> {
  return harness.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
}

test.beforeEach(async ({ chromium }) => clearSettings(chromium));
test.afterEach(async ({ chromium }) => clearSettings(chromium));

test('the popup lists the companies the tab mentions with their claims, and the badge counts them', async ({
  tab,
  server,
  chromium,
}) => {
  await tab.goto(server.url('/demo.html'));
  await waitForHighlights(tab, 6);
  const tabId = tabIdOf(tab);
  await expect.poll(() => badgeText(chromium, tabId)).toBe('6');

  const popup = await openPopupFor(chromium, tabId);
  await expect(popup.locator('.company h2')).toHaveText(['TikTok', 'ByteDance', 'Oracle']);
  await expect(popup.locator('.company .count')).toHaveText(['3 mentions', '1 mention', '2 mentions']);
  await expect(popup.locator('.timeframe')).toHaveText('From 5 news reports of 2022, not today’s news');
  await expect(popup.locator('.timeframe')).toHaveAttribute(
    'title',
    /^What 5 news reports said in 2022, not current fact\./,
  );
  // Every claim about the companies the page names is there, each once (a claim about two of them is not
  // repeated): those the page repeats first, then the rest, three shown and the others folded.
  await expect(popup.locator('.page-repeats [data-page-claim]').first()).toBeVisible({ timeout: 15_000 });
  const about = new Set(['tiktok', 'bytedance', 'oracle'].flatMap((e) => claimsAbout(e).map((c) => c.id)));
  const ids = (selector: string) =>
    popup.locator(selector).evaluateAll((els) => els.map((el) => el.getAttribute('data-claim-id')));
  const repeated = await ids('.page-repeats [data-claim-id]');
  const listed = await ids('.claims [data-claim-id]');
  expect(new Set([...repeated, ...listed])).toEqual(about);
  expect(repeated.length + listed.length).toBe(about.size);
  await expect(popup.locator('.claims > .claim-rows > li')).toHaveCount(3);
  await expect(popup.locator('.more-claims > summary')).toHaveText(`${String(listed.length - 3)} more claims`);
  // Unfolding a claim shows its whole card: its verbatim quotes, each linking to the source viewer.
  await popup.locator('.more-claims > summary').click();
  const claim = popup.locator('.claims [data-claim-id="china-based-staff-accessed-us-data"]');
  await claim.locator('summary').first().click();
  const quotes = claim.locator('blockquote');
  await expect(quotes).toHaveCount(5);
  const top = claimsFile.claims.find((c) => c.id === 'china-based-staff-accessed-us-data');
  await expect(quotes.first()).toHaveText(top?.evidence[0]?.quote ?? '');
  const href = await claim.locator('figcaption a').first().getAttribute('href');
  expect(href).toContain('/src/viewer/index.html?source=000_84128bc21afd9ac0.txt&quote=');
  await popup.close();

  // Navigating away clears the badge and the counts.
  await tab.goto(server.url('/no-mentions.html'));
  await expect.poll(() => badgeText(chromium, tabId)).toBe('');
});

test('the site switch and the global pause take effect on the open tab at once', async ({ tab, server, chromium }) => {
  await tab.goto(server.url('/demo.html'));
  await waitForHighlights(tab, 6);
  const tabId = tabIdOf(tab);
  const popup = await openPopupFor(chromium, tabId);
  const site = popup.getByRole('switch', { name: 'Highlight on 127.0.0.1' });
  await expect(site).toHaveAttribute('aria-checked', 'true');
  await site.click();
  await tab.waitFor(() => document.querySelectorAll('[data-claimlight-entity]').length === 0);
  await expect(popup.getByText('Claimlight is off on this site.')).toBeVisible();
  await site.click();
  await waitForHighlights(tab, 6);
  await popup.getByRole('switch', { name: 'Pause everywhere' }).click();
  await tab.waitFor(() => document.querySelectorAll('[data-claimlight-entity]').length === 0);
  await expect(popup.getByText('Claimlight is paused on every site.')).toBeVisible();
  await popup.close();
});

test('"Next mention" scrolls the tab to the company and opens its card', async ({ tab, server, chromium }) => {
  await tab.goto(server.url('/demo.html'));
  await waitForHighlights(tab, 6);
  const tabId = tabIdOf(tab);
  const popup = await openPopupFor(chromium, tabId);
  await popup.locator('[data-entity="oracle"] button.next').click();
  await waitForCard(tab, 'Oracle');
  await popup.close();
});

test('the popup says so when a page mentions none of the companies', async ({ tab, server, chromium }) => {
  await tab.goto(server.url('/no-mentions.html'));
  const popup = await openPopupFor(chromium, tabIdOf(tab));
  // A test opens the popup without the reader's click, so Chrome grants no activeTab and hides the address,
  // as it does from the side panel: the popup says the two things such a page can be. (With the click it
  // reads the address and says "No mention … on this page.", as tests/unit/popup.test.tsx shows.)
  await expect(
    popup.getByText(
      "No mention of TikTok, ByteDance, or Oracle found here. If this is one of the browser's own pages, an add-on store, Reader View or a PDF viewer, browsers keep extensions out of it.",
    ),
  ).toBeVisible();
  await expect(popup.locator('.company')).toHaveCount(0);
  await popup.close();
});
