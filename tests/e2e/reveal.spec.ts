/**
 * "Show on the page" names a sentence by its id, in both browsers. The popup's list of the page's sentences
 * comes from the background; the page's own list is rebuilt whenever the page changes its text. When the page
 * rewrites one matched sentence after the popup has listed it, the two lists differ: each remaining button
 * must still reveal exactly its own sentence, the rewritten one must say it is gone, and the panel, which
 * follows the page, must count what is there now.
 */
import type { TestPage } from '../../scripts/harness/harness.ts';
import { expect, test } from '../support/fixtures.ts';
import { markedSentences, openStoryPage } from '../support/page.ts';

/** The sentence the page flashes for a moment after "Show on the page", whitespace folded. */
function flashed(tab: TestPage): Promise<string[]> {
  return tab.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    return [...(registry?.get('claimlight-claim-flash') ?? [])].map((r) => r.toString().replace(/\s+/g, ' ').trim());
  });
}

/** A DOM click on a control of an extension page that is not the active tab. */
function clickIn(page: TestPage, selector: string): Promise<void> {
  return page.evaluate((sel) => {
    const el = document.querySelector<HTMLElement>(sel);
    if (!el) throw new Error(`no ${sel}`);
    el.click();
  }, selector);
}

const FIRST = 'Recordings from more than 80 internal TikTok meetings';
const SECOND = '"Everything is seen in China," a member of the company';
const THIRD = 'The company said it had moved all traffic from US users to servers run by Oracle Cloud Infrastructure.';

test('after the page rewrites a listed sentence, each "Show on the page" still reveals its own sentence', async ({
  tab,
  server,
  harness,
}) => {
  await openStoryPage(tab, server.url('/story.html'));
  const popup = await harness.openPopup(tab, server.url('/article.html'));
  const entry = (claim: string) => `[data-page-claim="${claim}"]`;
  const claims = [
    'china-based-staff-accessed-us-data',
    'everything-is-seen-in-china',
    'us-traffic-routed-to-oracle-cloud',
  ];
  await popup.waitFor((ids) => ids.every((id) => document.querySelector(`[data-page-claim="${id}"]`)), claims, 15_000);
  const listed = () => popup.evaluate(() => document.querySelectorAll('[data-page-claim] .page-sentence').length);
  const before = await listed();

  // The page corrects its first paragraph: the sentence the popup lists first is no longer there. The page is
  // read and matched again; the popup, opened before, still lists all three.
  await tab.evaluate(() => {
    const p1 = document.getElementById('p1');
    if (p1) p1.textContent = 'This paragraph was removed while the article is updated.';
  });
  await expect.poll(() => markedSentences(tab), { timeout: 15_000 }).toHaveLength(2);
  expect(await listed()).toBe(before);

  // The second sentence's button shows the second sentence, not the one after it.
  await clickIn(popup, `${entry('everything-is-seen-in-china')} .reveal`);
  await expect.poll(() => flashed(tab)).toEqual([expect.stringContaining(SECOND)]);

  // The rewritten sentence's button says it is gone, and shows nothing else.
  await clickIn(popup, `${entry('china-based-staff-accessed-us-data')} .reveal`);
  await popup.waitFor(
    (sel) => document.querySelector(`${sel} .hint`)?.textContent === 'That sentence is no longer on the page.',
    entry('china-based-staff-accessed-us-data'),
  );
  // Said under each claim that sentence repeated, and under no other.
  const saidGone = () =>
    popup.evaluate(() =>
      [...document.querySelectorAll('[data-page-claim]')]
        .filter((entry) => entry.querySelector('.hint[role="status"]'))
        .map((entry) => entry.querySelector('.page-sentence')?.textContent ?? ''),
    );
  expect((await saidGone()).length).toBeGreaterThan(0);
  expect((await saidGone()).every((text) => text.startsWith(FIRST))).toBe(true);

  await clickIn(popup, `${entry('us-traffic-routed-to-oracle-cloud')} .reveal`);
  await expect.poll(() => flashed(tab)).toEqual([THIRD]);
  expect(await saidGone()).toEqual([]);

  // The panel counts the sentences the page has now, and steps through exactly those.
  const panel = await harness.openPanel(tab, server.url('/article.html'));
  await panel.page.waitFor(() => document.querySelector('.sentence-steps .next') !== null, undefined, 15_000);
  const position = () => panel.page.evaluate(() => document.querySelector('.position')?.textContent ?? null);
  await clickIn(panel.page, '.sentence-steps .next');
  await expect.poll(position).toBe('Sentence 1 of 2, marked on the page');
  await expect.poll(() => flashed(tab)).toEqual([expect.stringContaining(SECOND)]);
  await clickIn(panel.page, '.sentence-steps .next');
  await expect.poll(position).toBe('Sentence 2 of 2, marked on the page');
  await expect.poll(() => flashed(tab)).toEqual([THIRD]);
  expect((await markedSentences(tab)).some((text) => text.startsWith(FIRST))).toBe(false);
  expect(tab.pageErrors).toEqual([]);
  await panel.page.close();
  await popup.close();
});
