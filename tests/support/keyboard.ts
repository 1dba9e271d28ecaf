/** Viewport and keyboard helpers that reach past `TestPage` to the driver underneath (Playwright or puppeteer). */
import { PlaywrightPage, type TestPage } from '../../scripts/harness/harness.ts';

interface PuppeteerLike {
  setViewport(viewport: { width: number; height: number }): Promise<void>;
  keyboard: { down(key: string): Promise<void>; up(key: string): Promise<void>; press(key: string): Promise<void> };
}

export async function setViewport(tab: TestPage, width: number, height: number): Promise<void> {
  if (tab instanceof PlaywrightPage) await tab.page.setViewportSize({ width, height });
  else await (tab as unknown as { page: PuppeteerLike }).page.setViewport({ width, height });
}

export async function pressShiftTab(tab: TestPage): Promise<void> {
  if (tab instanceof PlaywrightPage) {
    await tab.page.keyboard.press('Shift+Tab');
    return;
  }
  const { keyboard } = (tab as unknown as { page: PuppeteerLike }).page;
  await keyboard.down('Shift');
  await keyboard.press('Tab');
  await keyboard.up('Shift');
}

/**
 * Starts recording, in the page, every card that opens (when, and which element had focus) and every
 * focus change (when, and which element), so a test can tell afterwards which cards opened and after how
 * long a pause: `window.__cardLog`.
 */
export function recordCards(tab: TestPage): Promise<void> {
  return tab.evaluate(() => {
    interface Log {
      cards: { at: number; focus: string; name: string }[];
      focus: { at: number; id: string }[];
    }
    const log: Log = { cards: [], focus: [] };
    (window as unknown as { __cardLog: Log }).__cardLog = log;
    document.addEventListener(
      'focusin',
      (e) => log.focus.push({ at: performance.now(), id: (e.target as Element).id }),
      true,
    );
    const seen = new WeakSet<Element>();
    const check = (root: ShadowRoot) => {
      for (const card of root.querySelectorAll('.card')) {
        if (seen.has(card)) continue;
        seen.add(card);
        log.cards.push({ at: performance.now(), focus: document.activeElement?.id ?? '', name: '' });
      }
      // The name arrives once the claims load; fill it in for the latest card.
      const last = log.cards.at(-1);
      const name = root.querySelector('.card .name')?.textContent;
      if (last && name) last.name = name;
    };
    let watched = false;
    const watch = () => {
      const root = document.querySelector('claimlight-card')?.shadowRoot;
      if (!root || watched) return;
      watched = true;
      check(root);
      new MutationObserver(() => check(root)).observe(root, { childList: true, subtree: true });
    };
    watch();
    new MutationObserver(watch).observe(document.documentElement, { childList: true });
  });
}

export interface CardLog {
  cards: { at: number; focus: string; name: string }[];
  focus: { at: number; id: string }[];
}

export function cardLog(tab: TestPage): Promise<CardLog> {
  return tab.evaluate(() => (window as unknown as { __cardLog: CardLog }).__cardLog);
}

/** What has focus: an element of the page by id, or inside the card by its text or label. */
export function focused(tab: TestPage): Promise<{ inCard: boolean; id: string; label: string }> {
  return tab.evaluate(() => {
    const inner = document.querySelector('claimlight-card')?.shadowRoot?.activeElement;
    if (inner) {
      return { inCard: true, id: '', label: inner.getAttribute('aria-label') ?? inner.textContent.trim() };
    }
    const el = document.activeElement;
    return { inCard: false, id: el?.id ?? '', label: el?.textContent.trim() ?? '' };
  });
}
