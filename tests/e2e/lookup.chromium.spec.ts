/**
 * "Claims about this" on a selection's context menu: the item is there, and the library it opens finds the
 * claims a selected sentence says, most relevant first. (Playwright cannot open the browser's native context
 * menu; the click handler's path is unit-tested in lookup.test.ts.)
 */
import claimsFile from '../../seeds/claims.json' with { type: 'json' };
import { expect, test } from '../support/fixtures.ts';
import type { ChromeApi } from '../../scripts/harness/chromeApi.ts';

test('the selection menu item is registered', async ({ chromium }) => {
  const worker = await chromium.serviceWorker();
  const result = await worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: ChromeApi };
    // Updating an item that does not exist fails: this one exists.
    const exists = await chrome.contextMenus.update('claimlight-lookup', {}).then(
      () => true,
      () => false,
    );
    const other = await chrome.contextMenus.update('no-such-item', {}).then(
      () => true,
      () => false,
    );
    return { exists, other };
  });
  expect(result).toEqual({ exists: true, other: false });
});

test('the library opened on a selected sentence lists the claims it says first', async ({ chromium }) => {
  const sentence = 'Engineers in China had access to the data of American users, according to leaked audio.';
  const library = await chromium.openExtensionPage(
    `src/library/index.html?${new URLSearchParams({ q: sentence }).toString()}`,
  );
  await expect(library.getByLabel('Search')).toHaveValue(sentence);
  const statements = await library.locator('.claim .statement').allTextContents();
  const statement = (id: string) => claimsFile.claims.find((c) => c.id === id)?.statement;
  // "Had access" is an ability: the claim that staff were able to access the data leads, not that they did.
  expect(statements[0]).toBe(statement('bytedance-staff-able-to-access-us-data'));
  expect(statements.length).toBeLessThan(claimsFile.claims.length);
  await expect(library.locator('.no-repeat')).toHaveCount(0);
  await library.close();
});

test('a selected sentence the reports repeat nowhere: the library says so, lists no unrelated claim, and offers a word search', async ({
  chromium,
}) => {
  const sentence =
    'Oracle said its quarterly revenue rose 8 percent as customers signed more long-term cloud contracts.';
  const library = await chromium.openExtensionPage(
    `src/library/index.html?${new URLSearchParams({ q: sentence }).toString()}`,
  );
  await expect(library.locator('.no-repeat')).toContainText('No claim in the reports says what this text says.');
  await expect(library.locator('.claim')).toHaveCount(0);
  const offer = library.locator('.search-words');
  await expect(offer).toHaveText(/^Search the claims for “.+” instead$/);
  const words = ((await offer.textContent()) ?? '').replace(/^Search the claims for “|” instead$/g, '');
  await offer.click();
  await expect(library.getByLabel('Search')).toHaveValue(words);
  // Now a word search: the claims holding every one of those words, and no notice.
  await expect(library.locator('.no-repeat')).toHaveCount(0);
  await expect(library.locator('.claim').first()).toBeVisible();
  await library.close();
});
