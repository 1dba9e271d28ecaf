/**
 * Sentences of the page that repeat a claim from the reports, marked with the
 * CSS Custom Highlight API: the page's DOM is not changed at all (nothing to
 * undo, nothing a framework can trip over), and the marker's look is our own
 * `::highlight(claimlight-claim)` rule, which page CSS cannot reach.
 */
import type { EntityId } from '../shared/entities.ts';
import { CLAIM_HIGHLIGHT, FLASH_HIGHLIGHT } from '../shared/highlightCss.ts';
import type { SentenceHit } from '../shared/pageClaims.ts';
import { rangeOf, type Block } from './pageText.ts';

const FLASH_MS = 2000;

export interface MarkedSentence {
  range: Range;
  claims: string[];
  entity: EntityId;
}

/** The registry, where the browser has the API (Chrome 105+, Firefox 140+); null elsewhere (no markers then). */
function highlightApi(): { registry: HighlightRegistry; make: (ranges: Range[]) => Highlight } | null {
  if (typeof CSS === 'undefined' || typeof Highlight === 'undefined' || !('highlights' in CSS)) return null;
  return { registry: CSS.highlights, make: (ranges) => new Highlight(...ranges) };
}

export class SentenceMarks {
  private sentences: MarkedSentence[] = [];
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

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
    const api = highlightApi();
    if (!api) return;
    if (this.sentences.length === 0) api.registry.delete(CLAIM_HIGHLIGHT);
    else api.registry.set(CLAIM_HIGHLIGHT, api.make(this.sentences.map((s) => s.range)));
  }

  clear(): void {
    this.sentences = [];
    clearTimeout(this.flashTimer);
    const api = highlightApi();
    api?.registry.delete(CLAIM_HIGHLIGHT);
    api?.registry.delete(FLASH_HIGHLIGHT);
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
    const api = highlightApi();
    if (api) {
      api.registry.set(FLASH_HIGHLIGHT, api.make([sentence.range]));
      clearTimeout(this.flashTimer);
      this.flashTimer = setTimeout(() => api.registry.delete(FLASH_HIGHLIGHT), FLASH_MS);
    }
    return true;
  }
}
