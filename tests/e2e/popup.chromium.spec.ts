import type { Page } from '@playwright/test';
import type { ChromeApi } from '../support/chromeApi.ts';
import type { ChromiumHarness } from '../support/harness.ts';
import { expect, test } from '../support/fixtures.ts';
import claimsFile from '../../seeds/claims.json' with { type: 'json' };

/** How many claims seeds/claims.json has about a company: what the popup must show. */
const claimsAbout = (entity: string) => claimsFile.claims.filter((c) => c.entities.includes(entity)).length;

/**
 * The browser's id for the tab under test, which is the active one. Without the
 * `tabs` permission the extension cannot see tab URLs, so we ask for the active tab.
 */
async function activeTabId(harness: ChromiumHarness): Promise<number> {
  const worker = await harness.serviceWorker();
  const id = await worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: ChromeApi };
    return (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  });
  if (id === undefined) throw new Error('no active tab');
  return id;
}

async function openPopupFor(harness: ChromiumHarness, tabId: number): Promise<Page> {
  return harness.openExtensionPage(`src/popup/index.html?tab=${tabId}`);
}

test('the popup lists the companies the tab mentions, and the badge counts them', async ({ tab, server, harness }) => {
  const chromium = harness as ChromiumHarness;
  const url = server.url('/demo.html');
  await tab.goto(url);
  await tab.waitFor(() => document.querySelectorAll('[data-claimlight-entity]').length >= 6);
  const tabId = await activeTabId(chromium);

  const worker = await chromium.serviceWorker();
  await expect
    .poll(() =>
      worker.evaluate((id) => {
        const { chrome } = globalThis as unknown as { chrome: ChromeApi };
        return chrome.action.getBadgeText({ tabId: id });
      }, tabId),
    )
    .toBe('6');

  const popup = await openPopupFor(chromium, tabId);
  const rows = popup.getByRole('listitem');
  await expect(rows).toHaveText([
    new RegExp(`^TikTok\\s*3 mentions\\s*${claimsAbout('tiktok')} sourced claims$`),
    new RegExp(`^ByteDance\\s*1 mention\\s*${claimsAbout('bytedance')} sourced claims$`),
    new RegExp(`^Oracle\\s*2 mentions\\s*${claimsAbout('oracle')} sourced claims$`),
  ]);
  await popup.close();
});

test('the popup says so when a page mentions none of the companies', async ({ tab, server, harness }) => {
  const chromium = harness as ChromiumHarness;
  const url = server.url('/no-mentions.html');
  await tab.goto(url);
  const popup = await openPopupFor(chromium, await activeTabId(chromium));
  await expect(popup.getByText('No mention of TikTok, ByteDance or Oracle on this page.')).toBeVisible();
  await expect(popup.getByRole('listitem')).toHaveCount(0);
  await popup.close();
});
