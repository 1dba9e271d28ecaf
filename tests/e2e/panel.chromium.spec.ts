/**
 * The side panel in Chromium, beyond what both browsers share (panel.spec.ts): it shows a tab exactly as the
 * popup does, says why on a page no extension may touch, and is operable from the keyboard with focus
 * staying in the panel while the page moves.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { ChromeApi } from '../../scripts/harness/chromeApi.ts';
import { clearSettings, evaluateInSidePanel, tabIdOf } from '../support/extension.ts';
import claimsFile from '../../seeds/claims.json' with { type: 'json' };
import { expect, test } from '../support/fixtures.ts';
import { HIGHLIGHT, openStoryPage } from '../support/page.ts';

test.beforeEach(async ({ chromium }) => clearSettings(chromium));

/** The summary as a reader sees it: headings, counts, the repeated sentences and the claims, in order. */
function summaryOf(page: Page) {
  return page.evaluate(() => ({
    companies: [...document.querySelectorAll('.company')].map((c) => c.querySelector('h2')?.textContent),
    counts: [...document.querySelectorAll('.company .count')].map((c) => c.textContent),
    repeats: [...document.querySelectorAll('[data-page-claim]')].map((el) => el.getAttribute('data-page-claim')),
    claims: [...document.querySelectorAll('.claims .claim-row')].map((el) => el.getAttribute('data-claim-id')),
  }));
}

test('the panel shows a tab exactly as the popup does', async ({ tab, server, chromium }) => {
  await openStoryPage(tab, server.url('/story.html'));
  const popup = await chromium.openExtensionPage(`src/popup/index.html?tab=${String(tabIdOf(tab))}`);
  await expect(popup.locator('[data-page-claim]').first()).toBeVisible({ timeout: 15_000 });
  const panel = await chromium.openPanel(tab);
  const panelPage = panel.page.page;
  await expect(panelPage.locator('[data-page-claim]').first()).toBeVisible({ timeout: 15_000 });
  const fromPopup = await summaryOf(popup);
  expect(fromPopup.claims.length).toBeGreaterThan(3);
  expect(await summaryOf(panelPage)).toEqual(fromPopup);
  // The panel exports the page's claims as the popup does: the same CSL-JSON, byte for byte.
  const download = async (page: Page) => {
    const started = page.waitForEvent('download');
    await page.getByRole('link', { name: 'CSL-JSON (Zotero)' }).click();
    return readFileSync(await (await started).path(), 'utf8');
  };
  const fromPanel = await download(panelPage);
  expect(fromPanel).toBe(await download(popup));
  // One item per report that carries a claim the page repeats, the claims in its note.
  const items = JSON.parse(fromPanel) as { id: string; note: string }[];
  expect(items.length).toBeGreaterThan(0);
  const statement = (id: string | null) => claimsFile.claims.find((c) => c.id === id)?.statement ?? '';
  const notes = items.map((item) => item.note).join('\n');
  for (const id of fromPopup.repeats) expect(notes).toContain(statement(id));
  await popup.close();
  await panelPage.close();
});

const HIDDEN_PAGE =
  "No mention of TikTok, ByteDance, or Oracle found here. If this is one of the browser's own pages, an add-on store, Reader View or a PDF viewer, browsers keep extensions out of it.";

test('where Chrome hides the address: a page without mentions and a browser page say what they can be; a paused page with mentions answers for itself', async ({
  tab,
  server,
  chromium,
}) => {
  await tab.goto(server.url('/no-mentions.html'));
  const panel = await chromium.openPanel(tab);
  const panelPage = panel.page.page;
  // A page without mentions touches no extension API, so nothing tells it from a browser page.
  await expect(panelPage.locator('.state')).toHaveText(HIDDEN_PAGE, { timeout: 15_000 });
  await expect(panelPage.locator('.panel-site')).toHaveCount(0);
  await expect(panelPage.locator('#site')).toHaveCount(0);

  // The browser's own page.
  const worker = await chromium.serviceWorker();
  await worker.evaluate(async (id) => {
    const { chrome } = globalThis as unknown as { chrome: ChromeApi };
    await chrome.tabs.update(id, { url: 'chrome://version/' });
  }, tabIdOf(tab));
  await expect.poll(() => tab.evaluate(() => location.href).catch(() => '')).not.toContain('no-mentions');
  await expect(panelPage.locator('.state')).toHaveText(HIDDEN_PAGE, { timeout: 15_000 });
  await expect(panelPage.locator('.company')).toHaveCount(0);

  // A page with mentions while Claimlight is paused: it highlights and reports nothing, yet its engine answers
  // for it, so the panel names the site and says why.
  await panelPage.locator('#pause').click();
  await tab.goto(server.url('/story.html'));
  await expect(panelPage.locator('.state')).toHaveText('Claimlight is paused on every site.', { timeout: 15_000 });
  await expect(panelPage.locator('.panel-site')).toHaveText('On 127.0.0.1');
  expect(await tab.evaluate((sel) => document.querySelectorAll(sel).length, HIGHLIGHT)).toBe(0);
  await panelPage.close();
});

test('the panel works from the keyboard: focus stays on the button while the page moves to each mention', async ({
  tab,
  server,
  chromium,
}) => {
  await openStoryPage(tab, server.url('/story.html'));
  const panel = await chromium.openPanel(tab);
  const panelPage = panel.page.page;
  const next = panelPage.locator('.company[data-entity="tiktok"] .next');
  await expect(next).toBeVisible({ timeout: 15_000 });
  // Tab through the panel from its start until the TikTok section's Next button has focus.
  await panelPage.locator('body').focus();
  for (let i = 0; i < 40 && !(await next.evaluate((el) => el === document.activeElement)); i++)
    await panelPage.keyboard.press('Tab');
  await expect(next).toBeFocused();
  await panelPage.keyboard.press('Enter');
  // The panel's one position line says where each step took the reader.
  const position = panelPage.locator('.position');
  await expect(position).toHaveText('Mention 1 of 2 of TikTok, marked on the page');
  await panelPage.keyboard.press('Space');
  await expect(position).toHaveText('Mention 2 of 2 of TikTok, marked on the page');
  // Focus stayed in the panel, on the button; the page moved and marked the mention without taking focus.
  await expect(next).toBeFocused();
  const page = await tab.evaluate(() => ({
    current: document.querySelector('[data-claimlight-current]')?.textContent ?? null,
    focus: document.activeElement?.tagName ?? null,
  }));
  expect(page).toEqual({ current: 'TikTok', focus: 'BODY' });
  // Shift+Tab reaches Previous, which steps back.
  await panelPage.keyboard.press('Shift+Tab');
  await expect(panelPage.locator('.company[data-entity="tiktok"] .previous')).toBeFocused();
  await panelPage.keyboard.press('Enter');
  await expect(position).toHaveText('Mention 1 of 2 of TikTok, marked on the page');
  await panelPage.close();
});

test("the popup's Open side panel button opens Chrome's side panel beside the page, showing that page", async ({
  tab,
  server,
  chromium,
}) => {
  await openStoryPage(tab, server.url('/story.html'));
  // The popup as a tab of the page's window, so the panel opens in that window (a real popup would too).
  const popupUrl = `chrome-extension://${chromium.extensionId}/src/popup/index.html?tab=${String(tabIdOf(tab))}`;
  const worker = await chromium.serviceWorker();
  await worker.evaluate(
    async ([id, url]) => {
      const { chrome } = globalThis as unknown as { chrome: ChromeApi };
      const { windowId } = await chrome.tabs.get(id);
      await chrome.tabs.create({ ...(windowId === undefined ? {} : { windowId }), url, active: true });
    },
    [tabIdOf(tab), popupUrl] as const,
  );
  await expect.poll(() => chromium.context.pages().some((p) => p.url() === popupUrl)).toBe(true);
  const popup = chromium.context.pages().find((p) => p.url() === popupUrl);
  if (!popup) throw new Error('no popup');
  const closed = popup.waitForEvent('close');
  // A real click: Chrome opens a side panel only in answer to the reader's gesture.
  await popup.getByRole('button', { name: 'Open side panel' }).click();
  // The popup gets out of the way once the panel is open.
  await closed;
  const page = (tab as unknown as { page: Page }).page;
  await expect
    .poll(() => evaluateInSidePanel(chromium, page, "document.querySelector('.panel-site')?.textContent ?? null"), {
      timeout: 15_000,
    })
    .toBe('On 127.0.0.1');
  const companies = await evaluateInSidePanel(
    chromium,
    page,
    "[...document.querySelectorAll('.company h2')].map((h) => h.textContent).join(', ')",
  );
  expect(companies).toBe('TikTok, ByteDance, Oracle');
});
