/**
 * What the reader sees first. Highlighting a whole page takes several slices;
 * the body is walked from the text at the top of the viewport to its end
 * first, then from its start up to there, so what is on screen is highlighted
 * in the first slice even when the page opens scrolled down (a restored
 * position, a link to an anchor).
 */

/**
 * The element at the top of the viewport (in the middle of its width), or
 * null when the page is not scrolled (document order already starts on
 * screen), has no layout (a hidden frame), or the page broke the API.
 */
export function elementAtViewportTop(doc: Document): Element | null {
  const view = doc.defaultView;
  if (!view || view.scrollY <= 0 || view.innerWidth === 0 || view.innerHeight === 0) return null;
  try {
    const hit = doc.elementFromPoint(view.innerWidth / 2, Math.min(8, view.innerHeight - 1));
    return hit && hit !== doc.body && hit !== doc.documentElement && doc.body.contains(hit) ? hit : null;
  } catch {
    return null;
  }
}
