/** Small helpers that run inside test pages. */
import type { TestPage } from '../../scripts/harness/harness.ts';

export const HIGHLIGHT = '[data-claimlight-entity]';

/** Every highlight on the page as "entity:text", in document order. */
export function highlights(tab: TestPage): Promise<string[]> {
  return tab.evaluate(() =>
    [...document.querySelectorAll('[data-claimlight-entity]')].map(
      (el) => `${el.getAttribute('data-claimlight-entity') ?? ''}:${el.textContent}`,
    ),
  );
}

/**
 * Waits until the page shows at least `count` highlights. Huge pages on a busy machine can take a while:
 * speed is the benchmark's business (`npm run bench`), so tests wait for the outcome.
 */
export async function waitForHighlights(tab: TestPage, count: number, timeoutMs?: number): Promise<void> {
  await tab.waitFor((n) => document.querySelectorAll('[data-claimlight-entity]').length >= n, count, timeoutMs);
}

/** Waits until Claimlight has highlighted a name under `selector` (a positive control's element). */
export async function waitForHighlightIn(tab: TestPage, selector: string, timeoutMs?: number): Promise<void> {
  await tab.waitFor((s) => document.querySelector(`${s} claimlight-mention`) !== null, selector, timeoutMs);
}

/**
 * In a page's log of when something happened (`performance.now()` times, in order): the index of the first
 * entry that came after at least `quietMs` without any, or -1. A page that fights the highlighter logs each
 * highlight it undoes: the entry after the first quiet stretch is Claimlight coming back once the page has
 * been quiet (its back-off), and the entries before it are the fight.
 */
export function firstAfterQuiet(times: readonly number[], quietMs: number): number {
  for (let i = 1; i < times.length; i++) if ((times[i] ?? 0) - (times[i - 1] ?? 0) >= quietMs) return i;
  return -1;
}

/** The text of each range of the page's claim marker (CSS Custom Highlight), as the page itself sees the registry. */
export function markedSentences(tab: TestPage): Promise<string[]> {
  return tab.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    return [...(registry?.get('claimlight-claim') ?? [])].map((range) => range.toString().replace(/\s+/g, ' ').trim());
  });
}

/**
 * The CSS Claimlight has put in the page, as the page's styles hold it: adopted sheets (Chromium) and its own
 * <style> elements (Firefox, where a content script cannot adopt one).
 */
export function claimlightCss(tab: TestPage): Promise<string> {
  return tab.evaluate(() => {
    const rules = (sheet: CSSStyleSheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n');
    const adopted = document.adoptedStyleSheets.map(rules);
    const own = [...document.querySelectorAll('style[data-claimlight-ui]')].map((style) => style.textContent);
    return [...adopted, ...own].join('\n');
  });
}

/**
 * Opens the story page (tests/fixtures/pages/story.html) and waits until its four names are highlighted and
 * its three sentences that repeat a claim are marked.
 */
export async function openStoryPage(tab: TestPage, url: string): Promise<void> {
  await tab.goto(url);
  await waitForHighlights(tab, 4);
  await tab.waitFor(
    () => {
      const registry = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
      return [...(registry?.get('claimlight-claim') ?? [])].filter((range) => !range.collapsed).length === 3;
    },
    undefined,
    15_000,
  );
}

/** Puts a button at the top of the page and focuses it: where focus must come back to. */
export function focusStartButton(tab: TestPage): Promise<void> {
  return tab.evaluate(() => {
    const button = document.createElement('button');
    button.id = 'start';
    button.textContent = 'start';
    document.body.prepend(button);
    button.focus();
  });
}

/** Adds `html` at the start or end of the body and waits until Claimlight has highlighted a name under `within`. */
export async function addHighlighted(
  tab: TestPage,
  where: 'afterbegin' | 'beforeend',
  html: string,
  within: string,
): Promise<void> {
  await tab.evaluate(([position, markup]) => document.body.insertAdjacentHTML(position, markup), [where, html] as [
    InsertPosition,
    string,
  ]);
  await tab.waitFor((selector) => document.querySelector(`${selector} claimlight-mention`) !== null, within);
}
