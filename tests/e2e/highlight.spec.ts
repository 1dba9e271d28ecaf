import { expect, test } from '../support/fixtures.ts';
import { addHighlighted } from '../support/page.ts';

const highlights = () =>
  [...document.querySelectorAll('[data-claimlight-entity]')].map(
    (el) => `${el.getAttribute('data-claimlight-entity')}:${el.textContent}`,
  );

test('highlights TikTok, ByteDance and Oracle on the demo page', async ({ tab, server }) => {
  await tab.goto(server.url('/demo.html'));
  await tab.waitFor(() => document.querySelectorAll('[data-claimlight-entity]').length >= 6);
  expect(await tab.evaluate(highlights)).toEqual([
    'tiktok:TikTok',
    'bytedance:ByteDance',
    'tiktok:TikTok',
    'tiktok:TikTok',
    'oracle:Oracle',
    'oracle:Oracle',
  ]);
  // The highlight is a custom element, so page rules for mark/span cannot reach it.
  expect(await tab.evaluate(() => document.querySelector('[data-claimlight-entity]')?.localName)).toBe(
    'claimlight-mention',
  );
  // Text in a form field is the user's, not the page's: left alone.
  expect(await tab.evaluate(() => document.querySelector('textarea')?.value)).toBe(
    'TikTok in a text box is never touched.',
  );
  expect(tab.pageErrors).toEqual([]);
});

test('leaves a page without mentions untouched', async ({ tab, server }) => {
  await tab.goto(server.url('/no-mentions.html'));
  const before = await tab.evaluate(() => document.body.innerHTML);
  // As the page loaded: no stylesheet, card or listener-bearing element, and no highlight.
  expect(await tab.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
  expect(await tab.evaluate(() => document.querySelectorAll('[data-claimlight-ui], claimlight-card').length)).toBe(0);
  expect(await tab.evaluate(highlights)).toEqual([]);
  // The positive control: a mention the page adds now is highlighted, so the content script runs on this page
  // and has read it (its own text was read either before, when it found no mention, or together with this
  // paragraph). Without the content script, or with it stopped on this page, the test fails here.
  await addHighlighted(tab, 'beforeend', '<p id="control">Later: TikTok.</p>', '#control');
  // The page's own content is still exactly as it was, and nothing in it is highlighted: only the control is.
  const pageOwn = await tab.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    copy.querySelector('#control')?.remove();
    return copy.innerHTML;
  });
  expect(pageOwn).toBe(before);
  expect(await tab.evaluate(highlights)).toEqual(['tiktok:TikTok']);
  // Claimlight's one stylesheet (adopted in Chromium, a <style> in Firefox) came with the control's highlight:
  // had Claimlight put one in before the page's first mention, there would be two now. No card, nor any other
  // element of Claimlight's.
  expect(
    await tab.evaluate(
      () => document.adoptedStyleSheets.length + document.querySelectorAll('style[data-claimlight-ui]').length,
    ),
  ).toBe(1);
  expect(
    await tab.evaluate(() => document.querySelectorAll('[data-claimlight-ui]:not(style), claimlight-card').length),
  ).toBe(0);
});
