/** "Copy citation" in the hover card works in both browsers (what it copies is checked in cite.chromium.spec.ts). */
import { expect, test } from '../support/fixtures.ts';
import { waitForCard } from '../support/card.ts';
import { waitForHighlights } from '../support/page.ts';

test('the hover card copies a citation from the keyboard and says so', async ({ tab, server }) => {
  await tab.goto(server.url('/article.html'));
  await waitForHighlights(tab, 5);
  await tab.hover('#p1 claimlight-mention');
  await waitForCard(tab, 'ByteDance');
  await tab.waitFor(
    () => document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.copy-citation') != null,
  );
  await tab.evaluate(() =>
    document.querySelector('claimlight-card')?.shadowRoot?.querySelector<HTMLElement>('.claim .copy-markdown')?.focus(),
  );
  // A real key press: the browser lets a page's script write to the clipboard only on the reader's gesture.
  await tab.press('Enter');
  const status = await tab.waitFor(
    () =>
      document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.claim .cite-status')?.textContent || null,
  );
  expect(status).toBe('Copied');
  expect(tab.pageErrors).toEqual([]);
});
