/**
 * Sentences of the page that repeat a claim from the reports, marked with the
 * CSS Custom Highlight API: the page's DOM is not changed at all (nothing to
 * undo, nothing a framework can trip over), and the marker's look is our own
 * `::highlight(claimlight-claim)` rule, which page CSS cannot reach. Each
 * sentence keeps the id the background gave it and the text it was matched
 * on: a sentence the page has since rewritten is gone, never another one.
 */
import type { EntityId } from '../../shared/entities.ts';
import { CLAIM_HIGHLIGHT } from '../../shared/highlightCss.ts';
import type { SentenceHit, SentenceId } from '../../shared/pageClaims.ts';
import { drawMarker } from '../dom/flash.ts';
import { rangeOf, type Block } from './pageText.ts';

export interface MarkedSentence {
  id: SentenceId;
  range: Range;
  /** The sentence as it was read and matched, whitespace folded. */
  text: string;
  claims: string[];
  entity: EntityId;
}

const folded = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Whether a marked sentence is still on the page as it was matched (the page may have rewritten it). */
export function isLive(sentence: MarkedSentence): boolean {
  return !sentence.range.collapsed && folded(sentence.range.toString()) === sentence.text;
}

export class SentenceMarks {
  private sentences: MarkedSentence[] = [];
  /** The reader's setting: underline the sentences (and let a click on one open its card), or not. */
  private visible = true;

  constructor(private readonly doc: Document) {}

  /** The sentence with this id, if it was marked. */
  get(id: SentenceId): MarkedSentence | undefined {
    return this.sentences.find((sentence) => sentence.id === id);
  }

  /** The sentences drawn on the page, in page order: none while the reader has sentence marks off. */
  get marked(): readonly MarkedSentence[] {
    return this.visible ? this.sentences.filter(isLive) : [];
  }

  /** Draws the marks or takes them off, at once; the sentences found are kept either way. */
  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    this.draw();
  }

  /**
   * Marks the sentences `hits` names in `blocks` (the text as it was read), replacing any marked before. A
   * sentence the page rewrote between the read and the answer is not marked: its text is not there now.
   */
  show(blocks: readonly Block[], hits: readonly SentenceHit[]): void {
    this.sentences = [];
    for (const hit of hits) {
      const block = blocks[hit.block];
      const range = block && rangeOf(this.doc, block, hit.start, hit.end);
      if (!block || !range) continue;
      const sentence = {
        id: hit.id,
        range,
        text: folded(block.text.slice(hit.start, hit.end)),
        claims: hit.claims,
        entity: hit.entity,
      };
      if (isLive(sentence)) this.sentences.push(sentence);
    }
    this.draw();
  }

  clear(): void {
    this.sentences = [];
    this.draw();
  }

  /** The marked sentence under a point of the viewport, if any (none while marks are off). */
  at(x: number, y: number): MarkedSentence | null {
    for (const sentence of this.marked) {
      // Indexed, not for...of: Firefox's content scripts see a DOMRectList that is not iterable.
      const rects = sentence.range.getClientRects();
      for (let i = 0; i < rects.length; i++) {
        const rect = rects.item(i);
        if (rect && x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return sentence;
      }
    }
    return null;
  }

  private draw(): void {
    drawMarker(this.doc, CLAIM_HIGHLIGHT, this.visible ? this.sentences.map((s) => s.range) : []);
  }
}
