/** The options page, the claims library and the source viewer. */
import claimsFile from '../../seeds/claims.json' with { type: 'json' };
import sourcesFile from '../../seeds/sources.json' with { type: 'json' };
import { expect, test } from '../support/fixtures.ts';
import { clearSettings, writeSettings } from '../support/extension.ts';
import type { ChromeApi } from '../../scripts/harness/chromeApi.ts';
import type { ChromiumHarness } from '../../scripts/harness/harness.ts';
import { waitForHighlights } from '../support/page.ts';

test.beforeEach(async ({ chromium }) => clearSettings(chromium));
test.afterEach(async ({ chromium }) => clearSettings(chromium));

async function storedSettings(harness: ChromiumHarness): Promise<unknown> {
  const worker = await harness.serviceWorker();
  return worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: ChromeApi };
    return (await chrome.storage.sync.get('settings'))['settings'];
  });
}

test('options: every change is saved and reaches open tabs', async ({ tab, server, chromium }) => {
  await tab.goto(server.url('/demo.html'));
  await waitForHighlights(tab, 6);
  const options = await chromium.openExtensionPage('src/options/index.html');
  await options.getByRole('switch', { name: 'Highlight Oracle' }).click();
  await expect.poll(() => storedSettings(chromium)).toMatchObject({ companies: { oracle: false } });
  await tab.waitFor(() => document.querySelectorAll('[data-claimlight-entity="oracle"]').length === 0);
  await options.getByLabel('Underline', { exact: true }).check();
  await expect.poll(() => storedSettings(chromium)).toMatchObject({ highlightStyle: 'underline' });
  const delay = options.getByLabel(/Delay before the card opens/);
  await delay.fill('650');
  await delay.press('Tab');
  await expect.poll(() => storedSettings(chromium)).toMatchObject({ hoverDelayMs: 650 });
  await options.getByLabel('Add a site').fill('not a site');
  await options.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(options.getByRole('alert')).toHaveText('That is not a site name. Type something like example.com.');
  await options.getByLabel('Add a site').fill('https://www.Example.com/news');
  await options.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(options.locator('.sites li span')).toHaveText(['example.com']);
  await expect.poll(() => storedSettings(chromium)).toMatchObject({ disabledSites: ['example.com'] });
  await options.getByRole('button', { name: 'Remove example.com' }).click();
  await expect(options.locator('.sites li')).toHaveCount(0);
  await options.close();
});

test('options: corrupt stored values fall back to defaults, and the page says which', async ({ chromium }) => {
  await writeSettings(chromium, { hoverDelayMs: 'soon', highlightStyle: 7, companies: { tiktok: false } });
  const options = await chromium.openExtensionPage('src/options/index.html');
  await expect(options.getByRole('alert')).toHaveText(
    'These stored settings were unreadable and have been reset to their defaults: highlightStyle, hoverDelayMs.',
  );
  await expect(options.getByLabel(/Delay before the card opens/)).toHaveValue('400');
  await expect(options.getByLabel('Soft background')).toBeChecked();
  // The valid field survives.
  await expect(options.getByRole('switch', { name: 'Highlight TikTok' })).toHaveAttribute('aria-checked', 'false');
  await options.close();
});

test('library: every claim, filtered by company, kind, report and text', async ({ chromium }) => {
  const library = await chromium.openExtensionPage('src/library/index.html?entity=oracle');
  const oracle = claimsFile.claims.filter((c) => c.entities.includes('oracle'));
  await expect(library.locator('.claim')).toHaveCount(oracle.length);
  await expect(library.getByLabel('Company', { exact: true })).toHaveValue('oracle');
  await library.getByLabel('Company', { exact: true }).selectOption('');
  await expect(library.locator('.claim')).toHaveCount(claimsFile.claims.length);
  await expect(library.getByRole('status')).toHaveText(
    `Showing ${claimsFile.claims.length} of ${claimsFile.claims.length} claims`,
  );
  await library.getByLabel('Kind of claim', { exact: true }).selectOption('expert view');
  const experts = claimsFile.claims.filter((c) => c.kind === 'expert view');
  await expect(library.locator('.claim')).toHaveCount(experts.length);
  await library.getByLabel('Kind of claim', { exact: true }).selectOption('');
  await library.getByLabel('Report', { exact: true }).selectOption('003_7734c6d6f422c141.txt');
  const fromThree = claimsFile.claims.filter((c) => c.evidence.some((e) => e.source === '003_7734c6d6f422c141.txt'));
  await expect(library.locator('.claim')).toHaveCount(fromThree.length);
  await library.getByLabel('Report', { exact: true }).selectOption('');
  await library.getByLabel('Search', { exact: true }).fill('master admin');
  await expect(library.locator('.claim .statement')).toHaveText([
    claimsFile.claims.find((c) => c.id === 'master-admin-has-access-to-everything')?.statement ?? '',
  ]);
  await library.getByLabel('Search', { exact: true }).fill('');
  // When the reports spoke, and what carries a claim in full or only in part, are on the page.
  await expect(library.locator('.timeframe')).toHaveText(
    'What 5 news reports said in 2022, not current fact. Dated: June 18, 2022 (1 of 5); the others state no date.',
  );
  const accessed = library.locator('[data-claim-id="china-based-staff-accessed-us-data"]');
  await expect(accessed.locator('.reports')).toHaveText('3 of 5 reports (+2 in part)');
  await expect(accessed.locator('figure[data-support="full"]')).toHaveCount(3);
  const partial = accessed.locator('figure[data-support="partial"]');
  await expect(partial).toHaveCount(2);
  await expect(partial.first()).toContainText('Carries only part of this claim');
  await expect(partial.locator('figcaption')).toHaveText(['“TIKTOK Meeting Audio Leaks…”', 'ClearanceJobs']);
  // Reports are never named by their file codes, and no title runs on for a paragraph.
  const pageText = await library.locator('main').innerText();
  expect(pageText).not.toMatch(/\b(?:report|reports)\s+00\d\b|\b00\d\b(?![_%])/);
  for (const option of await library.getByLabel('Report', { exact: true }).locator('option').allInnerTexts())
    expect(option.length).toBeLessThanOrEqual(80);
  await library.getByLabel('Search', { exact: true }).fill('no claim says this zebra');
  await expect(library.getByText('No claim matches these filters.')).toBeVisible();
  expect(library.url()).toContain('q=no+claim+says+this+zebra');
  await library.close();
});

test('viewer: the whole report, its stated metadata, and the cited quote highlighted in view', async ({ chromium }) => {
  const claim = claimsFile.claims.find((c) => c.id === 'entner-no-surprise');
  const evidence = claim?.evidence[0];
  const source = sourcesFile.sources.find((s) => s.file === evidence?.source);
  const viewer = await chromium.openExtensionPage(
    `src/viewer/index.html?source=${evidence?.source ?? ''}&quote=${encodeURIComponent(evidence?.quote ?? '')}`,
  );
  // The report's name heads the page; the title citations give it is below.
  await expect(viewer.locator('h1')).toHaveText(source?.name ?? '');
  await expect(viewer.locator('.facts .cited-title')).toHaveText(`${source?.shortTitle ?? ''}…`);
  await expect(viewer.locator('.document')).toContainText(source?.title ?? '');
  await expect(viewer.locator('.facts')).toContainText('ClearanceJobs');
  await expect(viewer.locator('.facts')).toContainText('Peter Suciu');
  // What the report does not state is said plainly.
  await expect(viewer.locator('.facts dd.not-stated')).toHaveText(['Not stated in the report']);
  const mark = viewer.locator('mark.cited');
  await expect(mark).toHaveText(evidence?.quote ?? '');
  await expect(mark).toBeInViewport();
  await viewer.close();
  const missing = await chromium.openExtensionPage('src/viewer/index.html?source=999_nothing.txt');
  await expect(missing.locator('h1')).toHaveText('Report not found');
  await missing.close();
});
