/**
 * The popup as a summary a reader takes in at a glance (400 x 600, as browsers show it): on a long story
 * page it fits in about two screens before anything is unfolded, and no claim or page sentence shows twice.
 */
import { expect, test } from '../support/fixtures.ts';
import { setViewport } from '../support/keyboard.ts';
import { waitForHighlights } from '../support/page.ts';

test('on a long story page the popup fits in two screens, each claim and sentence shown once', async ({
  tab,
  harness,
  server,
}) => {
  await tab.goto(server.url('/long-story.html'));
  await waitForHighlights(tab, 20);
  // The page's sentences are matched once its names are highlighted: the popup is opened once they are marked.
  await tab.waitFor(
    () => {
      const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
      return (registry?.get('claimlight-claim')?.size ?? 0) > 20;
    },
    undefined,
    20_000,
  );
  const popup = await harness.openPopup(tab, server.url('/long-story.html'));
  await setViewport(popup, 400, 600);
  await popup.waitFor(() => document.querySelector('.page-repeats .repeat') !== null, undefined, 15_000);
  const summary = await popup.evaluate(() => {
    const shown = (el: Element) => (el as HTMLElement).checkVisibility();
    const ids = [...document.querySelectorAll('[data-claim-id]')]
      .filter(shown)
      .map((el) => el.getAttribute('data-claim-id'));
    const sentences = [...document.querySelectorAll('.page-sentence')].filter(shown).map((el) => el.textContent);
    return {
      height: document.documentElement.scrollHeight,
      ids,
      sentences,
      repeats: document.querySelectorAll('.page-repeats [data-page-claim]').length,
      intro: document.querySelector('.page-repeats .intro')?.textContent ?? '',
    };
  });
  // Every claim the page repeats is listed (the first ones shown, the rest folded), each once.
  expect(summary.repeats).toBeGreaterThan(20);
  expect(summary.intro).toMatch(/^\d+ sentences here repeat \d+ claims from the reports/);
  expect(summary.height).toBeLessThanOrEqual(1500);
  expect(summary.ids.length).toBeGreaterThanOrEqual(7);
  expect(new Set(summary.ids).size).toBe(summary.ids.length);
  expect(new Set(summary.sentences).size).toBe(summary.sentences.length);
  await popup.close();
});
