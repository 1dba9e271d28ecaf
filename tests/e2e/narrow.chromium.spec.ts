/** At a phone's width (360 px, Firefox for Android's smallest common screen) the popup and the library fit. */
import { expect, test } from '../support/fixtures.ts';
import { tabIdOf } from '../support/extension.ts';
import { waitForHighlights } from '../support/page.ts';

for (const [name, path] of [
  ['the popup', (tabId: number) => `src/popup/index.html?tab=${String(tabId)}`],
  ['the library', () => 'src/library/index.html'],
] as const) {
  test(`${name} at 360 px wide: nothing wider than the window, claims readable`, async ({ tab, server, chromium }) => {
    await tab.goto(server.url('/story.html'));
    await waitForHighlights(tab, 4);
    const page = await chromium.openExtensionPage(path(tabIdOf(tab)));
    await page.setViewportSize({ width: 360, height: 640 });
    // The popup folds its claims to their statements (ClaimRow); the library shows them whole.
    await expect(page.locator('.claim-row, .claim').first()).toBeVisible({ timeout: 15_000 });
    const fit = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      width: document.documentElement.clientWidth,
      widest: Math.max(
        ...[...document.querySelectorAll('.claim-row, .claim')].map((c) => c.getBoundingClientRect().right),
      ),
    }));
    expect(fit.scroll).toBeLessThanOrEqual(fit.width);
    expect(fit.widest).toBeLessThanOrEqual(360);
    await page.close();
  });
}
