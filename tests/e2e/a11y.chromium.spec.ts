/** axe-core finds no serious or critical accessibility violation on any extension page or the hover card. */
import AxeBuilder from '@axe-core/playwright';
import claimsFile from '../../seeds/claims.json' with { type: 'json' };
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { tabIdOf } from '../support/extension.ts';
import type { TestPage } from '../../scripts/harness/harness.ts';
import { waitForCard } from '../support/card.ts';
import { openStoryPage, waitForHighlights } from '../support/page.ts';

async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

function pageOf(tab: TestPage): Page {
  return (tab as unknown as { page: Page }).page;
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    // axe analyses four pages here; on a busy machine that takes a while.
    test.describe.configure({ timeout: 180_000 });
    test('the popup, options, library and viewer', async ({ tab, server, chromium }) => {
      await tab.goto(server.url('/demo.html'));
      await waitForHighlights(tab, 6);
      // The page's sentences are matched once its names are highlighted: the popup is opened once they are
      // marked, so that it shows what the page repeats.
      await tab.waitFor(
        () => {
          const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
          return (registry?.get('claimlight-claim')?.size ?? 0) > 0;
        },
        undefined,
        15_000,
      );
      const tabId = tabIdOf(tab);
      // Each page is checked once it has rendered all it shows (the positive control: a scan of a page still
      // loading, or one that failed to load, would find nothing wrong): the popup its three companies and the
      // sentences the page repeats, the options their settings, the library every claim, the viewer the
      // report with the quoted passage marked.
      const pages: [string, (page: Page) => Promise<void>][] = [
        [
          `src/popup/index.html?tab=${tabId}`,
          async (page) => {
            await expect(page.locator('.company')).toHaveCount(3, { timeout: 15_000 });
            await expect(page.locator('.page-repeats .repeat').first()).toBeVisible({ timeout: 15_000 });
          },
        ],
        [
          'src/options/index.html',
          async (page) => {
            // Pausing, sentence marks, the three companies, and the built-in claims in Claim packs.
            await expect(page.locator('main.options:not([aria-busy]) .switch')).toHaveCount(6, { timeout: 15_000 });
          },
        ],
        [
          'src/library/index.html',
          async (page) => {
            await expect(page.locator('.claims .claim')).toHaveCount(claimsFile.claims.length, { timeout: 15_000 });
          },
        ],
        [
          'src/viewer/index.html?source=003_7734c6d6f422c141.txt&quote=Today%2C%20100%25%20of%20US%20user%20traffic',
          async (page) => {
            await expect(page.locator('.document .cited')).toBeVisible({ timeout: 15_000 });
          },
        ],
      ];
      for (const [path, rendered] of pages) {
        const page = await chromium.openExtensionPage(path);
        await page.emulateMedia({ colorScheme });
        await rendered(page);
        if (path.startsWith('src/popup')) {
          // Unfold a claim's whole card so its quotes and copy control are checked too.
          await page.locator('.claim-row > summary').first().click();
        }
        expect(await seriousViolations(page), path).toEqual([]);
        await page.close();
      }
    });

    test('the side panel, with a company stepped through and a repeated sentence shown', async ({
      tab,
      server,
      chromium,
    }) => {
      await openStoryPage(tab, server.url('/story.html'));
      const panel = (await chromium.openPanel(tab)).page.page;
      await panel.emulateMedia({ colorScheme });
      await panel.locator('.company[data-entity="oracle"] .next').click({ timeout: 15_000 });
      await expect(panel.locator('.position')).toHaveText(/^Mention 1 of/);
      await panel.locator('.sentence-steps .next').click();
      await expect(panel.locator('.position')).toHaveText(/^Sentence 1 of/);
      await panel.locator('.claim-row > summary').first().click();
      expect(await seriousViolations(panel)).toEqual([]);
      // At a narrow panel's width too (Chrome's side panel starts at about 320 px).
      await panel.setViewportSize({ width: 320, height: 700 });
      expect(await seriousViolations(panel)).toEqual([]);
      const overflow = await panel.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await panel.close();
    });

    test('the hover card', async ({ tab, server }) => {
      const page = pageOf(tab);
      await page.emulateMedia({ colorScheme });
      await tab.goto(server.url('/demo.html'));
      await waitForHighlights(tab, 6);
      await tab.hover('article p claimlight-mention');
      await waitForCard(tab, 'ByteDance');
      // Checked once the card shows its claims (they load after its header), not while it is still loading.
      await tab.waitFor(() => document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.claim') != null);
      expect(await seriousViolations(page, 'claimlight-card')).toEqual([]);
      // Opened: the folded quotes and notes, checked as a reader who unfolds them sees them.
      const opened = await tab.evaluate(() => {
        const details = document.querySelector('claimlight-card')?.shadowRoot?.querySelectorAll('details') ?? [];
        for (const d of details) d.open = true;
        return details.length;
      });
      expect(opened).toBeGreaterThan(0);
      expect(await seriousViolations(page, 'claimlight-card')).toEqual([]);
    });
  });
}
