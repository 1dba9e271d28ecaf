/**
 * On a touch screen: a tap on a highlight opens its card, a tap elsewhere closes it; a highlight inside a link
 * opens the card first, the card offers the link, and a second tap on the highlight follows it.
 */
import { expect, test } from '../support/fixtures.ts';
import type { TestPage } from '../../scripts/harness/harness.ts';
import { readCard, waitForCard, waitForNoCard } from '../support/card.ts';
import { setViewport } from '../support/keyboard.ts';
import { openStoryPage, waitForHighlights } from '../support/page.ts';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Touch</title>
<meta name="viewport" content="width=device-width"></head><body style="font:18px/1.6 sans-serif;margin:20px">
<p id="plain">News about TikTok today.</p>
<p><a id="link" href="#followed">Read about Oracle here</a></p>
<p id="far" style="margin-top:420px">Some text far below, with nothing in it.</p>
</body></html>`;

/** The centre of an element of the page, or of the card's element matching `inCard`. */
function centre(tab: TestPage, selector: string, inCard = false): Promise<{ x: number; y: number }> {
  return tab.evaluate(
    ([sel, card]) => {
      const root = card ? document.querySelector('claimlight-card')?.shadowRoot : document;
      const r = root?.querySelector(sel)?.getBoundingClientRect();
      if (!r) throw new Error(`nothing at ${sel}`);
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    [selector, inCard] as [string, boolean],
  );
}

async function tapOn(tab: TestPage, selector: string, inCard = false): Promise<void> {
  const { x, y } = await centre(tab, selector, inCard);
  await tab.tap(x, y);
}

test('a tap opens a highlight’s card and a tap elsewhere closes it', async ({ tab, server }) => {
  await tab.goto(server.page('/touch.html', PAGE));
  await waitForHighlights(tab, 2);
  await tapOn(tab, '#plain claimlight-mention');
  await waitForCard(tab, 'TikTok');
  await tab.waitFor(() => document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.claim') != null);
  // Time is what this checks (one of the few timed waits): a card the pointer opened closes CLOSE_GRACE_MS
  // (300 ms) after the pointer leaves; the tap's own pointerout must not start that, so twice as long later the
  // card is still open. An absence has no event to wait for.
  await new Promise((done) => setTimeout(done, 600));
  expect((await readCard(tab))?.name).toBe('TikTok');
  await tapOn(tab, '#far');
  await waitForNoCard(tab);
  // The close button closes it too.
  await tapOn(tab, '#plain claimlight-mention');
  await waitForCard(tab, 'TikTok');
  await tapOn(tab, '.close', true);
  await waitForNoCard(tab);
  expect(tab.pageErrors).toEqual([]);
});

test('a tap on a highlight inside a link opens the card first; the card offers the link; a second tap follows it', async ({
  tab,
  server,
}) => {
  await tab.goto(server.page('/touch.html', PAGE));
  await waitForHighlights(tab, 2);
  await tapOn(tab, '#link claimlight-mention');
  await waitForCard(tab, 'Oracle');
  expect(await tab.evaluate(() => location.hash)).toBe('');
  await tab.waitFor(() => document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.follow-link') != null);
  await tapOn(tab, '.follow-link', true);
  await tab.waitFor(() => location.hash === '#followed');
  await waitForNoCard(tab);
  // Back where it was: a first tap opens the card again, a second on the same highlight follows the link.
  await tab.evaluate(() => history.replaceState(null, '', location.pathname));
  await tapOn(tab, '#link claimlight-mention');
  await waitForCard(tab, 'Oracle');
  expect(await tab.evaluate(() => location.hash)).toBe('');
  await tapOn(tab, '#link claimlight-mention');
  await tab.waitFor(() => location.hash === '#followed');
  expect(tab.pageErrors).toEqual([]);
});

test('on a 360 x 640 phone: the card leaves the sentence in sight, and a tap outside it only closes it', async ({
  tab,
  server,
}) => {
  await setViewport(tab, 360, 640);
  await openStoryPage(tab, server.url('/story.html'));
  // The first paragraph (with names) at the top of the screen, the quoted sentence near its bottom.
  await tab.evaluate(() => {
    document.getElementById('p1')?.insertAdjacentHTML('afterend', '<div style="height:360px"></div>');
    window.scrollTo(0, (document.getElementById('p1')?.getBoundingClientRect().top ?? 0) + scrollY - 10);
  });
  const sentence = () =>
    tab.evaluate(() => {
      const text = document.getElementById('p2')?.firstChild;
      if (!(text instanceof Text)) throw new Error('no sentence');
      const range = document.createRange();
      range.setStart(text, text.data.indexOf('Everything'));
      range.setEnd(text, text.data.indexOf('Everything') + 10);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, top: r.top, bottom: r.bottom };
    });
  const cardOpen = () => readCard(tab).then((card) => card !== null);
  // A tap on the marked sentence (it names no company) opens its card, beside it, not over it.
  let at = await sentence();
  await tab.tap(at.x, at.y);
  await tab.waitFor(() => document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.claim') != null);
  const card = await readCard(tab);
  // At most 60% of the screen's height, and the sentence it is about stays in sight.
  expect(card?.rect.height).toBeLessThanOrEqual(640 * 0.6);
  at = await sentence();
  const overlaps = card !== null && at.top < card.rect.y + card.rect.height && at.bottom > card.rect.y;
  expect(overlaps).toBe(false);
  // A tap on a name outside the card closes it, and opens no other card on that tap.
  await tapOn(tab, '#p1 claimlight-mention');
  expect(await cardOpen()).toBe(false);
  // A second tap on the name opens its card (so the first could have).
  await tapOn(tab, '#p1 claimlight-mention');
  await tab.waitFor(() => document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.name') != null);
  // A tap on the sentence, outside this card, closes it too, opening nothing.
  at = await sentence();
  await tab.tap(at.x, at.y);
  expect(await cardOpen()).toBe(false);
  expect(tab.pageErrors).toEqual([]);
});
