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
  expect(statements.slice(0, 2)).toEqual(
    expect.arrayContaining([
      statement('bytedance-staff-able-to-access-us-data'),
      statement('china-based-staff-accessed-us-data'),
    ]),
  );
  expect(statements.length).toBeLessThan(claimsFile.claims.length);
  await library.close();
});
