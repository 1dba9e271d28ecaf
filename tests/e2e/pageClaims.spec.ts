/**
 * Sentences that repeat a claim from the reports are marked in the page (CSS
 * Custom Highlight API: no DOM change), in both browsers, and unmarked when
 * highlighting is switched off; a page about something else gets no marker.
 */
import claimsFile from '../../seeds/claims.json' with { type: 'json' };
import { readCard } from '../support/card.ts';
import { expect, test } from '../support/fixtures.ts';
import { markedSentences, waitForHighlights } from '../support/page.ts';

const claim = (id: string) => claimsFile.claims.find((c) => c.id === id)?.statement;

test('a story page: each sentence that repeats a claim is marked, the rest are not, and nothing else changes', async ({
  tab,
  server,
}) => {
  await tab.goto(server.url('/story.html'));
  await waitForHighlights(tab, 4);
  await expect.poll(() => markedSentences(tab), { timeout: 15_000 }).toHaveLength(3);
  const marked = await markedSentences(tab);
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

test('hovering a marked sentence that names no company opens the card with the claim it repeats first', async ({
  tab,
  server,
}) => {
  await tab.goto(server.url('/story.html'));
  await waitForHighlights(tab, 4);
  await expect.poll(() => markedSentences(tab), { timeout: 15_000 }).toHaveLength(3);
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
  await tab.moveMouse(point.x, point.y);
  await expect
    .poll(
      () => tab.evaluate(() => document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.claim') != null),
      {
        message: 'the card opens on the sentence',
        timeout: 10_000,
      },
    )
    .toBe(true);
  const card = await readCard(tab);
  expect(card?.claims[0]?.statement).toBe(claim('everything-is-seen-in-china'));
  expect(card?.claims[0]?.meta).toMatch(/In \d of 5 reports/);
  // Moving away closes it.
  await tab.moveMouse(5, 5);
  await expect
    .poll(
      () => tab.evaluate(() => document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.card') == null),
      {
        message: 'the card closes when the pointer leaves',
        timeout: 10_000,
      },
    )
    .toBe(true);
});
