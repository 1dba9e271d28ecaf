/**
 * A moment's strong mark on part of the page (a sentence or a highlight the
 * reader asked to see), drawn with the CSS Custom Highlight API so the page's
 * DOM is not touched.
 */
import { FLASH_HIGHLIGHT } from '../../shared/highlightCss.ts';
import { showMarkerStyles } from './style.ts';

const FLASH_MS = 2000;

/** Whether the browser has the CSS Custom Highlight API (Chrome 105+, Firefox 140+); without it, no markers. */
function hasHighlightApi(): boolean {
  return typeof CSS !== 'undefined' && typeof Highlight !== 'undefined' && 'highlights' in CSS;
}

/**
 * Draws the marker `name` over `ranges` (none: removes it). The markers' rules are added to the document
 * the first time one is drawn there, never before (see MARKER_CSS).
 */
export function drawMarker(doc: Document, name: string, ranges: readonly Range[]): void {
  if (!hasHighlightApi()) return;
  if (ranges.length === 0) {
    CSS.highlights.delete(name);
    return;
  }
  showMarkerStyles(doc);
  CSS.highlights.set(name, new Highlight(...ranges));
}

let flashTimer: ReturnType<typeof setTimeout> | undefined;

/** Flashes `range` for a moment; a new flash replaces the one before. */
export function flash(range: Range): void {
  const doc = range.startContainer.ownerDocument ?? document;
  drawMarker(doc, FLASH_HIGHLIGHT, [range]);
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => drawMarker(doc, FLASH_HIGHLIGHT, []), FLASH_MS);
}

export function clearFlash(): void {
  clearTimeout(flashTimer);
  drawMarker(document, FLASH_HIGHLIGHT, []);
}
