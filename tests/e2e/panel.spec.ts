/**
 * The side panel (Chrome) / sidebar (Firefox) page in both browsers: it shows the summary of its window's
 * active tab, keeps up as the page changes and the reader switches tabs, clears with the reason where
 * Claimlight is off, and its previous / next buttons take the page to each mention and flash it.
 */
import type { BrowserHarness, PanelView, TestPage } from '../../scripts/harness/harness.ts';
import type { TestServer } from '../../scripts/harness/server.ts';
import { expect, test } from '../support/fixtures.ts';
import { HIGHLIGHT, openStoryPage, waitForHighlights } from '../support/page.ts';

/** What the panel shows, read the way a reader would: headings, counts, the state line, the site. */
function readPanel(panel: TestPage) {
  return panel.evaluate(() => ({
    site: document.querySelector('.panel-site')?.textContent ?? null,
    companies: [...document.querySelectorAll('.company')].map(
      (c) => `${c.querySelector('h2')?.textContent ?? ''}: ${c.querySelector('.count')?.textContent ?? ''}`,
    ),
    state: document.querySelector('main > .state, .state')?.textContent ?? null,
    // The page's sentences that repeat a claim (one listed under each claim it repeats).
    repeats: new Set([...document.querySelectorAll('.repeats .page-sentence')].map((q) => q.textContent)).size,
    claims: document.querySelectorAll('.claims .claim-row').length,
  }));
}

/** Waits until the panel shows what `expected` says (a partial match on `readPanel`). */
async function expectPanel(panel: TestPage, expected: Partial<Awaited<ReturnType<typeof readPanel>>>) {
  await expect.poll(() => readPanel(panel), { timeout: 15_000 }).toMatchObject(expected);
}

/** Clicks a control in the panel. A DOM click: the panel must stay a background tab (it follows the active one). */
function clickInPanel(panel: TestPage, selector: string): Promise<void> {
  return panel.evaluate((sel) => {
    const el = document.querySelector<HTMLElement>(sel);
    if (!el) throw new Error(`no ${sel} in the panel`);
    el.click();
  }, selector);
}

/** What the panel lists for the story page (tests/fixtures/pages/story.html). */
const STORY_COMPANIES = ['TikTok: 2 mentions', 'ByteDance: 1 mention', 'Oracle: 1 mention'];

/** Opens the story page in `tab`, with its highlights and marked sentences in, and the panel following it. */
async function storyWithPanel(tab: TestPage, server: TestServer, harness: BrowserHarness): Promise<PanelView> {
  await openStoryPage(tab, server.url('/story.html'));
  return harness.openPanel(tab, server.url('/story.html'));
}

const LONG_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long page</title></head>
<body style="font:18px/1.6 sans-serif;margin:20px">
<p id="o1">Oracle runs the servers, the first report said.</p>
<div style="height:1800px"></div>
<p id="t1">Later, TikTok answered.</p>
<p id="o2">Oracle was named again in the middle of the page.</p>
<div style="height:1800px"></div>
<p id="o3">At the end, Oracle once more.</p>
</body></html>`;

test('the panel shows its window’s active tab and keeps up as the page changes and the reader switches tabs', async ({
  tab,
  server,
  harness,
}) => {
  const panel = await storyWithPanel(tab, server, harness);
  await expectPanel(panel.page, {
    site: 'On 127.0.0.1',
    companies: STORY_COMPANIES,
    repeats: 3,
  });
  expect((await readPanel(panel.page)).claims).toBeGreaterThan(0);

  // The page changes: the panel's counts follow without being asked.
  await tab.evaluate(() =>
    document.body.insertAdjacentHTML('beforeend', '<p id="more">Oracle and ByteDance were asked again.</p>'),
  );
  await waitForHighlights(tab, 6);
  await expectPanel(panel.page, {
    companies: ['TikTok: 2 mentions', 'ByteDance: 2 mentions', 'Oracle: 2 mentions'],
  });

  // The reader switches to another tab of the window, then back.
  const other = await panel.newTab();
  await other.goto(server.url('/no-mentions.html'));
  await expectPanel(panel.page, {
    companies: [],
    // Firefox lets the panel read the address. Chrome hides it, and a page without mentions touches no
    // extension API, so there the panel says what such a page can be (panel.chromium.spec.ts).
    state:
      harness.name === 'firefox'
        ? 'No mention of TikTok, ByteDance, or Oracle on this page.'
        : "No mention of TikTok, ByteDance, or Oracle found here. If this is one of the browser's own pages, an add-on store, Reader View or a PDF viewer, browsers keep extensions out of it.",
  });
  await panel.activate(tab);
  await expectPanel(panel.page, { companies: ['TikTok: 2 mentions', 'ByteDance: 2 mentions', 'Oracle: 2 mentions'] });

  // The shown tab navigates, to a page that names Oracle and TikTok once each.
  await tab.goto(server.url('/unrelated.html'));
  await expectPanel(panel.page, { companies: ['TikTok: 1 mention', 'Oracle: 1 mention'], repeats: 0 });
  await other.close();
  expect(tab.pageErrors).toEqual([]);
  expect(panel.page.pageErrors).toEqual([]);
  await panel.page.close();
});

test('pausing from the panel clears the page and the panel says why; resuming brings both back', async ({
  tab,
  server,
  harness,
}) => {
  const panel = await storyWithPanel(tab, server, harness);
  await expectPanel(panel.page, { companies: STORY_COMPANIES });
  await clickInPanel(panel.page, '#pause');
  try {
    await expectPanel(panel.page, { companies: [], state: 'Claimlight is paused on every site.' });
    await tab.waitFor((sel) => document.querySelectorAll(sel).length === 0, HIGHLIGHT, 15_000);
  } finally {
    await clickInPanel(panel.page, '#pause');
  }
  await waitForHighlights(tab, 4, 15_000);
  await expectPanel(panel.page, { companies: STORY_COMPANIES });
  await panel.page.close();
});

/** The page's marked-current highlight: its text, whether it is in the viewport, and whether it is flashed. */
function currentMention(tab: TestPage) {
  return tab.evaluate(() => {
    const mark = document.querySelector('[data-claimlight-current]');
    const registry = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
    if (!mark) return null;
    const r = mark.getBoundingClientRect();
    return {
      paragraph: mark.closest('p')?.id ?? null,
      inView: r.top >= 0 && r.bottom <= window.innerHeight,
      flashed: registry?.has('claimlight-claim-flash') ?? false,
    };
  });
}

/** The panel's one position line: where its last step took the reader. */
function positionOf(panel: TestPage): Promise<string | null> {
  return panel.evaluate(() => document.querySelector('.position')?.textContent || null);
}

test('previous / next in the panel take the page to each mention of a company, flash it, and say where it is', async ({
  tab,
  server,
  harness,
}) => {
  await tab.goto(server.page('/long.html', LONG_PAGE));
  await waitForHighlights(tab, 4);
  const panel = await harness.openPanel(tab, server.url('/story.html'));
  await expectPanel(panel.page, { companies: ['TikTok: 1 mention', 'Oracle: 3 mentions'] });
  const next = '.company[data-entity="oracle"] .next';
  const previous = '.company[data-entity="oracle"] .previous';

  await clickInPanel(panel.page, next);
  await expect.poll(() => positionOf(panel.page)).toBe('Mention 1 of 3 of Oracle, marked on the page');
  await expect.poll(() => currentMention(tab)).toEqual({ paragraph: 'o1', inView: true, flashed: true });

  await clickInPanel(panel.page, next);
  await expect.poll(() => positionOf(panel.page)).toBe('Mention 2 of 3 of Oracle, marked on the page');
  await expect.poll(() => currentMention(tab)).toMatchObject({ paragraph: 'o2', inView: true });
  const middle = await tab.evaluate(() => window.scrollY);
  expect(middle).toBeGreaterThan(1000);

  await clickInPanel(panel.page, previous);
  await expect.poll(() => positionOf(panel.page)).toBe('Mention 1 of 3 of Oracle, marked on the page');
  await expect.poll(() => currentMention(tab)).toMatchObject({ paragraph: 'o1', inView: true });
  // Before the first comes the last.
  await clickInPanel(panel.page, previous);
  await expect.poll(() => positionOf(panel.page)).toBe('Mention 3 of 3 of Oracle, marked on the page');
  await expect.poll(() => currentMention(tab)).toMatchObject({ paragraph: 'o3', inView: true });
  expect(tab.pageErrors).toEqual([]);
  await panel.page.close();
});

test('previous / next through the sentences the page repeats mark each one in the panel and flash it in the page', async ({
  tab,
  server,
  harness,
}) => {
  const panel = await storyWithPanel(tab, server, harness);
  await expectPanel(panel.page, { repeats: 3 });
  const flashed = () =>
    tab.evaluate(() => {
      const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
      return [...(registry?.get('claimlight-claim-flash') ?? [])].map((r) => r.toString().replace(/\s+/g, ' ').trim());
    });
  const shown = () =>
    panel.page.evaluate(() => ({
      position: document.querySelector('.position')?.textContent || null,
      current: [...document.querySelectorAll('[data-page-claim][aria-current="location"] .page-sentence')].map((q) =>
        q.textContent.replace(/\s+/g, ' ').trim(),
      ),
    }));

  await clickInPanel(panel.page, '.sentence-steps .next');
  await expect.poll(shown).toMatchObject({ position: 'Sentence 1 of 3, marked on the page' });
  const first = (await shown()).current[0] ?? '';
  expect(first).toMatch(/^Recordings from more than 80 internal TikTok meetings/);
  await expect.poll(flashed).toEqual([first]);

  await clickInPanel(panel.page, '.sentence-steps .next');
  await expect.poll(shown).toMatchObject({ position: 'Sentence 2 of 3, marked on the page' });
  const second = (await shown()).current[0] ?? '';
  expect(second).toMatch(/^"Everything is seen in China,"/);
  await expect.poll(flashed).toEqual([second]);

  await clickInPanel(panel.page, '.sentence-steps .previous');
  await clickInPanel(panel.page, '.sentence-steps .previous');
  await expect.poll(shown).toMatchObject({ position: 'Sentence 3 of 3, marked on the page' });
  expect((await shown()).current[0]).toMatch(/Oracle Cloud Infrastructure\.$/);
  await panel.page.close();
});

test('on one of Claimlight’s own pages the panel names it as such', async ({ tab, server, harness }) => {
  const panel = await storyWithPanel(tab, server, harness);
  await expectPanel(panel.page, { companies: STORY_COMPANIES });
  // The claims library, in a tab of the panel's window, made the active one.
  let library: TestPage;
  if (harness.name === 'chromium') {
    library = await panel.newTab();
    const url = await panel.page.evaluate(() => new URL('/src/library/index.html', location.href).href);
    await library.goto(url);
  } else {
    library = await harness.openPage('src/library/index.html', server.url('/story.html'));
    await panel.activate(library);
  }
  await expectPanel(panel.page, {
    companies: [],
    state:
      'This is one of Claimlight’s own pages (the claims library, a report, or the options): it summarises web pages, not itself.',
  });
  await library.close();
  await panel.page.close();
});
