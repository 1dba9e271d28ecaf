/**
 * `npm run screenshots`: saves pictures of the hover card, the popup, the side
 * panel, the claims library, the source viewer and the options page to docs/screenshots/,
 * from the built extension in Chromium (light theme).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import claimsFile from '../seeds/claims.json' with { type: 'json' };
import { launchChromium } from './harness/harness.ts';
import { REPO_ROOT, startServer } from './harness/server.ts';

const OUT = join(REPO_ROOT, 'docs/screenshots');
await mkdir(OUT, { recursive: true });
const server = await startServer();
const chromium = await launchChromium();
try {
  const { page, tabId } = await chromium.newTab();
  await page.setViewportSize({ width: 1000, height: 720 });
  await page.goto(server.url('/demo.html'));
  await page.waitForSelector('[data-claimlight-entity]');
  await page.hover('article p claimlight-mention');
  await page.waitForFunction(() =>
    document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.card .claim'),
  );
  await page.screenshot({ path: join(OUT, 'card.png') });

  // The popup on a long story page, as a reader first sees it: what the page repeats, at the top.
  await page.goto(server.url('/long-story.html'));
  await page.waitForFunction(() => (CSS.highlights.get('claimlight-claim')?.size ?? 0) > 20, undefined, {
    timeout: 20_000,
  });
  const popup = await chromium.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${chromium.extensionId}/src/popup/index.html?tab=${String(tabId)}`);
  await popup.waitForSelector('.page-repeats .repeat');
  await popup.screenshot({ path: join(OUT, 'popup.png') });

  // The side panel beside the story page, after stepping to a mention and to a repeated sentence.
  const story = await chromium.newPage();
  await story.goto(server.url('/story.html'));
  const panelView = await chromium.openPanel(story, server.url('/story.html'));
  const panel = panelView.page.page;
  await panel.setViewportSize({ width: 360, height: 900 });
  await panel.locator('.company[data-entity="oracle"] .next').click({ timeout: 15_000 });
  await panel.locator('.sentence-steps .next').click();
  await panel.waitForSelector('.repeat.shown');
  await panel.screenshot({ path: join(OUT, 'panel.png') });

  const library = await chromium.openExtensionPage('src/library/index.html?entity=oracle');
  await library.setViewportSize({ width: 1000, height: 800 });
  await library.screenshot({ path: join(OUT, 'library.png') });

  const claim = claimsFile.claims.find((c) => c.id === 'us-traffic-routed-to-oracle-cloud');
  const evidence = claim?.evidence[2];
  const viewer = await chromium.openExtensionPage(
    `src/viewer/index.html?source=${evidence?.source ?? ''}&quote=${encodeURIComponent(evidence?.quote ?? '')}`,
  );
  await viewer.setViewportSize({ width: 1000, height: 800 });
  await viewer.waitForSelector('mark.cited');
  await viewer.screenshot({ path: join(OUT, 'viewer.png') });

  const options = await chromium.openExtensionPage('src/options/index.html');
  await options.setViewportSize({ width: 1000, height: 900 });
  await options.screenshot({ path: join(OUT, 'options.png'), fullPage: true });
  console.log(`Saved screenshots to ${OUT}`);
} finally {
  await chromium.close();
  await server.close();
}
