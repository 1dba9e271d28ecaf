/**
 * "Copy citation" in the hover card works in both browsers, from the keyboard: one control per claim that
 * opens its formats (what it copies is checked in cite.chromium.spec.ts).
 */
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
  // Each claim has one copy control; its formats are no tab stop until it opens.
  const closed = await tab.evaluate(() =>
    [...(document.querySelector('claimlight-card')?.shadowRoot?.querySelectorAll('.claim') ?? [])].map(
      (claim) => [...claim.querySelectorAll<HTMLElement>('.cite button')].filter((b) => b.checkVisibility()).length,
    ),
  );
  expect(closed.length).toBeGreaterThan(0);
  expect(closed.every((n) => n === 1)).toBe(true);
  await tab.evaluate(() =>
    document.querySelector('claimlight-card')?.shadowRoot?.querySelector<HTMLElement>('.claim .copy-citation')?.focus(),
  );
  // Real key presses: the browser lets a page's script write to the clipboard only on the reader's gesture.
  await tab.press('Enter');
  const focused = await tab.waitFor(() => {
    const root = document.querySelector('claimlight-card')?.shadowRoot;
    const open = root?.querySelector('.claim .copy-citation')?.getAttribute('aria-expanded') === 'true';
    return open ? root.activeElement?.className || null : null;
  });
  expect(focused).toBe('copy-citation');
  await tab.press('Tab');
  const next = await tab.waitFor(
    () => document.querySelector('claimlight-card')?.shadowRoot?.activeElement?.className || null,
  );
  expect(next).toBe('copy-text');
  await tab.press('Enter');
  const status = await tab.waitFor(
    () =>
      document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.claim .cite-status')?.textContent || null,
  );
  expect(status).toBe('Copied');
  // Choosing a format closes them, and focus goes back to the control.
  const after = await tab.evaluate(() => {
    const root = document.querySelector('claimlight-card')?.shadowRoot;
    return {
      expanded: root?.querySelector('.claim .copy-citation')?.getAttribute('aria-expanded'),
      focused: root?.activeElement?.className,
    };
  });
  expect(after).toEqual({ expanded: 'false', focused: 'copy-citation' });
  expect(tab.pageErrors).toEqual([]);
});
