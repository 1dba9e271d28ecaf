/**
 * The one rule for places Claimlight never reads nor highlights: code, form
 * state, editors, graphics and its own UI. The probe, the highlighter and the
 * page read all ask here, through the few shapes their loops need (one
 * selector match, a memo per slice, one query for a small page).
 */
import { CARD_HOST_TAG, MENTION_TAG, UI_ATTRIBUTE } from '../constants.ts';

const NEVER_READ = [
  'script',
  'style',
  'noscript',
  'template',
  'title',
  'textarea',
  'input',
  'select',
  'option',
  'svg',
  'math',
  CARD_HOST_TAG,
  `[${UI_ATTRIBUTE}]`,
  // Editable regions by attribute: isContentEditable would force a style recalculation per check.
  '[contenteditable]:not([contenteditable="false" i])',
  '[role="textbox"]',
  '.ProseMirror',
  '.ql-editor',
  '.CodeMirror',
  '.cm-editor',
  '.monaco-editor',
];

/** Text under these is never read as the page's prose (the claim matcher never sees it). */
export const NEVER_READ_SELECTOR = NEVER_READ.join(',');

/**
 * Never wrapped: the places above, and Claimlight's own highlights (whose text is the page's, and is read
 * as such).
 */
export const NEVER_WRAPPED_SELECTOR = [...NEVER_READ, MENTION_TAG].join(',');

/** The next element up from `element`, a shadow root's host counting as its parent. */
function above(element: Element): Element | null {
  const parent = element.parentNode;
  return parent instanceof Element ? parent : parent instanceof ShadowRoot ? parent.host : null;
}

/**
 * Whether `element` sits in a place never highlighted, looking through the shadow roots it is in: a web
 * component inside an editor or an SVG is out of bounds too, however deep its own shadow roots go.
 */
export function isNeverWrapped(element: Element): boolean {
  for (let current: Element | null = element; current;) {
    if (current.closest(NEVER_WRAPPED_SELECTOR)) return true;
    const root = current.getRootNode();
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return false;
}

/**
 * The same answer, remembered per element until `clear()`: neighbouring text nodes share their ancestors,
 * so in a slice (when the page cannot change anything) each element is matched against the selector once.
 */
export class NeverWrappedMemo {
  private readonly known = new Map<Element, boolean>();

  has(element: Element): boolean {
    const chain: Element[] = [];
    let result = false;
    for (let current: Element | null = element; current; current = above(current)) {
      const known = this.known.get(current);
      if (known !== undefined) {
        result = known;
        break;
      }
      chain.push(current);
      if (current.matches(NEVER_WRAPPED_SELECTOR)) {
        result = true;
        break;
      }
    }
    for (const seen of chain) this.known.set(seen, result);
    return result;
  }

  clear(): void {
    this.known.clear();
  }
}

/** Up to this many elements, the places never read are found with one query (a few milliseconds at most). */
const ONE_QUERY_ELEMENTS = 40_000;

/**
 * A test of "is this element itself a place never read" for the elements under `root`: one native query
 * for a page of ordinary size, a selector match per element on a huge one (where that one query alone
 * would hold the main thread too long).
 */
export function neverReadUnder(root: Element): (element: Element) => boolean {
  if (root.getElementsByTagName('*').length > ONE_QUERY_ELEMENTS)
    return (element) => element.matches(NEVER_READ_SELECTOR);
  const found = new Set(root.querySelectorAll(NEVER_READ_SELECTOR));
  return (element) => found.has(element);
}

/** Whether `element` or an ancestor of it (in its own tree) is a place never read. */
export function isNeverRead(element: Element): boolean {
  return element.closest(NEVER_READ_SELECTOR) !== null;
}
