import { expect, test } from '../support/fixtures.ts';

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
  // Give the content script (document_idle) time to run, then prove it changed nothing.
  await tab.evaluate(() => new Promise((done) => setTimeout(done, 500)));
  expect(await tab.evaluate(() => document.body.innerHTML)).toBe(before);
  // No stylesheet, card or listener-bearing element was added either.
  expect(await tab.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
  expect(await tab.evaluate(() => document.querySelectorAll('[data-claimlight-ui], claimlight-card').length)).toBe(0);
  expect(await tab.evaluate(highlights)).toEqual([]);
});
