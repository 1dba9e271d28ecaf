/**
 * "Copy citation" copies the claim, who asserts it, the quote exactly as stored and its report, as plain text
 * or Markdown: from the library and from the hover card on a page.
 */
import { readFileSync } from 'node:fs';
import claimsFile from '../../seeds/claims.json' with { type: 'json' };
import sourcesFile from '../../seeds/sources.json' with { type: 'json' };
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { PlaywrightPage } from '../../scripts/harness/harness.ts';
import { waitForCard } from '../support/card.ts';
import { waitForHighlights } from '../support/page.ts';

/** The first quote in full support of a claim, as stored, and its report's first line. */
function storedCitation(id: string) {
  const claim = claimsFile.claims.find((c) => c.id === id);
  const evidence = claim?.evidence.find((e) => !('support' in e));
  const source = sourcesFile.sources.find((s) => s.file === evidence?.source);
  if (!claim || !evidence || !source) throw new Error(`no citation for ${id}`);
  return { claim, quote: evidence.quote, title: source.title.trim() };
}

async function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

test('the library: Copy citation and Copy as Markdown put the claim, its quote and its report on the clipboard', async ({
  chromium,
}) => {
  await chromium.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const library = await chromium.openExtensionPage('src/library/index.html');
  const id = 'everything-is-seen-in-china';
  const { claim, quote, title } = storedCitation(id);
  const article = library.locator(`[data-claim-id="${id}"]`);
  await article.getByRole('button', { name: 'Copy citation' }).click();
  await expect(article.locator('.cite-status')).toHaveText('Copied');
  const text = await clipboard(library);
  expect(text.split('\n')).toEqual([
    `${claim.statement} (According to ${claim.attribution})`,
    `“${quote}”`,
    expect.stringMatching(new RegExp(`^— “${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”, `)),
  ]);
  await article.getByRole('button', { name: 'Copy as Markdown' }).click();
  const markdown = await clipboard(library);
  expect(markdown.replace(/\\([\\`*_[\]<>#|~])/g, '$1')).toContain(`> ${quote}`);
  expect(markdown).toMatch(/^\*\*/);
  await library.close();
});

test('the hover card: Copy citation copies the claim shown, with its quote as stored', async ({
  tab,
  server,
  chromium,
}) => {
  await chromium.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url('/') });
  await tab.goto(server.url('/article.html'));
  await waitForHighlights(tab, 5);
  await tab.hover('#p1 claimlight-mention');
  await waitForCard(tab, 'ByteDance');
  await tab.waitFor(
    () => document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.copy-citation') != null,
  );
  // A real click on the first claim's button (the pointer travels into the card, which stays open).
  const target = await tab.evaluate(() => {
    const claim = document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.claim');
    const button = claim?.querySelector<HTMLElement>('.copy-citation');
    button?.scrollIntoView({ block: 'nearest' });
    const r = button?.getBoundingClientRect();
    return { id: claim?.getAttribute('data-claim-id') ?? '', x: (r?.left ?? 0) + 5, y: (r?.top ?? 0) + 5 };
  });
  if (!(tab instanceof PlaywrightPage)) throw new Error('Chromium runs on Playwright');
  await tab.page.mouse.click(target.x, target.y);
  const id = target.id;
  await tab.waitFor(
    () =>
      document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.claim .cite-status')?.textContent ===
      'Copied',
  );
  const { claim, quote } = storedCitation(id);
  const copied = await tab.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(claim.statement);
  expect(copied).toContain(`“${quote}”`);
});

test('the library exports the claims its filters show, as Markdown and as CSL-JSON, quotes as stored', async ({
  chromium,
}) => {
  const library = await chromium.openExtensionPage('src/library/index.html?entity=oracle');
  const oracle = claimsFile.claims.filter((c) => c.entities.includes('oracle'));
  await expect(library.locator('.export')).toContainText(`Export these ${String(oracle.length)} claims`);
  const read = async (name: string) => {
    const download = library.waitForEvent('download');
    await library.getByRole('link', { name }).click();
    const path = await (await download).path();
    return readFileSync(path, 'utf8');
  };
  const markdown = (await read('Markdown')).replace(/\\([\\`*_[\]<>#|~])/g, '$1');
  const items = JSON.parse(await read('CSL-JSON (Zotero)')) as { id: string; note: string; title: string }[];
  expect(items.map((item) => item.id)).toEqual(expect.arrayContaining(oracle.map((c) => `claimlight-${c.id}`)));
  expect(items).toHaveLength(oracle.length);
  for (const claim of oracle) {
    const { quote, title } = storedCitation(claim.id);
    expect(markdown).toContain(`> ${quote}`);
    const item = items.find((i) => i.id === `claimlight-${claim.id}`);
    expect(item?.note).toContain(`“${quote}”`);
    expect(item?.title).toBe(title);
  }
  await library.close();
});
