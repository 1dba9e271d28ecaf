import { expect, test } from '../support/fixtures.ts';
import { waitForHighlightIn, waitForHighlights } from '../support/page.ts';

test.describe('mention rules on a page', () => {
  test.beforeEach(async ({ tab, server }) => {
    await tab.goto(server.url('/rules.html'));
    await waitForHighlights(tab, 15);
    // The positive control: the first pass walks the page in document order and wraps what it found in
    // batches, so once the page's last paragraph (#control) is highlighted, every case above it has been
    // read, and a wrongly matched one would be wrapped already: the checks below see the finished page.
    await waitForHighlightIn(tab, '#control');
  });

  test('every expected mention is highlighted once, with its company', async ({ tab }) => {
    const found = await tab.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-expect]')].map((el) => {
        const marks = [...el.querySelectorAll('[data-claimlight-entity]')];
        return `${el.dataset['expect'] ?? ''}=${marks.map((m) => `${m.getAttribute('data-claimlight-entity') ?? ''}:${m.textContent}`).join('|')}`;
      }),
    );
    expect(found).toEqual([
      'tiktok=tiktok:TikTok',
      'tiktok=tiktok:Tik Tok',
      'tiktok=tiktok:Tik-Tok',
      'tiktok=tiktok:TIKTOK',
      'tiktok=tiktok:tiktok',
      'tiktok=tiktok:TikTok',
      'tiktok=tiktok:TikTok',
      'bytedance=bytedance:ByteDance',
      'bytedance=bytedance:Byte Dance',
      'bytedance=bytedance:字节跳动',
      'oracle=oracle:Oracle',
      'oracle=oracle:ORACLE',
      'oracle=oracle:Oracle',
      'oracle=oracle:Oracle',
      'tiktok=tiktok:TikTok',
    ]);
  });

  test('nothing is highlighted in longer words, common nouns, editors, forms, graphics or code', async ({ tab }) => {
    const leaks = await tab.evaluate(() =>
      [...document.querySelectorAll('.none')]
        .filter((el) => el.querySelector('[data-claimlight-entity]'))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(leaks).toEqual([]);
    expect(await tab.evaluate(() => document.title)).toBe('Mention rules: TikTok in the title is never touched');
    expect(await tab.evaluate(() => document.querySelector('script')?.textContent)).toContain("'TikTok in a script'");
    expect(await tab.evaluate(() => document.querySelector('textarea')?.value)).toBe('TikTok in a textarea');
  });

  test('the highlight is a custom element that page CSS for mark and span cannot hide', async ({ tab }) => {
    const look = await tab.evaluate(() => {
      const mark = document.querySelector<HTMLElement>('[data-claimlight-entity]');
      if (!mark) return null;
      const style = getComputedStyle(mark);
      const rect = mark.getBoundingClientRect();
      return {
        tag: mark.localName,
        display: style.display,
        visible: rect.width > 0 && rect.height > 0,
        background: style.backgroundColor,
        tabIndex: mark.tabIndex,
      };
    });
    expect(look).toMatchObject({ tag: 'claimlight-mention', display: 'inline', visible: true, tabIndex: -1 });
    expect(look?.background).not.toBe('rgba(0, 0, 0, 0)');
  });

  test('clicking a highlighted link still follows it', async ({ tab }) => {
    await tab.evaluate(() => {
      const mark = document.querySelector<HTMLElement>('#link [data-claimlight-entity]');
      mark?.click();
    });
    await tab.waitFor(() => location.hash === '#target');
  });
});

test('a page with 200 mentions gains no tab stops', async ({ tab, server }) => {
  const paragraphs = Array.from({ length: 200 }, (_, i) => `<p>Item ${i}: TikTok, ByteDance and Oracle.</p>`).join('');
  const url = server.page(
    '/two-hundred.html',
    `<!doctype html><title>200</title><a id="first" href="#a">first</a>${paragraphs}<a id="second" href="#b">second</a>`,
  );
  await tab.goto(url);
  await waitForHighlights(tab, 600);
  expect(await tab.evaluate(() => document.querySelectorAll('[data-claimlight-entity][tabindex]').length)).toBe(0);
  await tab.evaluate(() => document.getElementById('first')?.focus());
  await tab.press('Tab');
  expect(await tab.evaluate(() => document.activeElement?.id)).toBe('second');
});
