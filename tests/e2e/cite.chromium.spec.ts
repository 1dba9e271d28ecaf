/**
 * "Copy citation" copies the claim, who asserts it, the quote as stored (its own quotation marks nested) and
 * its report, named as everywhere else, as plain text or Markdown: one control per claim, from the library
 * and from the hover card on a page. The library exports what its filters show, saying so, as Markdown and
 * as CSL-JSON with one item per report.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import claimsFile from '../../seeds/claims.json' with { type: 'json' };
import sourcesFile from '../../seeds/sources.json' with { type: 'json' };
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { PlaywrightPage } from '../../scripts/harness/harness.ts';
import { quoted } from '../../src/shared/citation.ts';
import { citedTitle, nameReports, type Source } from '../../src/shared/claims.ts';
import { waitForCard } from '../support/card.ts';
import { waitForHighlights } from '../support/page.ts';

const sources: Source[] = sourcesFile.sources;

/** The first quote in full support of a claim, as stored, its attribution as shown, and its report. */
function storedCitation(id: string) {
  const claim = claimsFile.claims.find((c) => c.id === id);
  const evidence = claim?.evidence.find((e) => !('support' in e));
  const source = sources.find((s) => s.file === evidence?.source);
  if (!claim || !evidence || !source) throw new Error(`no citation for ${id}`);
  return { claim, attribution: nameReports(claim.attribution, sources), quote: evidence.quote, source };
}

/** The reports that carry a claim in full. */
const fullSources = (claim: (typeof claimsFile.claims)[number]) =>
  new Set(claim.evidence.filter((e) => !('support' in e)).map((e) => e.source));

async function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Markdown source back to the text it renders. */
const unescape = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');

interface ExportedItem {
  id: string;
  type: string;
  title: string;
  note: string;
  'container-title'?: string;
}

test('the library: one Copy citation control per claim, its formats by pointer or keyboard, Escape closing them', async ({
  chromium,
}) => {
  await chromium.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const library = await chromium.openExtensionPage('src/library/index.html');
  const id = 'master-admin-has-access-to-everything';
  const { claim, attribution, quote, source } = storedCitation(id);
  const article = library.locator(`[data-claim-id="${id}"]`);
  const copy = article.getByRole('button', { name: 'Copy citation' });
  await expect(article.locator('.cite button:visible')).toHaveCount(1);
  await expect(copy).toHaveAttribute('aria-expanded', 'false');

  await copy.click();
  await expect(copy).toHaveAttribute('aria-expanded', 'true');
  await expect(article.locator('.cite button:visible')).toHaveText(['Copy citation', 'Plain text', 'Markdown']);
  await article.getByRole('button', { name: 'Plain text' }).click();
  await expect(article.locator('.cite-status')).toHaveText('Copied');
  await expect(article.locator('.cite button:visible')).toHaveCount(1);
  await expect(copy).toBeFocused();
  const text = await clipboard(library);
  expect(text.split('\n')).toEqual([
    claim.statement,
    `According to ${attribution}`,
    quoted(quote),
    `— “${citedTitle(source)}”`,
  ]);
  // The quote's own closing mark is nested, never doubled.
  expect(text).toContain('‘has access to everything.’”');
  expect(text).not.toMatch(/not stated|””/);

  // From the keyboard: the formats are tab stops only while open, and Escape closes them.
  await copy.focus();
  await library.keyboard.press('Enter');
  await expect(copy).toHaveAttribute('aria-expanded', 'true');
  await library.keyboard.press('Tab');
  await library.keyboard.press('Tab');
  await expect(article.getByRole('button', { name: 'Markdown' })).toBeFocused();
  await library.keyboard.press('Escape');
  await expect(copy).toHaveAttribute('aria-expanded', 'false');
  await expect(copy).toBeFocused();
  await library.keyboard.press('Enter');
  await library.keyboard.press('Tab');
  await library.keyboard.press('Tab');
  await library.keyboard.press('Enter');
  await expect(article.locator('.cite-status')).toHaveText('Copied');
  const markdown = await clipboard(library);
  expect(markdown).toMatch(/^\*\*/);
  expect(unescape(markdown)).toContain(`> ${quote}`);
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
  if (!(tab instanceof PlaywrightPage)) throw new Error('Chromium runs on Playwright');
  // Real clicks on the first claim's control, then its plain-text format (the pointer travels into the card,
  // which stays open).
  const clickIn = async (selector: string) => {
    const target = await tab.evaluate((s) => {
      const claim = document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.claim');
      const button = claim?.querySelector<HTMLElement>(s);
      button?.scrollIntoView({ block: 'nearest' });
      const r = button?.getBoundingClientRect();
      return { id: claim?.getAttribute('data-claim-id') ?? '', x: (r?.left ?? 0) + 5, y: (r?.top ?? 0) + 5 };
    }, selector);
    await tab.page.mouse.click(target.x, target.y);
    return target.id;
  };
  const id = await clickIn('.copy-citation');
  await tab.waitFor(
    () =>
      document
        .querySelector('claimlight-card')
        ?.shadowRoot?.querySelector('.claim .copy-citation')
        ?.getAttribute('aria-expanded') === 'true',
  );
  // One control per claim: the card's other claims show no formats.
  const visible = await tab.evaluate(() =>
    [...(document.querySelector('claimlight-card')?.shadowRoot?.querySelectorAll('.claim') ?? [])].map(
      (claim) => [...claim.querySelectorAll<HTMLElement>('.cite button')].filter((b) => b.checkVisibility()).length,
    ),
  );
  expect(visible[0]).toBe(3);
  expect(visible.slice(1).every((n) => n === 1)).toBe(true);
  await clickIn('.copy-text');
  await tab.waitFor(
    () =>
      document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.claim .cite-status')?.textContent ===
      'Copied',
  );
  const { claim, quote } = storedCitation(id);
  const copied = await tab.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(claim.statement);
  expect(copied).toContain(quoted(quote));
});

const load = createRequire(import.meta.url);
/** A stretch of a quote as the Markdown file holds it: its characters, Markdown's own escaped. */
const unescapeFree = (text: string) => text.slice(0, 40).replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);

test('the library exports the claims its filters show, saying how many, as Markdown and as CSL-JSON by report', async ({
  chromium,
}) => {
  const library = await chromium.openExtensionPage('src/library/index.html?entity=oracle');
  const oracle = claimsFile.claims.filter((c) => c.entities.includes('oracle'));
  await expect(library.locator('.export')).toContainText(`Export these ${String(oracle.length)} claims:`);
  const read = async (name: string) => {
    const download = library.waitForEvent('download');
    await library.getByRole('link', { name }).click();
    const path = await (await download).path();
    return readFileSync(path, 'utf8');
  };
  const markdown = unescape(await read('Markdown'));
  const items = JSON.parse(await read('CSL-JSON (Zotero)')) as ExportedItem[];
  const cited = new Set(oracle.flatMap((c) => [...fullSources(c)]));
  expect(items).toHaveLength(cited.size);
  for (const claim of oracle) {
    const { quote } = storedCitation(claim.id);
    expect(markdown).toContain(`> ${quote.split('\n')[0]?.trim() ?? ''}`);
    for (const file of fullSources(claim)) {
      const source = sources.find((s) => s.file === file);
      const item = items.find((i) => i.title === (source && citedTitle(source)));
      expect(item?.note).toContain(claim.statement);
      for (const e of claim.evidence.filter((e) => e.source === file && !('support' in e)))
        expect(item?.note).toContain(quoted(e.quote));
    }
  }
  await library.close();
});

test('the library’s CSL-JSON export of every claim has one item per report, and a lone claim is "this claim"', async ({
  chromium,
}) => {
  const library = await chromium.openExtensionPage('src/library/index.html');
  await expect(library.locator('.export')).toContainText(`Export these ${String(claimsFile.claims.length)} claims:`);
  const save = async (name: string) => {
    const download = library.waitForEvent('download');
    await library.getByRole('link', { name }).click();
    return readFileSync(await (await download).path(), 'utf8');
  };
  const items = JSON.parse(await save('CSL-JSON (Zotero)')) as ExportedItem[];
  expect(items).toHaveLength(sources.length);
  // The file as downloaded imports into a CSL processor (citation-js): a bibliography of one entry a report.
  const { Cite } = load('@citation-js/core') as {
    Cite: { async(data: unknown): Promise<{ format(type: string, options: Record<string, string>): string }> };
  };
  load('@citation-js/plugin-csl');
  const bibliography = (await Cite.async(items)).format('bibliography', { format: 'text', template: 'apa' });
  expect(bibliography.trim().split('\n')).toHaveLength(sources.length);
  expect(bibliography).not.toMatch(/undefined|null|not stated/);
  // In the Markdown file, a quote of two paragraphs stays inside its blockquote: every line of it starts with ">".
  const markdown = await save('Markdown');
  const twoParagraphs = claimsFile.claims
    .flatMap((c) => c.evidence)
    .find((e) => !('support' in e) && e.quote.includes('\n\n'))?.quote;
  if (!twoParagraphs) throw new Error('no quote of two paragraphs in the seeds');
  const lines = markdown.split('\n');
  const first = lines.findIndex((line) => line.includes(unescapeFree(twoParagraphs.split('\n')[0] ?? '')));
  expect(first).toBeGreaterThanOrEqual(0);
  const span = twoParagraphs.split('\n').length;
  for (const line of lines.slice(first, first + span)) expect(line).toMatch(/^>/);
  expect(items.map((i) => i.title).sort()).toEqual(sources.map(citedTitle).sort());
  expect(items.flatMap((i) => i['container-title'] ?? []).sort()).toEqual(['ClearanceJobs', 'Cybernews']);
  for (const item of items) {
    expect(item.type).toBe('webpage');
    expect(item.id).not.toMatch(/\.txt|\d{3}_/);
    expect(item.note).not.toMatch(/not stated/);
  }
  expect(items.find((i) => i['container-title'] === 'ClearanceJobs')?.title).toBe(
    'The original concept of social media was about sharing…',
  );

  // A company and kind with exactly one claim: the export says "this claim", never "these 1 claims".
  const pairs = claimsFile.claims.flatMap((c) => c.entities.map((entity) => `${entity}|${c.kind}`));
  const lone = pairs.find((pair) => pairs.filter((p) => p === pair).length === 1);
  if (!lone) throw new Error('no company and kind with a single claim');
  const [entity = '', kind = ''] = lone.split('|');
  await library.close();
  const filtered = await chromium.openExtensionPage(
    `src/library/index.html?entity=${entity}&kind=${encodeURIComponent(kind)}`,
  );
  await expect(filtered.locator('.export span')).toHaveText('Export this claim:');
  await filtered.close();
});
