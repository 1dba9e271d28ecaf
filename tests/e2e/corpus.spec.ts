/**
 * The real saved pages: Claimlight introduces no page error, leaves the
 * visible text exactly as it was, highlights nothing on the negative pages
 * and every mention its rules find on the others.
 */
import { mentionMatcher } from '../../src/content/highlight/matchers.ts';
import { NEVER_WRAPPED_SELECTOR } from '../../src/content/dom/excluded.ts';
import { CONTROL_ID, corpusPages, servedWithControl } from '../support/corpus.ts';
import { expect, test } from '../support/fixtures.ts';
import type { TestPage } from '../../scripts/harness/harness.ts';
import { waitForHighlightIn } from '../support/page.ts';
import { corpusAvailable } from '../../scripts/harness/server.ts';

const pages = corpusPages();

if (pages.length === 0) {
  console.warn('../shared/corpus is absent: the real-page tests are skipped.');
  test('real pages from ../shared/corpus', () => {
    test.skip(true, '../shared/corpus is absent: the real-page tests are skipped.');
  });
}

/**
 * Counts per company that the extension's own rules find in the page's text, computed in the page (the
 * positive control aside).
 */
function expectedCounts(tab: TestPage): Promise<Record<string, number>> {
  return tab.evaluate(
    ({ source, flags, excluded, control }) => {
      const re = new RegExp(source, flags);
      const counts: Record<string, number> = { tiktok: 0, bytedance: 0, oracle: 0 };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest(excluded) || parent.isContentEditable || parent.closest(`#${control}`)) continue;
        re.lastIndex = 0;
        for (let m = re.exec((node as Text).data); m; m = re.exec((node as Text).data)) {
          for (const id of Object.keys(counts)) if (m.groups?.[id] !== undefined) counts[id] = (counts[id] ?? 0) + 1;
        }
      }
      return counts;
    },
    {
      source: mentionMatcher().pattern.source,
      flags: mentionMatcher().pattern.flags,
      excluded: NEVER_WRAPPED_SELECTOR,
      control: CONTROL_ID,
    },
  );
}

/**
 * Firefox reports each web font the offline harness refuses as a page error, whenever the page happens to ask
 * for it (with or without Claimlight, before or after the reference page was read): not the page's own error.
 */
const REFUSED_FONT = /^Error: downloadable font: download failed\b/;

/** The highlights in the page per company (the positive control's aside). */
function highlightCounts(tab: TestPage): Promise<Record<string, number>> {
  return tab.evaluate((control) => {
    const counts: Record<string, number> = { tiktok: 0, bytedance: 0, oracle: 0 };
    for (const mark of document.querySelectorAll(`[data-claimlight-entity]:not(#${control} *)`)) {
      const id = mark.getAttribute('data-claimlight-entity') ?? '';
      counts[id] = (counts[id] ?? 0) + 1;
    }
    return counts;
  }, CONTROL_ID);
}

test.describe('real pages from ../shared/corpus', () => {
  test.skip(!corpusAvailable(), '../shared/corpus is absent: the real-page tests are skipped.');
  test.describe.configure({ mode: 'parallel', timeout: 60_000 });

  for (const page of pages) {
    test(`${page.file} (group ${page.group})`, async ({ tab, plain, server }) => {
      const url = servedWithControl(server, page.file);
      const reference = await plain.newPage();
      try {
        await reference.goto(url);
        await tab.goto(url);
        // The positive control, last in the page, is highlighted: the first pass has read the whole page.
        await waitForHighlightIn(tab, `#${CONTROL_ID}`, 30_000);

        // Blocked requests carry random ids in their URLs: compare errors without them.
        const shape = (error: string) => error.replace(/\b[a-z]+:\/\/\S+/gi, '<url>').replace(/\d+/g, '#');
        const before = new Set(reference.pageErrors.map(shape));
        const introduced = tab.pageErrors
          .filter((error) => !REFUSED_FONT.test(error))
          .filter((error) => !before.has(shape(error)));
        expect(introduced, 'page errors only with Claimlight').toEqual([]);
        if (page.varies) {
          test.info().annotations.push({
            type: 'note',
            description: 'the page writes random content; counts and text not compared',
          });
          return;
        }
        // Some pages go on writing their own text after load (one adds a footer link on a 500 ms timer): the
        // page is compared with the page without Claimlight once both show the same text, which they never do
        // if Claimlight changed it.
        const text = () => document.body.innerText;
        await expect(async () => {
          expect(await tab.evaluate(text)).toBe(await reference.evaluate(text));
        }).toPass({ timeout: 15_000 });
        const shown = await highlightCounts(tab);
        const expected = await expectedCounts(reference);
        if (page.group === 'b') expect(shown).toEqual({ tiktok: 0, bytedance: 0, oracle: 0 });
        expect(shown).toEqual(expected);
      } finally {
        await reference.close();
      }
    });
  }
});
