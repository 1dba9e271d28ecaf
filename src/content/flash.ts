/**
 * A moment's strong mark on part of the page (a sentence or a highlight the
 * reader asked to see), drawn with the CSS Custom Highlight API so the page's
 * DOM is not touched.
 */
import { FLASH_HIGHLIGHT } from '../shared/highlightCss.ts';
import { showMarkerStyles } from './style.ts';

const FLASH_MS = 2000;

/** The registry, where the browser has the API (Chrome 105+, Firefox 140+); null elsewhere (no markers then). */
export function highlightApi(): { registry: HighlightRegistry; make: (ranges: Range[]) => Highlight } | null {
  if (typeof CSS === 'undefined' || typeof Highlight === 'undefined' || !('highlights' in CSS)) return null;
  return { registry: CSS.highlights, make: (ranges) => new Highlight(...ranges) };
}

let flashTimer: ReturnType<typeof setTimeout> | undefined;

/** Flashes `range` for a moment; a new flash replaces the one before. */
export function flash(range: Range): void {
  const api = highlightApi();
  if (!api) return;
  showMarkerStyles(range.startContainer.ownerDocument ?? document);
  api.registry.set(FLASH_HIGHLIGHT, api.make([range]));
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => api.registry.delete(FLASH_HIGHLIGHT), FLASH_MS);
}

export function clearFlash(): void {
  clearTimeout(flashTimer);
  highlightApi()?.registry.delete(FLASH_HIGHLIGHT);
}
