/**
 * Sentences of the page that repeat a claim from the reports, marked with the
 * CSS Custom Highlight API: the page's DOM is not changed at all (nothing to
 * undo, nothing a framework can trip over), and the marker's look is our own
 * `::highlight(claimlight-claim)` rule, which page CSS cannot reach.
 */
import type { EntityId } from '../shared/entities.ts';
import { CLAIM_HIGHLIGHT } from '../shared/highlightCss.ts';
import type { SentenceHit } from '../shared/pageClaims.ts';
import { clearFlash, drawMarker, flash } from './flash.ts';
import { rangeOf, type Block } from './pageText.ts';

export interface MarkedSentence {
  range: Range;
  claims: string[];
  entity: EntityId;
}

export class SentenceMarks {
  private sentences: MarkedSentence[] = [];

  constructor(private readonly doc: Document) {}

  get list(): readonly MarkedSentence[] {
    return this.sentences;
  }

  /** Marks the sentences `hits` names in `blocks`, replacing any marked before. */
  show(blocks: readonly Block[], hits: readonly SentenceHit[]): void {
    this.sentences = [];
    for (const hit of hits) {
      const block = blocks[hit.block];
      const range = block && rangeOf(this.doc, block, hit.start, hit.end);
      if (range) this.sentences.push({ range, claims: hit.claims, entity: hit.entity });
    }
    drawMarker(
      this.doc,
      CLAIM_HIGHLIGHT,
      this.sentences.map((s) => s.range),
    );
  }

  clear(): void {
    this.sentences = [];
    drawMarker(this.doc, CLAIM_HIGHLIGHT, []);
    clearFlash();
  }

  /** The marked sentence under a point of the viewport, if any. */
  at(x: number, y: number): MarkedSentence | null {
    for (const sentence of this.sentences) {
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
