/**
 * The highlighter's policy for pages that undo highlights: which places to
 * leave alone, and when to try them again. The highlighter (the mechanism)
 * reports what the page did and asks before it highlights; this object keeps
 * the counts, the back-off and the one retry timer.
 *
 * Two ways a page can fight the highlights, two answers:
 * - one element whose highlights the page takes over again and again (a
 *   framework re-rendering it): that element is left alone after
 *   MAX_REHIGHLIGHTS, until it has been quiet for a while;
 * - many highlights undone right after they appear, through ever new
 *   elements (which the per-element count cannot see): the page's new content
 *   is left alone until the page has been quiet.
 * Every give-up is temporary, and each further give-up at the same place
 * doubles the quiet it must keep first (see constants.ts).
 */
import {
  ELEMENT_RETRY_QUIET_MS,
  MAX_QUICK_UNDOS,
  MAX_REHIGHLIGHTS,
  MAX_RETRY_QUIET_MS,
  PAGE_RETRY_QUIET_MS,
  QUICK_UNDO_MS,
  UNDO_WINDOW_MS,
} from '../constants.ts';
import type { HighlightEntry } from './registry.ts';

/** How long a place must be quiet before a give-up there is retried: the first wait, doubled at each retry. */
export interface RetryTiming {
  elementQuietMs: number;
  pageQuietMs: number;
  maxQuietMs: number;
}

export const DEFAULT_RETRY: RetryTiming = {
  elementQuietMs: ELEMENT_RETRY_QUIET_MS,
  pageQuietMs: PAGE_RETRY_QUIET_MS,
  maxQuietMs: MAX_RETRY_QUIET_MS,
};

/** A place left alone for now, and when the page last changed it. */
interface GiveUp {
  /** How many times this place has been given up on: each retry waits twice as long. */
  level: number;
  lastChange: number;
}

/** What is quiet enough to be highlighted again. */
export interface QuietPlaces {
  /** The whole page had resisted and is quiet now: everything it added meanwhile is to be looked at. */
  wholePage: boolean;
  /** Elements left alone that are quiet now. */
  elements: Node[];
}

export class UndoPolicy {
  /** Per element: how often the page took its highlights over since it was last given up on. */
  private readonly takeovers = new WeakMap<Node, number>();
  /** Elements left alone for now; each is retried once it has been quiet long enough. */
  private readonly givenUp = new Map<Node, GiveUp>();
  /** How often each element was given up on, for the back-off (kept across retries). */
  private readonly giveUpLevel = new WeakMap<Node, number>();
  /** When each highlight was made, to tell a page that undoes them at once from one that updates later. */
  private readonly wrappedAt = new WeakMap<HighlightEntry, number>();
  /** Highlights the page undid right after they appeared, in the current window, across all elements. */
  private quickUndos = { count: 0, since: 0 };
  /** Set when the page undoes highlights faster than any real app does: new content is left alone until quiet. */
  private pageResists: GiveUp | null = null;
  private pageResistLevel = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  /** `retryDue` is called when some place may be quiet enough: the highlighter then asks `takeQuiet`. */
  constructor(
    private readonly retryDue: () => void,
    private readonly timing: RetryTiming = DEFAULT_RETRY,
  ) {}

  /** Whether the page as a whole is being left alone (nothing new is highlighted). */
  get resisting(): boolean {
    return this.pageResists !== null;
  }

  /** Whether some place is left alone for now (it will be retried once quiet). */
  get waiting(): boolean {
    return this.pageResists !== null || this.givenUp.size > 0;
  }

  /** Whether a text node under `parent` may be highlighted now. */
  allows(parent: Node): boolean {
    if (this.givenUp.size === 0) return true;
    for (let current: Node | null = parent; current; current = current.parentNode)
      if (this.givenUp.has(current)) return false;
    return true;
  }

  /** The highlighter made `entry` at `now`. */
  wrapped(entry: HighlightEntry, now: number): void {
    this.wrappedAt.set(entry, now);
  }

  /**
   * The page undid a highlight (rewrote, removed or replaced it). Returns true when this makes the page
   * one that resists: the highlighter then drops the work it has queued.
   */
  undone(entry: HighlightEntry): boolean {
    const now = performance.now();
    if (now - (this.wrappedAt.get(entry) ?? -Infinity) > QUICK_UNDO_MS) return false;
    if (now - this.quickUndos.since > UNDO_WINDOW_MS) this.quickUndos = { count: 0, since: now };
    if (++this.quickUndos.count < MAX_QUICK_UNDOS || this.pageResists) return false;
    this.pageResists = { level: ++this.pageResistLevel, lastChange: now };
    this.schedule();
    return true;
  }

  /** The page took over the nodes of a highlight in `parent`; after a few times there, `parent` is left alone. */
  tookOver(parent: Node): void {
    const times = (this.takeovers.get(parent) ?? 0) + 1;
    this.takeovers.set(parent, times);
    if (times < MAX_REHIGHLIGHTS) return;
    this.takeovers.delete(parent);
    const level = (this.giveUpLevel.get(parent) ?? 0) + 1;
    this.giveUpLevel.set(parent, level);
    this.givenUp.set(parent, { level, lastChange: performance.now() });
    this.schedule();
  }

  /** The page changed things: a place left alone must be quiet before it is retried, so its wait restarts. */
  changed(records: readonly MutationRecord[]): void {
    if (records.length === 0 || !this.waiting) return;
    const now = performance.now();
    if (this.pageResists) this.pageResists.lastChange = now;
    if (this.givenUp.size === 0) return;
    for (const record of records)
      for (let node: Node | null = record.target; node; node = node.parentNode) {
        const giveUp = this.givenUp.get(node);
        if (giveUp) giveUp.lastChange = now;
      }
  }

  /** Takes the places that have been quiet long enough off the list, and sets the timer for the rest. */
  takeQuiet(): QuietPlaces {
    const now = performance.now();
    const quiet: QuietPlaces = { wholePage: false, elements: [] };
    const resist = this.pageResists;
    if (resist && now - resist.lastChange >= this.quietNeeded(resist, this.timing.pageQuietMs)) {
      this.pageResists = null;
      this.quickUndos = { count: 0, since: 0 };
      quiet.wholePage = true;
    }
    for (const [node, giveUp] of [...this.givenUp]) {
      if (!node.isConnected) this.givenUp.delete(node);
      else if (now - giveUp.lastChange >= this.quietNeeded(giveUp, this.timing.elementQuietMs)) {
        this.givenUp.delete(node);
        quiet.elements.push(node);
      }
    }
    this.schedule();
    return quiet;
  }

  /** Highlighting was switched off: turning it on again is the reader's call, so every place gets another chance. */
  reset(): void {
    this.pageResists = null;
    this.pageResistLevel = 0;
    this.givenUp.clear();
    this.quickUndos = { count: 0, since: 0 };
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private quietNeeded(giveUp: GiveUp, firstWait: number): number {
    return Math.min(firstWait * 2 ** (giveUp.level - 1), this.timing.maxQuietMs);
  }

  /** Sets one timer for the earliest retry due; a hostile page costs a few retries a minute at most. */
  private schedule(): void {
    if (this.retryTimer !== null) return;
    let due = Infinity;
    if (this.pageResists)
      due = this.pageResists.lastChange + this.quietNeeded(this.pageResists, this.timing.pageQuietMs);
    for (const giveUp of this.givenUp.values())
      due = Math.min(due, giveUp.lastChange + this.quietNeeded(giveUp, this.timing.elementQuietMs));
    if (due === Infinity) return;
    this.retryTimer = setTimeout(
      () => {
        this.retryTimer = null;
        this.retryDue();
      },
      Math.max(0, due - performance.now()),
    );
  }
}
