/**
 * Opens the hover card beside a highlight: after a short hover, after a pause of
 * keyboard focus on a link that holds a highlight, on a click or tap on a
 * marked sentence, or on the next-mention command (which moves the reader's
 * place, see place/place.ts). One card at a time; it closes when the pointer
 * leaves a card it opened (after a grace period that lets the pointer travel
 * into it), on a click or tap elsewhere, on Escape, and when what it is about
 * scrolls out of view. From a card opened by focus or the command, Tab walks
 * through the card and then on through the page. It lives in an open shadow
 * root that Claimlight attaches, sized to the space beside its highlight. Its
 * page listeners go with one AbortController, its timers with `destroy()`.
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
import { send } from '../../shared/send.ts';
import type { CardSummary } from '../../shared/summary.ts';
import { MAX_CARD_CONTEXT } from '../../shared/messages.ts';
import { textAround } from '../page/pageText.ts';
import type { MarkedSentence } from '../page/sentenceMarks.ts';
import type { ReaderPlace } from '../place/place.ts';
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

/**
 * Asks the background for the card's claims: ranked by `context` (the text around what was hovered) and led
 * by `first`. Not cached: the answer depends on the paragraph and on what matching has found on the page so
 * far, and the background answers in a few milliseconds.
 */
function loadSummary(entity: EntityId, first: string | null, context: string): Promise<CardSummary | null> {
  return send('claims/card', { entity, first, context });
}

/** The page's marked sentences, as the card finds the one under the pointer. */
export interface SentenceSource {
  /** The marked sentence under a point of the viewport. */
  at(x: number, y: number): MarkedSentence | null;
}

/** The card's timers, owned in one place so that closing and tearing down clear them all. */
class Timers {
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  /** Runs `task` after `ms`, replacing the timer of the same name. */
  set(name: 'open' | 'focus' | 'close', ms: number, task: () => void): void {
    this.clear(name);
    this.pending.set(
      name,
      setTimeout(() => {
        this.pending.delete(name);
        task();
      }, ms),
    );
  }

  clear(...names: ('open' | 'focus' | 'close')[]): void {
    for (const name of names.length > 0 ? names : [...this.pending.keys()]) {
      clearTimeout(this.pending.get(name));
      this.pending.delete(name);
    }
  }

  has(name: 'open' | 'focus' | 'close'): boolean {
    return this.pending.has(name);
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
  private readonly timers = new Timers();
  /** Every page listener of the card: one abort tears them all down. */
  private readonly listening = new AbortController();
  private stopPositioning: (() => void) | null = null;
  private openedBy: OpenOptions['by'] | null = null;
  private origin: HTMLElement | null = null;
  /** Focus came back here after a card closed: it opens no card until focus has been elsewhere. */
  private dismissed: Element | null = null;
  private generation = 0;
  /** The page sentence the card is open on, if any. */
  private sentence: Range | null = null;
  /** A tap closed a card: the click that follows it opens nothing (a tap outside a card only closes it). */
  private tapClosed = false;

  constructor(
    private readonly doc: Document,
    /** Whether a highlight element is one of Claimlight's own. */
    private readonly isOurs: (element: Element) => boolean,
    /** Where the reader is: the next-mention command moves it, the card opens where it lands. */
    private readonly place: ReaderPlace,
    /** The marked sentences under the pointer (null on frames whose sentences are not matched). */
    private readonly sentences: SentenceSource | null,
    private readonly settings: () => Settings | null,
  ) {
    const options = { capture: true, signal: this.listening.signal };
    doc.addEventListener('pointerover', this.onPointerOver, options);
    doc.addEventListener('pointerout', this.onPointerOut, options);
    doc.addEventListener('focusin', this.onFocusIn, options);
    doc.addEventListener('keydown', this.onKeyDown, options);
    doc.addEventListener('pointerdown', this.onPointerDown, options);
    doc.addEventListener('click', this.onClick, options);
  }

  /** Closes the card, removes it, and takes every listener and timer of the card out of the page. */
  destroy(): void {
    this.close(false);
    this.listening.abort();
    this.timers.clear();
    this.host?.remove();
    this.host = null;
    this.container = null;
  }

  get isOpen(): boolean {
    return this.anchor !== null || this.sentence !== null;
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
   * Takes the reader to the next stop in page order (highlights of `entity`, or of any company, and sentences
   * that repeat a claim alike), opens its card and focuses the card. False when there is no stop.
   */
  focusNext(entity: EntityId | null): boolean {
    const focused = this.doc.activeElement;
    const origin =
      this.openedBy === 'command'
        ? this.origin
        : focused instanceof HTMLElement && focused !== this.doc.body
          ? focused
          : null;
    const stop = this.place.next(entity, this.anchor ?? this.sentence);
    if (!stop) return false;
    this.close(false);
    if (stop.mark) this.open(stop.mark, { by: 'command', origin });
    else this.openOnSentence(stop.sentence, { by: 'command', origin });
    return true;
  }

  /** Closes the card; with `restoreFocus`, focus goes back where the card was opened from (if it left). */
  close(restoreFocus = true): void {
    this.timers.clear();
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
    this.timers.clear('open');
    this.close(false);
    this.open(mark, { by: 'tap', origin: null });
  };

  private readonly onPointerOver = (event: PointerEvent): void => {
    // Touch opens cards by tapping (see onClick); its pointerover and pointerout come with every tap.
    if (event.pointerType === 'touch') return;
    if (this.inCard(event.target)) {
      this.timers.clear('close');
      return;
    }
    const mark = this.markAt(event.target);
    if (!mark) return;
    this.timers.clear('close');
    if (mark === this.anchor) return;
    const delay = (this.settings() ?? DEFAULT_SETTINGS).hoverDelayMs;
    this.timers.set('open', delay, () => {
      this.close(false);
      this.open(mark, { by: 'pointer', origin: null });
    });
  };

  private readonly onPointerOut = (event: PointerEvent): void => {
    if (event.pointerType === 'touch') return;
    const leaving = this.markAt(event.target) ?? (this.inCard(event.target) ? this.host : null);
    if (!leaving) return;
    const to = event.relatedTarget;
    if (to instanceof Node && leaving.contains(to)) return;
    if (this.markAt(event.target)) this.timers.clear('open');
    // Only a card the resting pointer opened closes when the pointer leaves; one the reader clicked, tapped
    // or reached by keyboard stays until dismissed.
    if (!this.isOpen || this.openedBy !== 'pointer' || this.inCard(to) || to === this.anchor) return;
    this.timers.set('close', CLOSE_GRACE_MS, () => this.close(false));
  };

  private readonly onFocusIn = (event: FocusEvent): void => {
    const target = event.target;
    if (this.inCard(target)) {
      this.timers.clear('close');
      return;
    }
    this.timers.clear('focus');
    if (target !== this.dismissed) this.dismissed = null;
    if (target instanceof HTMLElement && target.matches(':focus-visible')) {
      const mark = target.querySelector<HTMLElement>(`${MENTION_TAG}[${ENTITY_ATTRIBUTE}]`);
      if (mark && this.isOurs(mark)) {
        if (mark === this.anchor) return;
        // Focus moved on from another card's link; this one opens only after a pause.
        if (this.isOpen) this.close(false);
        if (target === this.dismissed) return;
        this.timers.set('focus', FOCUS_OPEN_DELAY_MS, () => {
          if (this.doc.activeElement === target && mark.isConnected) this.open(mark, { by: 'focus', origin: target });
        });
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
        if (this.timers.has('focus')) {
          this.timers.clear('focus');
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
