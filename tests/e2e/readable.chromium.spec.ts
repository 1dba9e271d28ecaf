/**
 * Text on the extension's pages is as large as the stylesheet says. Chrome gives extension pages
 * `body { font-size: 75% }`; the claim sentences must not shrink below their own labels.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { tabIdOf } from '../support/extension.ts';
import { waitForHighlights } from '../support/page.ts';

/**
 * Computed font sizes in px of the first claim's sentence and of its label line (kind, attribution, reports):
 * a whole claim (`.claim`, `.meta`) in the library, a claim folded to its statement (`.claim-row`,
 * `.row-meta`) in the popup.
 */
async function claimSizes(
  page: Page,
  [claimSelector, labelSelector] = ['.claim', '.meta'],
): Promise<{ statement: number; label: number; body: number }> {
  const claim = page.locator(claimSelector).first();
  await claim.locator('.statement').waitFor({ state: 'attached' });
  const size = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  return {
    statement: await size(`${claimSelector} .statement`),
    label: await size(`${claimSelector} ${labelSelector}`),
    body: await size('body'),
  };
}

test('the popup: a claim sentence is larger than its label, at the root size', async ({ tab, server, chromium }) => {
  await tab.goto(server.url('/demo.html'));
  await waitForHighlights(tab, 6);
  const popup = await chromium.openExtensionPage(`src/popup/index.html?tab=${tabIdOf(tab)}`);
  const sizes = await claimSizes(popup, ['.claim-row', '.row-meta']);
  expect(sizes.statement).toBeGreaterThan(sizes.label);
  expect(sizes.body).toBe(15);
  expect(sizes.statement).toBe(15);
  expect(sizes.label).toBe(12);
  await popup.close();
});

test('the library: a claim sentence is larger than its label', async ({ chromium }) => {
  const library = await chromium.openExtensionPage('src/library/index.html');
  const sizes = await claimSizes(library);
  expect(sizes.statement).toBeGreaterThan(sizes.label);
  expect(sizes.body).toBe(15);
  expect(sizes.statement).toBe(16);
  expect(sizes.label).toBe(13);
  await library.close();
});
