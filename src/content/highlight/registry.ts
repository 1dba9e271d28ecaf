/**
 * What the highlighter changed, so it can be undone exactly. mark.js splits a
 * text node around each mention: the page's own node keeps the text before the
 * first mention, and after it come (highlight, text) pairs that Claimlight
 * created. Undo puts the page's text back in its node and removes ours.
 */
import type { EntityId } from '../../shared/entities.ts';

export interface HighlightEntry {
  /** The page's text node. */
  readonly original: Text;
  /** The text the page last put in `original`. */
  readonly fullText: string;
  /** What `original` held right after the split: if it holds anything else, the page wrote to it since. */
  readonly keptText: string;
  /** Nodes Claimlight inserted after `original`: highlight, text, highlight, text… */
  readonly created: readonly Node[];
  readonly marks: readonly HTMLElement[];
  readonly entities: readonly EntityId[];
}

export class HighlightRegistry {
  private readonly byOriginal = new Map<Text, HighlightEntry>();
  private readonly byCreated = new WeakMap<Node, HighlightEntry>();
  private markCount = 0;

  add(entry: HighlightEntry): void {
    this.byOriginal.set(entry.original, entry);
    for (const node of entry.created) this.byCreated.set(node, entry);
    for (const mark of entry.marks) this.byCreated.set(mark.firstChild ?? mark, entry);
    this.markCount += entry.marks.length;
  }

  /** The entry whose page node is `node`. */
  ofOriginal(node: Node): HighlightEntry | undefined {
    return node instanceof Text ? this.byOriginal.get(node) : undefined;
  }

  /** The entry that created `node` (a highlight, its text, or a text node between highlights). */
  ofCreated(node: Node): HighlightEntry | undefined {
    return this.byCreated.get(node);
  }

  get highlights(): number {
    return this.markCount;
  }

  entries(): IterableIterator<HighlightEntry> {
    return this.byOriginal.values();
  }

  /** Forgets an entry without touching the DOM: the page has taken that structure over. */
  release(entry: HighlightEntry): void {
    if (this.byOriginal.get(entry.original) !== entry) return;
    this.byOriginal.delete(entry.original);
    this.markCount -= entry.marks.length;
  }

  /**
   * Puts the page's text back into its own node and removes every node
   * Claimlight added. Text the page wrote into its node since is the page's
   * and stays: the highlighter knows of writes from its observer records, and
   * this check covers writes whose record never comes (a node removed and then
   * written to may have no observer left to report it).
   */
  restore(entry: HighlightEntry): void {
    const { original } = entry;
    if (!this.wasRewritten(entry) && original.data !== entry.fullText) original.data = entry.fullText;
    for (const node of entry.created) node.parentNode?.removeChild(node);
    this.release(entry);
  }

  /** Whether the page has written to its node since the split (its text is no longer what the split left). */
  wasRewritten(entry: HighlightEntry): boolean {
    return entry.original.data !== entry.keptText;
  }

  /** Removes only what Claimlight added, leaving the page's node as the page last set it. */
  discardCreated(entry: HighlightEntry): void {
    for (const node of entry.created) node.parentNode?.removeChild(node);
    this.release(entry);
  }
}
