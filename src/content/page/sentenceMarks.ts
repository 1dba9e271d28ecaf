/**
 * Sentences of the page that repeat a claim from the reports, marked with the
 * CSS Custom Highlight API: the page's DOM is not changed at all (nothing to
 * undo, nothing a framework can trip over), and the marker's look is our own
 * `::highlight(claimlight-claim)` rule, which page CSS cannot reach.
 */
import type { EntityId } from '../../shared/entities.ts';
import { CLAIM_HIGHLIGHT } from '../../shared/highlightCss.ts';
import type { SentenceHit } from '../../shared/pageClaims.ts';
import { clearFlash, drawMarker, flash } from '../dom/flash.ts';
import { rangeOf, type Block } from './pageText.ts';

export interface MarkedSentence {
  range: Range;
  claims: string[];
  entity: EntityId;
}

export class SentenceMarks {
  private sentences: MarkedSentence[] = [];
  /** The reader's setting: underline the sentences (and let a click on one open its card), or not. */
  private visible = true;

  constructor(private readonly doc: Document) {}

  /** Every sentence found, drawn or not: "Show on the page" reaches them either way. */
  get list(): readonly MarkedSentence[] {
    return this.sentences;
  }

  /** The sentences drawn on the page: none while the reader has sentence marks off. */
  get marked(): readonly MarkedSentence[] {
    return this.visible ? this.sentences : [];
  }

  /** Draws the marks or takes them off, at once; the sentences found are kept either way. */
  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    this.draw();
  }

  private draw(): void {
    drawMarker(this.doc, CLAIM_HIGHLIGHT, this.visible ? this.sentences.map((s) => s.range) : []);
  }

  /** Marks the sentences `hits` names in `blocks`, replacing any marked before. */
  show(blocks: readonly Block[], hits: readonly SentenceHit[]): void {
    this.sentences = [];
    for (const hit of hits) {
      const block = blocks[hit.block];
      const range = block && rangeOf(this.doc, block, hit.start, hit.end);
      if (range) this.sentences.push({ range, claims: hit.claims, entity: hit.entity });
    }
    this.draw();
  }

  clear(): void {
    this.sentences = [];
    drawMarker(this.doc, CLAIM_HIGHLIGHT, []);
    clearFlash();
  }

  /** The marked sentence under a point of the viewport, if any (none while marks are off). */
  at(x: number, y: number): MarkedSentence | null {
    for (const sentence of this.marked) {
      if (sentence.range.collapsed) continue;
      // Indexed, not for...of: Firefox's content scripts see a DOMRectList that is not iterable.
      const rects = sentence.range.getClientRects();
      for (let i = 0; i < rects.length; i++) {
        const rect = rects.item(i);
        if (rect && x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return sentence;
      }
    }
    return null;
  }

  /** Scrolls a marked sentence into view and marks it strongly for a moment; false if it is gone. */
  reveal(sentence: MarkedSentence): boolean {
    if (sentence.range.collapsed) return false;
    const start = sentence.range.startContainer;
    const element = start instanceof Element ? start : start.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    flash(sentence.range);
    return true;
  }
}
