/**
 * Sentences that repeat a claim from the reports are marked in the page (CSS
 * Custom Highlight API: no DOM change), in both browsers, and unmarked when
 * highlighting is switched off; a page about something else gets no marker.
 */
import { expect, test } from '../support/fixtures.ts';
import { waitForHighlights } from '../support/page.ts';

/** The text of each range of the page's claim marker, as the page itself sees the registry. */
const markedSentences = () => {
  const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
  const highlight = registry?.get('claimlight-claim');
  return highlight ? [...highlight].map((range) => range.toString().replace(/\s+/g, ' ').trim()) : [];
};

test('a story page: each sentence that repeats a claim is marked, the rest are not, and nothing else changes', async ({
  tab,
  server,
}) => {
  await tab.goto(server.url('/story.html'));
  await waitForHighlights(tab, 4);
  await expect.poll(() => tab.evaluate(markedSentences), { timeout: 15_000 }).toHaveLength(3);
  const marked = await tab.evaluate(markedSentences);
  expect(marked[0]).toMatch(
    /^Recordings from more than 80 internal TikTok meetings .* BuzzFeed News reported on Friday\.$/,
  );
  expect(marked[1]).toMatch(/^"Everything is seen in China," a member of .* recordings\.$/);
  expect(marked[2]).toMatch(/^The company said it had moved all traffic .* Oracle Cloud Infrastructure\.$/);
  expect(marked.join(' ')).not.toContain('weather');
  // The marker is not a DOM change: the paragraphs hold only the page's text and the name highlights.
  const p2 = await tab.evaluate(() => document.getElementById('p2')?.innerHTML.trim());
  expect(p2).not.toContain('claimlight-claim');
  expect(tab.pageErrors).toEqual([]);
});
