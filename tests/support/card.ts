/** Reads the hover card, which lives in an open shadow root on a <claimlight-card> host. */
import type { TestPage } from '../../scripts/harness/harness.ts';

export interface CardView {
  name: string;
  description: string;
  timeframe: string;
  /** The timeframe in full, as its tooltip says it. */
  timeframeFull: string;
  claims: { statement: string; meta: string; note: string | null; quote: string | null; source: string | null }[];
  allClaims: string;
  focusedInside: boolean;
  rect: { x: number; y: number; width: number; height: number };
}

export function readCard(tab: TestPage): Promise<CardView | null> {
  return tab.evaluate(() => {
    const root = document.querySelector('claimlight-card')?.shadowRoot;
    const card = root?.querySelector<HTMLElement>('.card');
    if (!root || !card) return null;
    const text = (el: Element | null | undefined) => el?.textContent.trim() ?? '';
    const r = card.getBoundingClientRect();
    return {
      name: text(card.querySelector('.name')),
      description: text(card.querySelector('.description')),
      timeframe: text(card.querySelector('.timeframe')),
      timeframeFull: card.querySelector('.timeframe')?.getAttribute('title') ?? '',
      claims: [...card.querySelectorAll('.claim')].map((claim) => ({
        statement: text(claim.querySelector('.statement')),
        meta: [...claim.querySelectorAll('.meta > span')].map((s) => text(s)).join(' | '),
        note: claim.querySelector('.note p') ? text(claim.querySelector('.note p')) : null,
        quote: claim.querySelector('blockquote') ? text(claim.querySelector('blockquote')) : null,
        source: claim.querySelector('figcaption') ? text(claim.querySelector('figcaption')) : null,
      })),
      allClaims: text(card.querySelector('.all-claims')),
      focusedInside: root.activeElement !== null,
      rect: { x: r.x, y: r.y, width: r.width, height: r.height },
    };
  });
}

export function waitForCard(tab: TestPage, name: string): Promise<unknown> {
  return tab.waitFor(
    (n) => document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.card .name')?.textContent === n,
    name,
  );
}

export function waitForNoCard(tab: TestPage): Promise<unknown> {
  return tab.waitFor(() => !document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.card'));
}
