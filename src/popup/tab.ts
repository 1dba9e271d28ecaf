import browser from '../shared/browser.ts';

/**
 * The tab the popup describes: `?tab=<id>` when given (tests, and a popup
 * opened in its own tab), otherwise the active tab of the current window.
 */
export function resolveTabId(search: string): Promise<number | null> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null) {
    const id = Number(param);
    return Promise.resolve(Number.isSafeInteger(id) && id >= 0 ? id : null);
  }
  return browser.tabs
    .query({ active: true, currentWindow: true })
    .then(([tab]) => tab?.id ?? null)
    .catch(() => null);
}
