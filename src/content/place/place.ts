/**
 * Where the reader is on the page: the one owner of the stops a reader moves
 * through (Claimlight's name highlights and the sentences marked as repeating
 * a claim, in page order), of moving to the next or previous one, and of
 * showing a sentence by its id. The keyboard command (through the card), the
 * side panel's stepping and "Show on the page" all move the reader here; none
 * of them needs a card.
 */
import type { EntityId } from '../../shared/entities.ts';
import type { SentenceId } from '../../shared/pageClaims.ts';
import { ENTITY_ATTRIBUTE, MENTION_TAG } from '../constants.ts';
import { flash } from '../dom/flash.ts';
import { isLive, type MarkedSentence } from '../page/sentenceMarks.ts';

/** A place the reader can be taken to: a name highlight or a marked sentence. */
export type Stop = { mark: HTMLElement; sentence?: never } | { sentence: MarkedSentence; mark?: never };

/** Where a stop starts in the page. */
export const startOf = (stop: Stop): Element | Range => stop.mark ?? stop.sentence.range;

/** The page's marked sentences, as the reader's place reads them. */
export interface SentenceList {
  /** Those drawn on the page, in page order (none while the reader has sentence marks off). */
  readonly marked: readonly MarkedSentence[];
  /** The one with this id, drawn or not (the popup may ask for one while marks are off). */
  get(id: SentenceId): MarkedSentence | undefined;
}

/** Which highlight of a company a step landed on: the `at`-th (from 1) of `of`. */
export interface Position {
  at: number;
  of: number;
}

/** The attribute that marks the highlight the reader was last taken to. */
const CURRENT = 'data-claimlight-current';

export class ReaderPlace {
  /** Where the reader was last taken (a highlight, or a sentence's range); null before the first move. */
  private visited: Element | Range | null = null;

  constructor(
    private readonly doc: Document,
    /** Whether a highlight element is one of Claimlight's own (the page may copy our element name). */
    private readonly isOurs: (element: Element) => boolean,
    private readonly sentences: SentenceList | null,
  ) {}

  /** The stops in page order: our highlights (of `entity`, or of every company) and the marked sentences. */
  stops(entity: EntityId | null): Stop[] {
    const marks = this.marksOf(entity);
    const sentences = (this.sentences?.marked ?? []).filter((s) => entity === null || s.entity === entity);
    const out: Stop[] = [];
    let i = 0;
    let j = 0;
    while (i < marks.length || j < sentences.length) {
      const mark = marks[i];
      const sentence = sentences[j];
      // A sentence that starts at or before a highlight comes first: its card leads with the claim it repeats.
      if (mark && (!sentence || startsBefore(mark, sentence.range))) {
        out.push({ mark });
        i++;
      } else if (sentence) {
        out.push({ sentence });
        j++;
      }
    }
    return out;
  }

  /**
   * Takes the reader to the stop after `from` (the card's highlight or sentence), else after where they were
   * last taken; the first stop when there is none, and the first again after the last. Null: no stop.
   */
  next(entity: EntityId | null, from: Element | Range | null = null): Stop | null {
    const stops = this.stops(entity);
    if (stops.length === 0) return null;
    const stop = stops[this.indexAfter(stops, from ?? this.visited)];
    if (!stop) return null;
    this.goTo(stop);
    return stop;
  }

  /**
   * Steps to a company's next or previous highlight, flashes it, and says which it is of how many (the side
   * panel's stepping: focus stays where it is). Null: the company has no highlight here.
   */
  step(entity: EntityId, direction: 'next' | 'previous'): Position | null {
    const marks = this.marksOf(entity);
    const n = marks.length;
    if (n === 0) return null;
    // The reader's place: on one of these highlights, or between two (after the last one visited).
    const current = this.visited;
    const at = current instanceof HTMLElement ? marks.indexOf(current) : -1;
    let after: number;
    if (at >= 0) after = at + 1;
    else if (!current) after = 0;
    else {
      const first = marks.findIndex((m) => isAfter(m, current));
      after = first < 0 ? n : first;
    }
    const before = at >= 0 ? at - 1 : after - 1;
    const index = direction === 'next' ? after % n : (before + n) % n;
    const mark = marks[index];
    if (!mark) return null;
    this.goTo({ mark });
    const range = this.doc.createRange();
    range.selectNodeContents(mark);
    flash(range);
    return { at: index + 1, of: n };
  }

  /**
   * Takes the reader to the sentence with this id and flashes it. False when it is not on the page as it was
   * matched (the page rewrote or removed it): never another sentence in its place.
   */
  reveal(id: SentenceId): boolean {
    const sentence = this.sentences?.get(id);
    if (!sentence || !isLive(sentence)) return false;
    this.goTo({ sentence });
    return true;
  }

  /** Makes `stop` the reader's place: a highlight is marked current; either is scrolled to the middle. */
  private goTo(stop: Stop): void {
    for (const old of this.doc.querySelectorAll(`[${CURRENT}]`)) old.removeAttribute(CURRENT);
    if (stop.mark) {
      this.visited = stop.mark;
      stop.mark.setAttribute(CURRENT, '');
      stop.mark.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      return;
    }
    const { range } = stop.sentence;
    this.visited = range;
    const start = range.startContainer;
    const element = start instanceof Element ? start : start.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    flash(range);
  }

  /** Our highlights of `entity` (or of every company), in page order. */
  private marksOf(entity: EntityId | null): HTMLElement[] {
    return [...this.doc.querySelectorAll<HTMLElement>(`${MENTION_TAG}[${ENTITY_ATTRIBUTE}]`)].filter(
      (mark) => this.isOurs(mark) && (entity === null || mark.getAttribute(ENTITY_ATTRIBUTE) === entity),
    );
  }

  /** The position of the stop after `current`; the first when there is none or it is gone. */
  private indexAfter(stops: readonly Stop[], current: Element | Range | null): number {
    if (!current) return 0;
    const at = stops.findIndex((stop) => stop.mark === current || stop.sentence?.range === current);
    if (at >= 0) return (at + 1) % stops.length;
    // What was visited is gone (the page changed): the first stop after where it was.
    if (current instanceof Range && current.collapsed) return 0;
    const after = stops.findIndex((stop) => isAfter(startOf(stop), current));
    return after >= 0 ? after : 0;
  }
}

/** Whether `element` starts before `range` does in the page. */
function startsBefore(element: Element, range: Range): boolean {
  return !isAfter(element, range) && !element.contains(range.startContainer);
}

/** Whether `a` starts after `b` starts. */
function isAfter(a: Element | Range, b: Element | Range): boolean {
  const point = (x: Element | Range): Range => {
    if (x instanceof Range) return x;
    const range = x.ownerDocument.createRange();
    range.selectNode(x);
    return range;
  };
  try {
    return point(a).compareBoundaryPoints(Range.START_TO_START, point(b)) > 0;
  } catch {
    // Ranges in different documents or trees (a node the page removed): no order.
    return false;
  }
}
