/**
 * Sentences that repeat a claim from the reports are marked in the page (CSS
 * Custom Highlight API: no DOM change), in both browsers, and unmarked when
 * highlighting is switched off; a page about something else gets no marker.
 */
import claimsFile from '../../seeds/claims.json' with { type: 'json' };
import { readCard } from '../support/card.ts';
import { expect, test } from '../support/fixtures.ts';
import { claimlightCss, markedSentences, openStoryPage, waitForHighlights } from '../support/page.ts';

const claim = (id: string) => claimsFile.claims.find((c) => c.id === id)?.statement;

test('a story page: each sentence that repeats a claim is marked, the rest are not, and nothing else changes', async ({
  tab,
  server,
}) => {
  await openStoryPage(tab, server.url('/story.html'));
  const marked = await markedSentences(tab);
  expect(marked[0]).toMatch(
    /^Recordings from more than 80 internal TikTok meetings .* BuzzFeed News reported on Friday\.$/,
  );
  expect(marked[1]).toMatch(/^"Everything is seen in China," a member of .* recordings\.$/);
  expect(marked[2]).toMatch(/^The company said it had moved all traffic .* Oracle Cloud Infrastructure\.$/);
  expect(marked.join(' ')).not.toContain('weather');
  // The marker is not a DOM change: the marked quote (which names no company) is still one text node of the
  // page's, nothing wrapped around or inside it.
  const p2 = await tab.evaluate(() => {
    const nodes = [...(document.getElementById('p2')?.childNodes ?? [])];
    return { html: document.getElementById('p2')?.innerHTML.trim(), kinds: nodes.map((n) => n.nodeName) };
  });
  expect(p2.html).not.toContain('claimlight-claim');
  expect(p2.kinds).toEqual(['#text']);
  expect(tab.pageErrors).toEqual([]);
});

test('resting the pointer on a marked sentence opens nothing; a click on it opens the card on the claim it repeats, a click elsewhere closes it', async ({
  tab,
  server,
}) => {
  await openStoryPage(tab, server.url('/story.html'));
  // The middle of the first line of "Everything is seen in China," ... (no company name in it).
  const point = await tab.evaluate(() => {
    const text = document.getElementById('p2')?.firstChild;
    if (!(text instanceof Text)) return null;
    const range = document.createRange();
    range.setStart(text, text.data.indexOf('Everything'));
    range.setEnd(text, text.data.indexOf('China'));
    const r = range.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  if (!point) throw new Error('no sentence');
  const cardOpen = () =>
    tab.evaluate(() => document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.card') != null);
  await tab.moveMouse(point.x, point.y);
  // Time is what this checks (one of the few timed waits): resting on the sentence for well past the hover
  // delay (400 ms) opens no card. The click below is the positive control: the card can open there.
  await new Promise((done) => setTimeout(done, 1200));
  expect(await cardOpen()).toBe(false);
  // A click on it does (the sentence is marked and the card can open there).
  await tab.click(point.x, point.y);
  await expect
    .poll(
      () => tab.evaluate(() => document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.claim') != null),
      { message: 'the card opens on the sentence', timeout: 10_000 },
    )
    .toBe(true);
  const card = await readCard(tab);
  expect(card?.claims[0]?.statement).toBe(claim('everything-is-seen-in-china'));
  expect(card?.claims[0]?.meta).toMatch(/\d of 5 reports/);
  // A click elsewhere closes it.
  await tab.click(5, 5);
  await expect.poll(cardOpen, { message: 'a click elsewhere closes the card', timeout: 10_000 }).toBe(false);
});

test('the options page’s sentence-mark switch takes the marks off open pages at once, and puts them back', async ({
  tab,
  harness,
  server,
}) => {
  await openStoryPage(tab, server.url('/story.html'));
  expect(await markedSentences(tab)).toHaveLength(3);
  const options = await harness.openPage('src/options/index.html', server.url('/story.html'));
  /** Flips the switch and waits until it shows the new state. */
  const toggle = async (to: 'true' | 'false') => {
    await options.evaluate(() => document.getElementById('mark-sentences')?.click());
    await options.waitFor(
      (state) => document.getElementById('mark-sentences')?.getAttribute('aria-checked') === state,
      to,
    );
  };
  await options.waitFor(() => document.getElementById('mark-sentences')?.getAttribute('aria-checked') === 'true');
  await toggle('false');
  await expect.poll(() => markedSentences(tab), { timeout: 10_000 }).toEqual([]);
  // The names stay highlighted: only the sentence marks went.
  expect(await tab.evaluate(() => document.querySelectorAll('[data-claimlight-entity]').length)).toBe(4);
  await toggle('true');
  await expect.poll(async () => (await markedSentences(tab)).length, { timeout: 10_000 }).toBe(3);
  await options.close();
});

/** Hovers `selector`, waits for its card, reads it, and moves the pointer away until the card has closed. */
async function cardOn(tab: Parameters<typeof readCard>[0], selector: string) {
  await tab.hover(selector);
  await expect.poll(() => readCard(tab).then((card) => (card?.claims.length ?? 0) > 0), { timeout: 10_000 }).toBe(true);
  const card = await tab.evaluate(() => {
    const root = document.querySelector('claimlight-card')?.shadowRoot;
    return {
      unrelated: root?.querySelector('.unrelated')?.textContent ?? null,
      folded: root?.querySelector('.folded-claims:not([open])') != null,
      visibleClaims: [...(root?.querySelectorAll('.claim') ?? [])].filter((c) => (c as HTMLElement).checkVisibility())
        .length,
    };
  });
  const read = await readCard(tab);
  await tab.moveMouse(1, 1);
  await expect
    .poll(() => tab.evaluate(() => !document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.card')))
    .toBe(true);
  return { ...card, claims: read?.claims ?? [] };
}

test('the card ranks its claims by the paragraph around the hovered name', async ({ tab, server }) => {
  await openStoryPage(tab, server.url('/story.html'));
  // The paragraph about the move to Oracle's servers ("routes all US user traffic through servers run by
  // Oracle") leads Oracle's card with the two claims it repeats...
  const oracle = await cardOn(tab, '#p3 claimlight-mention');
  expect(oracle.unrelated).toBeNull();
  expect(
    oracle.claims
      .slice(0, 2)
      .map((c) => c.statement)
      .sort(),
  ).toEqual([claim('us-traffic-routed-to-oracle-cloud'), claim('tiktok-post-says-data-moved-to-oracle')].sort());
  // ...and the paragraph about the recordings leads TikTok's card with what the recordings showed.
  const tiktok = await cardOn(tab, '#p1 claimlight-mention');
  expect(tiktok.claims[0]?.statement).toBe(claim('china-based-staff-accessed-us-data'));
});

test('on a page about something else the card says so and folds the claims', async ({ tab, server }) => {
  await tab.goto(server.url('/unrelated.html'));
  await waitForHighlights(tab, 2);
  // The page's text is matched after its names are highlighted; a card opened before that cannot know yet.
  await expect
    .poll(async () => (await cardOn(tab, 'p claimlight-mention')).unrelated, { timeout: 20_000 })
    .toBe('Nothing on this page relates to the reports’ story.');
  const card = await cardOn(tab, 'p claimlight-mention');
  expect(card.folded).toBe(true);
  expect(card.visibleClaims).toBe(0);
  expect(card.claims.length).toBeGreaterThan(0);
});

test('on a page about the company’s other business, the card says who it is first and folds the claims behind one line', async ({
  tab,
  server,
}) => {
  // Quarterly results: "cloud infrastructure", "data centers", "users", "China", none of the story.
  await tab.goto(server.url('/oracle-results.html'));
  await waitForHighlights(tab, 2);
  await expect
    .poll(async () => (await cardOn(tab, 'p claimlight-mention')).unrelated, { timeout: 20_000 })
    .toBe('Nothing on this page relates to the reports’ story.');
  await tab.hover('p claimlight-mention');
  await expect.poll(() => readCard(tab).then((card) => card?.name ?? null), { timeout: 10_000 }).toBe('Oracle');
  const layout = await tab.evaluate(() => {
    const root = document.querySelector('claimlight-card')?.shadowRoot;
    const description = root?.querySelector('.description');
    const fold = root?.querySelector('details.folded-claims');
    return {
      descriptionFirst:
        description != null &&
        fold != null &&
        (description.compareDocumentPosition(fold) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
      line: fold?.querySelector('summary')?.textContent ?? null,
      open: fold?.hasAttribute('open') ?? null,
      visibleClaims: [...(root?.querySelectorAll('.claim') ?? [])].filter((c) => (c as HTMLElement).checkVisibility())
        .length,
    };
  });
  expect(layout).toEqual({
    descriptionFirst: true,
    line: 'Nothing on this page relates to the reports’ story. What the reports say about Oracle',
    open: false,
    visibleClaims: 0,
  });
  // And nothing on it is marked as repeating a claim.
  expect(await markedSentences(tab)).toEqual([]);
});

test('a framework re-rendering marked sentences: markers never sit on stale text, and come back on the new nodes', async ({
  tab,
  server,
}) => {
  await openStoryPage(tab, server.url('/story.html'));
  const before = await markedSentences(tab);
  // As React does, first: a text node's value set in place (the quote, which names no company, so no name
  // highlight changes with it).
  await tab.evaluate(() => {
    const text = document.getElementById('p2')?.firstChild;
    if (text instanceof Text) text.nodeValue = text.data.slice(0);
  });
  // At once its marker is empty (the old text is gone), and none covers other text.
  const now = await markedSentences(tab);
  expect(now.filter((s) => s !== '')).toHaveLength(2);
  expect(now.filter((s) => s !== '').every((s) => before.includes(s))).toBe(true);
  // Once the page is quiet, it is marked again.
  await expect.poll(() => markedSentences(tab), { timeout: 15_000 }).toEqual(before);
  // Then a keyed element re-mounted as a new one with the same text (the paragraph about Oracle).
  const rendered = await tab.evaluate(() => {
    const p3 = document.getElementById('p3');
    const fresh = document.createElement('p');
    fresh.id = 'p3';
    fresh.textContent = p3?.textContent ?? '';
    p3?.replaceWith(fresh);
    return document.querySelector('article')?.textContent;
  });
  await expect.poll(() => markedSentences(tab), { timeout: 15_000 }).toEqual(before);
  const onNewNodes = await tab.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    return [...(registry.get('claimlight-claim') ?? [])].some((r) =>
      document.getElementById('p3')?.contains(r.startContainer),
    );
  });
  expect(onNewNodes).toBe(true);
  // The page's text is exactly what it rendered (re-highlighted names included), and it raised no error.
  expect(await tab.evaluate(() => document.querySelector('article')?.textContent)).toBe(rendered);
  expect(tab.pageErrors).toEqual([]);
});

test('the markers’ look is added to a page only once a sentence there is marked', async ({ tab, server }) => {
  // A ::highlight() rule applies to every element: adding it restyles the whole page, so pages whose
  // sentences repeat no claim never get it.
  await tab.goto(server.url('/unrelated.html'));
  await waitForHighlights(tab, 2);
  // Judged once the page has been matched (the card knows it relates to nothing), not after a guessed wait.
  await expect
    .poll(async () => (await cardOn(tab, 'p claimlight-mention')).unrelated, { timeout: 20_000 })
    .toBe('Nothing on this page relates to the reports’ story.');
  expect(await markedSentences(tab)).toEqual([]);
  const plain = await claimlightCss(tab);
  expect(plain).toContain('claimlight-mention');
  expect(plain).not.toContain('::highlight');

  await openStoryPage(tab, server.url('/story.html'));
  expect(await claimlightCss(tab)).toContain('::highlight(claimlight-claim)');
});
