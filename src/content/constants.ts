import { ENTITY_ATTRIBUTE, MENTION_TAG } from '../shared/highlightCss.ts';

/** The element that wraps each highlighted mention (a custom name keeps page CSS for mark/span off it),
 * and the stable contract for tests and styles: which company a highlight names. */
export { ENTITY_ATTRIBUTE, MENTION_TAG };
/** Marks the host of Claimlight's own UI, so the highlighter never enters it. */
export const UI_ATTRIBUTE = 'data-claimlight-ui';
/** The host element of the hover card. */
export const CARD_HOST_TAG = 'claimlight-card';

/** At most this many highlights per document; mentions beyond it are still counted. */
export const MAX_HIGHLIGHTS = 2000;
/** After a page undoes the highlights in one element this often, leave that element alone for now. */
export const MAX_REHIGHLIGHTS = 3;
/**
 * Every give-up is temporary: a place left alone is highlighted again once it
 * has been quiet this long (an element whose highlights the page unwrapped
 * three times; a page that rebuilt dozens of highlighted elements at once), and each further give-up there doubles the wait
 * (up to MAX_RETRY_QUIET_MS), so a page that keeps undoing costs a few
 * retries a minute at most. A whole page that resisted (below) waits longer
 * first: it undid dozens of highlights the moment they appeared.
 */
export const ELEMENT_RETRY_QUIET_MS = 3000;
export const PAGE_RETRY_QUIET_MS = 4000;
export const MAX_RETRY_QUIET_MS = 60_000;
/**
 * A page can undo highlights through ever new elements (replacing a paragraph
 * with a fresh copy each time), which the per-element cap cannot see. Undos
 * within QUICK_UNDO_MS of the highlight count; after MAX_QUICK_UNDOS of them
 * within UNDO_WINDOW_MS, the document's later content is left alone until the
 * page has been quiet (what is highlighted stays, and undo still works). Real
 * apps that update or remove highlighted text do so far less often, and a page
 * rewriting its own text in place is never counted: that is an update.
 */
export const QUICK_UNDO_MS = 1000;
export const MAX_QUICK_UNDOS = 60;
export const UNDO_WINDOW_MS = 10_000;
/**
 * Longest stretch of scanning before yielding to the page, in ms. A slice can
 * run past it by the mark.js batch in hand (up to 16 wraps, ~3 ms), so 6 ms
 * keeps every task under 16 ms.
 */
export const SLICE_BUDGET_MS = 6;

/**
 * The engine (highlighter, card, page matching), built as a module of its own (scripts/build/contentEngine.ts)
 * that the dormant entry imports only on a page that may mention a company.
 */
export const ENGINE_FILE = 'src/content/engine.js';
