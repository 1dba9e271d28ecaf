/**
 * Opens the hover card beside a highlight: after a short hover, after a pause of
 * keyboard focus on a link that holds a highlight, or on the next-mention command.
 * One card at a time; it closes when the pointer leaves (after a grace period
 * that lets the pointer travel into it), on Escape, and when its highlight
 * scrolls out of view. From a card opened by focus or the command, Tab walks
 * through the card and then on through the page. It lives in an open shadow
 * root that Claimlight attaches, sized to the space beside its highlight.
 */
import {
  autoUpdate,
  computePosition,
  flip,
  hide,
  inline,
  offset,
  shift,
  size,
  type ReferenceElement,
} from '@floating-ui/dom';
import { render } from 'preact';
import type { EntityId } from '../../shared/entities.ts';
import { isEntityId } from '../../shared/entities.ts';
import type { Settings } from '../../shared/settings.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { CARD_HOST_TAG, ENTITY_ATTRIBUTE, MENTION_TAG, UI_ATTRIBUTE } from '../constants.ts';
import type { HighlightRegistry } from '../highlight/registry.ts';
import { send } from '../../shared/send.ts';
import type { CardSummary } from '../../shared/summary.ts';
import { MAX_CARD_CONTEXT, type StepDirection, type StepPosition } from '../../shared/messages.ts';
import { flash } from '../dom/flash.ts';
import { textAround } from '../page/pageText.ts';
import type { MarkedSentence } from '../page/sentenceMarks.ts';
import CLAIM_CSS from '../../ui/claim.css?inline';
import { Card, type CardState } from './Card.tsx';
import { CARD_CSS } from './styles.ts';

/** Time the pointer has to leave a highlight for the card before it closes. */
export const CLOSE_GRACE_MS = 300;
/**
 * How long keyboard focus must rest on a link that holds a highlight before its card opens: tabbing
 * through a navigation bar passes each link in well under this, and opens nothing.
 */
export const FOCUS_OPEN_DELAY_MS = 700;
/** The card never grows past this, however much room the window has, */
const CARD_MAX_HEIGHT = 520;
/**
 * nor past this share of the window's height (on a phone the text it is about stays in sight), unless that
 * leaves it shorter than CARD_MIN_CAP (a short window still gives the claims room to read).
 */
const CARD_MAX_SHARE = 0.6;
const CARD_MIN_CAP = 280;
/** Space kept between the card and the window's edges. */
const EDGE = 8;
/** What the keyboard can reach in the card, in order (anything inside a closed disclosure is skipped). */
const TAB_STOPS = 'a[href], button, summary, input, select, textarea, [tabindex]:not([tabindex="-1"])';
const CURRENT = 'data-claimlight-current';

/**
 * Asks the background for the card's claims: ranked by `context` (the text around what was hovered) and led
 * by `first`. Not cached: the answer depends on the paragraph and on what matching has found on the page so
 * far, and the background answers in a few milliseconds.
 */
function loadSummary(entity: EntityId, first: string | null, context: string): Promise<CardSummary | null> {
  return send('claims/card', { entity, first, context });
}

/** The page's marked sentences (SentenceMarks), as the card follows them. */
export interface SentenceSource {
  /** The marked sentence under a point of the viewport. */
  at(x: number, y: number): MarkedSentence | null;
  /** Every sentence drawn on the page, in page order (none while the reader has marks off). */
  readonly marked: readonly MarkedSentence[];
  /** Scrolls a sentence into view and flashes it. */
  reveal(sentence: MarkedSentence): boolean;
}

/** A stop of the next-mention command: a highlight or a marked sentence. */
type Stop = { mark: HTMLElement; sentence?: never } | { sentence: MarkedSentence; mark?: never };

/** Where a stop starts in the page. */
const startOf = (stop: Stop): Element | Range => stop.mark ?? stop.sentence.range;

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

interface OpenOptions {
  /**
   * What opened the card: the pointer resting on a name, a click on a marked sentence, a tap (touch),
   * keyboard focus on a link, or the next-mention command.
   */
  by: 'pointer' | 'click' | 'tap' | 'focus' | 'command';
  /**
   * Where focus goes back to (Escape, the close button, Shift+Tab from the card's first stop) and where
   * Tab goes on from after the card's last stop: the link for a focus-opened card, whatever had focus
   * for the command.
   */
  origin: HTMLElement | null;
}

export class CardController {
  private host: HTMLElement | null = null;
  private container: HTMLElement | null = null;
  private anchor: HTMLElement | null = null;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private focusTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private stopPositioning: (() => void) | null = null;
  private openedBy: OpenOptions['by'] | null = null;
  private origin: HTMLElement | null = null;
  /** Focus came back here after a card closed: it opens no card until focus has been elsewhere. */
  private dismissed: Element | null = null;
  private generation = 0;
  /** The page sentence the card is open on (opened by hovering a sentence marker), if any. */
  private sentence: Range | null = null;
  /** The page's marked sentences: where the pointer rests on one, and all of them in page order. */
  private sentences: SentenceSource | null = null;
  /** Where the next-mention command last went: a highlight or a marked sentence. */
  private visited: Element | Range | null = null;
  /** A tap closed a card: the click that follows it opens nothing (a tap outside a card only closes it). */
  private tapClosed = false;

  constructor(
    private readonly doc: Document,
    private readonly registry: HighlightRegistry,
    private readonly settings: () => Settings | null,
  ) {
    doc.addEventListener('pointerover', this.onPointerOver, true);
    doc.addEventListener('pointerout', this.onPointerOut, true);
    doc.addEventListener('focusin', this.onFocusIn, true);
    doc.addEventListener('keydown', this.onKeyDown, true);
    doc.addEventListener('pointerdown', this.onPointerDown, true);
    doc.addEventListener('click', this.onClick, true);
  }

  get isOpen(): boolean {
    return this.anchor !== null || this.sentence !== null;
  }

  /**
   * Lets a click or tap on a marked sentence open the card on that sentence's claim, and the command visit
   * them. Resting the pointer on a sentence opens nothing: a reader moving the mouse over a story must not be
   * chased by cards (only a name's own highlight opens one on hover).
   */
  followSentences(source: SentenceSource | null): void {
    this.sentences = source;
  }

  /** A click or tap on a marked sentence (not on a name, a link or a control, nor ending a selection). */
  private sentenceClicked(event: MouseEvent, by: 'click' | 'tap'): boolean {
    const target = event.target;
    if (!this.sentences || !(target instanceof Element) || this.inCard(target)) return false;
    if (target.closest('a[href], button, input, select, textarea, label, summary, [contenteditable]')) return false;
    const selection = this.doc.getSelection();
    if (selection && !selection.isCollapsed) return false;
    const hit = this.sentences.at(event.clientX, event.clientY);
    if (!hit) return false;
    if (hit.range !== this.sentence) {
      this.close(false);
      this.openOnSentence(hit, { by, origin: null });
    }
    return true;
  }

  /**
   * Moves to the next stop in page order, highlights (of `entity`, or of any company) and sentences that
   * repeat a claim alike: scrolls to it, opens its card and focuses the card.
   */
  focusNext(entity: EntityId | null): boolean {
    const stops = this.stops(entity);
    if (stops.length === 0) return false;
    const next = stops[this.nextStopIndex(stops)];
    if (!next) return false;
    const focused = this.doc.activeElement;
    const origin =
      this.openedBy === 'command'
        ? this.origin
        : focused instanceof HTMLElement && focused !== this.doc.body
          ? focused
          : null;
    this.close(false);
    this.moveTo(next.mark ?? null);
    if (next.mark) {
      this.open(next.mark, { by: 'command', origin });
    } else {
      this.visited = next.sentence.range;
      this.sentences?.reveal(next.sentence);
      this.openOnSentence(next.sentence, { by: 'command', origin });
    }
    return true;
  }

  /**
   * The side panel's previous / next for one company: scrolls to that highlight and flashes it, and leaves
   * focus where it is (the reader is stepping from the panel). Says which highlight it is, of how many.
   */
  step(entity: EntityId, direction: StepDirection): StepPosition | null {
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
    this.close(false);
    this.moveTo(mark);
    const range = this.doc.createRange();
    range.selectNodeContents(mark);
    flash(range);
    return { at: index + 1, of: n };
  }

  /** Makes `mark` the reader's place: marked current and scrolled to the middle (null: no highlight is). */
  private moveTo(mark: HTMLElement | null): void {
    for (const old of this.doc.querySelectorAll(`[${CURRENT}]`)) old.removeAttribute(CURRENT);
    if (!mark) return;
    this.visited = mark;
    mark.setAttribute(CURRENT, '');
    mark.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  }

  /** Our highlights of `entity` (or of every company), in page order. */
  private marksOf(entity: EntityId | null): HTMLElement[] {
    return [...this.doc.querySelectorAll<HTMLElement>(`${MENTION_TAG}[${ENTITY_ATTRIBUTE}]`)].filter(
      (mark) => this.isOurs(mark) && (entity === null || mark.getAttribute(ENTITY_ATTRIBUTE) === entity),
    );
  }

  /** The command's stops in page order: our highlights and the marked sentences, merged (each list is in order). */
  private stops(entity: EntityId | null): Stop[] {
    const marks = this.marksOf(entity);
    const sentences = (this.sentences?.marked ?? []).filter(
      (s) => !s.range.collapsed && (entity === null || s.entity === entity),
    );
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

  /** The stop after the one last visited (or after the card's highlight); the first when there is none. */
  private nextStopIndex(stops: readonly Stop[]): number {
    const current = this.anchor ?? this.sentence ?? this.visited;
    if (!current) return 0;
    const at = stops.findIndex((stop) => stop.mark === current || stop.sentence?.range === current);
    if (at >= 0) return (at + 1) % stops.length;
    // What was visited is gone (the page changed): the first stop after where it was.
    if (current instanceof Range && current.collapsed) return 0;
    const after = stops.findIndex((stop) => isAfter(startOf(stop), current));
    return after >= 0 ? after : 0;
  }

  /** Closes the card; with `restoreFocus`, focus goes back where the card was opened from (if it left). */
  close(restoreFocus = true): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.focusTimer);
    clearTimeout(this.closeTimer);
    this.generation++;
    this.stopPositioning?.();
    this.stopPositioning = null;
    if (this.container) render(null, this.container);
    this.anchor = null;
    this.sentence = null;
    const back = this.origin;
    const openedBy = this.openedBy;
    this.origin = null;
    this.openedBy = null;
    if (!restoreFocus || !back?.isConnected || openedBy === 'pointer' || openedBy === 'tap') return;
    // The reader closed this card: the link it returns to must not open it again at once.
    this.dismissed = back;
    if (this.doc.activeElement !== back) back.focus({ preventScroll: true });
  }

  private isOurs(element: Element): boolean {
    return element.localName === MENTION_TAG && this.registry.ofCreated(element.firstChild ?? element) !== undefined;
  }

  private markAt(target: EventTarget | null): HTMLElement | null {
    return target instanceof HTMLElement && this.isOurs(target) ? target : null;
  }

  private inCard(target: EventTarget | null): boolean {
    return this.host !== null && target === this.host;
  }

  /** The last pointer that went down: a touch's click opens a card instead of following a link at once. */
  private lastPointerType = 'mouse';

  private readonly onPointerDown = (event: PointerEvent): void => {
    this.lastPointerType = event.pointerType;
    this.tapClosed = false;
    if (!this.isOpen || this.inCard(event.target)) return;
    // A card opened by a tap or a click stays until the reader puts a finger or the pointer down elsewhere
    // (touch has no "pointer left"); that tap only closes it, even on another name or marked sentence.
    const explicit = this.openedBy === 'tap' || this.openedBy === 'click';
    if (event.pointerType === 'touch' ? this.isOpen : explicit) {
      if (this.anchor && this.markAt(event.target) === this.anchor) return;
      this.close(false);
      this.tapClosed = event.pointerType === 'touch';
    }
  };

  /**
   * On a touch screen a tap on a highlight opens its card, and a highlight inside a link opens the card first
   * (the card offers to follow the link); a second tap on the same highlight is the page's again. Nothing
   * but the default action of that first tap is held back: the page's own listeners still see it.
   */
  private readonly onClick = (event: MouseEvent): void => {
    const type = event instanceof PointerEvent && event.pointerType ? event.pointerType : this.lastPointerType;
    if (type === 'touch' && this.tapClosed) {
      // The tap closed a card: it opens nothing else, and a highlight's link is not followed on it.
      this.tapClosed = false;
      if (this.markAt(event.target) || this.sentences?.at(event.clientX, event.clientY)) event.preventDefault();
      return;
    }
    const mark = this.markAt(event.target);
    if (!mark) {
      this.sentenceClicked(event, type === 'touch' ? 'tap' : 'click');
      return;
    }
    if (type !== 'touch' || mark === this.anchor) return;
    event.preventDefault();
    clearTimeout(this.openTimer);
    this.close(false);
    this.open(mark, { by: 'tap', origin: null });
  };

  private readonly onPointerOver = (event: PointerEvent): void => {
    // Touch opens cards by tapping (see onClick); its pointerover and pointerout come with every tap.
    if (event.pointerType === 'touch') return;
    if (this.inCard(event.target)) {
      clearTimeout(this.closeTimer);
      return;
    }
    const mark = this.markAt(event.target);
    if (!mark) return;
    clearTimeout(this.closeTimer);
    if (mark === this.anchor) return;
    clearTimeout(this.openTimer);
    const delay = (this.settings() ?? DEFAULT_SETTINGS).hoverDelayMs;
    this.openTimer = setTimeout(() => {
      this.close(false);
      this.open(mark, { by: 'pointer', origin: null });
    }, delay);
  };

  private readonly onPointerOut = (event: PointerEvent): void => {
    if (event.pointerType === 'touch') return;
    const leaving = this.markAt(event.target) ?? (this.inCard(event.target) ? this.host : null);
    if (!leaving) return;
    const to = event.relatedTarget;
    if (to instanceof Node && leaving.contains(to)) return;
    if (this.markAt(event.target)) clearTimeout(this.openTimer);
    // Only a card the resting pointer opened closes when the pointer leaves; one the reader clicked, tapped
    // or reached by keyboard stays until dismissed.
    if (!this.isOpen || this.openedBy !== 'pointer' || this.inCard(to) || to === this.anchor) return;
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => this.close(false), CLOSE_GRACE_MS);
  };

  private readonly onFocusIn = (event: FocusEvent): void => {
    const target = event.target;
    if (this.inCard(target)) {
      clearTimeout(this.closeTimer);
      return;
    }
    clearTimeout(this.focusTimer);
    this.focusTimer = undefined;
    if (target !== this.dismissed) this.dismissed = null;
    if (target instanceof HTMLElement && target.matches(':focus-visible')) {
      const mark = target.querySelector<HTMLElement>(`${MENTION_TAG}[${ENTITY_ATTRIBUTE}]`);
      if (mark && this.isOurs(mark)) {
        if (mark === this.anchor) return;
        // Focus moved on from another card's link; this one opens only after a pause.
        if (this.isOpen) this.close(false);
        if (target === this.dismissed) return;
        this.focusTimer = setTimeout(() => {
          this.focusTimer = undefined;
          if (this.doc.activeElement === target && mark.isConnected) {
            this.open(mark, { by: 'focus', origin: target });
          }
        }, FOCUS_OPEN_DELAY_MS);
        return;
      }
    }
    // Focus moved on to something else on the page.
    if (this.isOpen && !(target instanceof Node && this.anchor?.parentElement?.contains(target))) this.close(false);
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      // Escape in an open copy menu closes the menu (CopyCitation), not the card.
      if (event.composedPath().some((el) => el instanceof HTMLElement && el.matches('.cite[data-open]'))) return;
      if (!this.isOpen) {
        // Escape during the pause on a link: the reader does not want its card.
        if (this.focusTimer !== undefined) {
          clearTimeout(this.focusTimer);
          this.focusTimer = undefined;
          this.dismissed = this.doc.activeElement;
        }
        return;
      }
      event.stopPropagation();
      this.close(true);
      return;
    }
    if (event.key === 'Tab' && this.isOpen && (this.openedBy === 'focus' || this.openedBy === 'command'))
      this.onTab(event);
  };

  /**
   * Tab from the link goes into the card first; Tab from the card's last stop goes on from the link (the
   * browser continues from wherever focus is when its default action runs); Shift+Tab from the card's
   * first stop goes back to the link.
   */
  private onTab(event: KeyboardEvent): void {
    const root = this.host?.shadowRoot;
    const card = root?.querySelector<HTMLElement>('.card');
    if (!root || !card) return;
    const inside = root.activeElement;
    const stops = [...card.querySelectorAll<HTMLElement>(TAB_STOPS)].filter((el) => el.checkVisibility());
    const origin = this.origin?.isConnected ? this.origin : null;
    if (!inside) {
      if (!event.shiftKey && origin && this.doc.activeElement === origin) {
        event.preventDefault();
        (stops[0] ?? card).focus({ preventScroll: true });
      }
      return;
    }
    if (!origin) return;
    if (event.shiftKey && (inside === card || inside === stops[0])) {
      event.preventDefault();
      origin.focus({ preventScroll: true });
    } else if (!event.shiftKey && inside === stops.at(-1)) {
      origin.focus({ preventScroll: true });
    }
  }

  private ensureHost(): HTMLElement {
    if (this.host && this.container) {
      if (!this.host.isConnected) this.doc.documentElement.append(this.host);
      return this.container;
    }
    const host = this.doc.createElement(CARD_HOST_TAG);
    host.setAttribute(UI_ATTRIBUTE, '');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    // The claims look as on the extension's pages (ui/claim.css); the card's own rules come after.
    style.textContent = `${CLAIM_CSS}\n${CARD_CSS}`;
    const container = this.doc.createElement('div');
    shadow.append(style, container);
    this.doc.documentElement.append(host);
    this.host = host;
    this.container = container;
    return container;
  }

  private open(mark: HTMLElement, options: OpenOptions): void {
    const entity = mark.getAttribute(ENTITY_ATTRIBUTE);
    if (!isEntityId(entity)) return;
    this.anchor = mark;
    // Tapped inside a link: the tap opened the card instead, so the card offers the link.
    const link = options.by === 'tap' ? mark.closest<HTMLAnchorElement>('a[href]') : null;
    this.show(mark, entity, null, textAround(mark, MAX_CARD_CONTEXT), options, link);
  }

  /** Opens the card beside a page sentence, its company's claims led by the claim the sentence repeats. */
  private openOnSentence({ range, entity, claims }: MarkedSentence, options: OpenOptions): void {
    const claim = claims[0];
    if (range.collapsed || claim === undefined) return;
    this.sentence = range;
    const reference: ReferenceElement = {
      getBoundingClientRect: () => range.getBoundingClientRect(),
      getClientRects: () => range.getClientRects(),
      contextElement: range.startContainer.parentElement ?? undefined,
    };
    this.show(reference, entity, claim, textAround(range.startContainer, MAX_CARD_CONTEXT), options);
  }

  private show(
    reference: ReferenceElement,
    entity: EntityId,
    first: string | null,
    context: string,
    options: OpenOptions,
    link: HTMLAnchorElement | null = null,
  ): void {
    const container = this.ensureHost();
    const generation = ++this.generation;
    this.openedBy = options.by;
    this.origin = options.origin;
    const draw = (state: CardState) => {
      if (generation !== this.generation) return;
      render(
        <Card
          state={state}
          onClose={() => this.close(true)}
          onOpenLibrary={() => void send('library/open', { entity })}
          onOpenSource={(source, quote) => void send('viewer/open', { source, quote })}
          {...(link && {
            onFollowLink: () => {
              this.close(false);
              // The page's own link, clicked as the reader would have: its listeners and its navigation run.
              link.click();
            },
          })}
        />,
        container,
      );
    };
    draw({ status: 'loading' });
    const card = container.querySelector<HTMLElement>('.card');
    if (!card) return;
    this.stopPositioning = autoUpdate(reference, card, () => void this.position(reference, card, generation));
    if (options.by === 'command') card.focus({ preventScroll: true });
    void loadSummary(entity, first, context).then((card) => {
      draw(card ? { status: 'ready', summary: card.summary, related: card.related } : { status: 'error' });
    });
  }

  private async position(mark: ReferenceElement, card: HTMLElement, generation: number): Promise<void> {
    // Measured at its natural size, so that flip picks the side with room for all of it.
    card.style.maxHeight = '';
    card.style.maxWidth = '';
    const { x, y, middlewareData } = await computePosition(mark, card, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        inline(),
        offset(EDGE),
        flip({ padding: EDGE }),
        shift({ padding: EDGE }),
        // Then no taller and wider than the window leaves it: the claims scroll inside, the header and
        // the "All claims" link stay in sight.
        size({
          padding: EDGE,
          apply({ availableWidth, availableHeight, elements }) {
            const share = Math.max(CARD_MIN_CAP, Math.floor(innerHeight * CARD_MAX_SHARE));
            const cap = Math.min(CARD_MAX_HEIGHT, share, Math.floor(availableHeight));
            elements.floating.style.maxHeight = `${String(Math.max(0, cap))}px`;
            elements.floating.style.maxWidth = `${String(Math.max(0, Math.floor(availableWidth)))}px`;
          },
        }),
        hide(),
      ],
    });
    if (generation !== this.generation) return;
    if (middlewareData.hide?.referenceHidden) {
      this.close(false);
      return;
    }
    card.style.left = `${x}px`;
    card.style.top = `${y}px`;
  }
}
