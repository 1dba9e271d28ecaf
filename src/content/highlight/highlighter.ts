/**
 * The highlighting engine for one document: scans roots for mentions in
 * time-sliced passes, wraps them, follows the page's changes, and undoes
 * everything exactly when switched off.
 *
 * Page changes arrive through one MutationObserver. It never reacts to
 * Claimlight's own DOM changes: wrapping (nearly all of them) happens with the
 * observer off, and the records of the rest are dropped (takeRecords after
 * each slice and after switching off).
 */
import { countOf, emptyCounts, type EntityId, type MentionCounts } from '../../shared/entities.ts';
import { findMentions, type MentionMatcher } from '../../shared/mentions.ts';
import { MAX_HIGHLIGHTS, MENTION_TAG, SLICE_BUDGET_MS } from '../constants.ts';
import { mayMention, MAY_MENTION } from '../detect/pretest.ts';
import { isNeverWrapped, NeverWrappedMemo } from '../dom/excluded.ts';
import { SliceScheduler, type Deadline } from '../dom/scheduler.ts';
import { ENGINE_SWEEP_GAPS_MS, openShadowRootsUnder, ShadowRootSweeps } from '../dom/shadowRoots.ts';
import { HighlightRegistry, type HighlightEntry } from './registry.ts';
import { DEFAULT_RETRY, UndoPolicy, type RetryTiming } from './undoPolicy.ts';
import { elementAtViewportTop } from './viewport.ts';
import { wrapMentions, type TextMentions } from './wrap.ts';

export type { RetryTiming } from './undoPolicy.ts';

/**
 * Mentions per mark.js call: each call has a fixed cost (options, iterators),
 * so a batch holds many; the slice's deadline also ends a batch early.
 */
const WRAP_BATCH = 48;
/**
 * The page's very first batch is small and ends its slice: what is on screen
 * is wrapped with mark.js still cold (its first call costs the most) and
 * reaches the screen without waiting for the rest of the slice.
 */
const FIRST_WRAP_BATCH = 8;
/** Candidates considered between two looks at the clock (each can add a few wraps to the batch). */
const CANDIDATES_PER_CLOCK_CHECK = 8;
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/** A sliced walk over the text nodes under `root`, ending early at `stopAt` when one is given. */
interface Walk {
  walker: TreeWalker;
  root: Node;
  stopAt: Node | null;
  /** The walk of the body's text on start: each text node also goes to the page's reader (see `start`). */
  reads: 'from-viewport' | 'from-start' | null;
  /** Whether the walk has begun (the reader is told when the walk from the start begins). */
  begun: boolean;
}

/**
 * What reads the page's text for claim matching while the first pass walks it, so the page is walked once:
 * each text node with its text, in the walk's order; `split` when the walk goes on from the start of the
 * page after reading from the top of the viewport; `spoil` when the walk had to start over (the page
 * removed where it stood), after which what was read is not to be trusted.
 */
export interface TextReader {
  add(node: Text, data: string): void;
  split(): void;
  spoil(): void;
}

interface Overflow {
  data: string;
  entities: EntityId[];
}

export interface HighlighterEvents {
  /** The set of highlights or counted mentions changed. */
  changed(): void;
  /** The page changed its own DOM or text (never called for Claimlight's own changes). */
  pageChanged(): void;
  /** The first full pass after start() has finished. */
  initialPassDone(): void;
}

export class Highlighter {
  readonly registry = new HighlightRegistry();
  private readonly queue: Node[] = [];
  /** Walks in progress, newest first: fresh page changes are handled before a long initial walk resumes. */
  private readonly walks: Walk[] = [];
  /** Text nodes that passed every check, with their mentions, waiting to be wrapped in one mark.js call. */
  private batch: TextMentions[] = [];
  /** Per slice: whether an element is in a place never highlighted (the page cannot change it mid-slice). */
  private readonly neverWrapped = new NeverWrappedMemo();
  private inDesignMode = false;
  /** Set by the page's first wrap: the slice ends so that those highlights are drawn (see FIRST_WRAP_BATCH). */
  private endSlice = false;
  private batchMentions = 0;
  private readonly overflow = new Map<Text, Overflow>();
  /** Which places a page that undoes highlights has us leave alone, and when to try them again. */
  private readonly policy: UndoPolicy;
  /** Nodes whose text the page wrote in the batch of changes being handled. */
  private written: ReadonlySet<Node> = NONE_WRITTEN;
  /** The text of what the page added in the batch being handled, to see a removal that puts the same text back. */
  private addedTexts: ReadonlySet<string> | null = null;
  private readonly observer: MutationObserver;
  private readonly scheduler: SliceScheduler;
  private readonly roots = new Set<Document | ShadowRoot>();
  /** Finds open shadow roots on any element (a div or span too), in slices after the text work. */
  private readonly shadows: ShadowRootSweeps;
  private active = false;
  private dirty = false;
  private initialPassPending = false;

  /** Compiled only when highlighting starts: most pages never need it. */
  private matcher: MentionMatcher | null = null;
  /** The page's reader during the first walk of the body, if one was given to `start`. */
  private reader: TextReader | null = null;

  constructor(
    private readonly doc: Document,
    private readonly events: HighlighterEvents,
    retry: RetryTiming = DEFAULT_RETRY,
  ) {
    this.policy = new UndoPolicy(() => this.retryQuietPlaces(), retry);
    this.observer = new MutationObserver((records) => {
      // Switched off: nothing to follow; starting again walks everything afresh.
      if (!this.active) return;
      this.events.pageChanged();
      this.handleRecords(records);
      this.dropOwnRecords();
      if (this.queue.length > 0) this.scheduler.runNow();
      this.flush();
    });
    this.scheduler = new SliceScheduler((deadline) => this.slice(deadline), SLICE_BUDGET_MS);
    this.shadows = new ShadowRootSweeps(
      (shadow) => this.foundShadowRoot(shadow),
      () => {
        if (this.active) this.scheduler.later();
      },
      ENGINE_SWEEP_GAPS_MS,
    );
  }

  get isActive(): boolean {
    return this.active;
  }

  /** Watches a document or open shadow root for changes; cheap even while inactive. */
  observe(root: Document | ShadowRoot): void {
    if (this.roots.has(root)) return;
    this.roots.add(root);
    this.observer.observe(root, OBSERVE);
  }

  /**
   * Starts highlighting `roots`, or every observed root (the whole document and
   * its open shadow roots) when none are given, working through them in slices.
   * `reader`, with the whole document, is handed every text node of the body
   * as the walk meets it (see TextReader).
   */
  start(matcher: MentionMatcher, roots?: Iterable<Node>, reader?: TextReader): void {
    this.matcher = matcher;
    this.active = true;
    this.initialPassPending = true;
    this.reader = null;
    if (roots) for (const root of roots) this.enqueue(root);
    else {
      for (const root of this.roots) if (root !== this.doc) this.enqueue(root);
      this.reader = reader ?? null;
      this.beginBody();
    }
    // Shadow roots on custom elements are known already (see Engine); the sweep for those on ordinary
    // elements visits every element, so it waits until the text known to the page is highlighted.
    this.shadows.start(this.doc.documentElement);
    this.scheduler.runNow();
  }

  /**
   * Walks the body, what is on screen first: from the top of the viewport to
   * the end, then from the start up to the top of the viewport.
   */
  private beginBody(): void {
    const body = this.doc.body as HTMLElement | null;
    if (!body) return;
    const top = elementAtViewportTop(this.doc);
    const walk = (stopAt: Node | null, reads: Walk['reads']): Walk => ({
      walker: this.doc.createTreeWalker(body, NodeFilter.SHOW_TEXT),
      root: body,
      stopAt,
      reads,
      begun: false,
    });
    if (top) {
      // Walks are taken newest first: the one starting on screen is pushed last.
      this.walks.unshift(walk(top, 'from-start'));
      const fromTop = walk(null, 'from-viewport');
      fromTop.walker.currentNode = top;
      this.walks.unshift(fromTop);
    } else this.walks.unshift(walk(null, 'from-viewport'));
  }

  private foundShadowRoot(shadow: ShadowRoot): void {
    this.observe(shadow);
    this.enqueue(shadow);
  }

  /** Stops and restores every node it changed, node for node. */
  stop(): void {
    this.written = writtenNodes(this.observer.takeRecords());
    this.active = false;
    this.reader = null;
    this.policy.reset();
    this.queue.length = 0;
    this.walks.length = 0;
    this.shadows.stop();
    for (const entry of [...this.registry.entries()]) this.undo(entry);
    this.written = NONE_WRITTEN;
    this.overflow.clear();
    this.dropOwnRecords();
    this.markDirty();
    this.flush();
  }

  /** Queues a node whose text may now hold mentions (an added subtree, changed text, a new root). */
  enqueue(node: Node): void {
    if (this.active && !this.policy.resisting) this.queue.push(node);
  }

  /** The text nodes that hold now the text `node` held before it was wrapped: itself, and what wrapping made. */
  textNodesOf(node: Text): Text[] {
    const entry = this.registry.ofOriginal(node);
    if (!entry) return [node];
    const nodes = [node];
    for (const created of entry.created)
      if (created instanceof Text) nodes.push(created);
      else
        for (let child = created.firstChild; child; child = child.nextSibling)
          if (child instanceof Text) nodes.push(child);
    return nodes;
  }

  /** Whether the work the page has brought so far is done (nothing queued, walked or swept). */
  get idle(): boolean {
    return this.queue.length === 0 && this.walks.length === 0 && !this.shadows.pending;
  }

  /** Whether some place is left alone for now (it will be retried once quiet). */
  get waitingToRetry(): boolean {
    return this.policy.waiting;
  }

  counts(): MentionCounts {
    const counts = emptyCounts();
    for (const entry of this.registry.entries()) for (const id of entry.entities) counts[id] = countOf(counts, id) + 1;
    for (const [node, over] of this.overflow) {
      if (!node.isConnected || node.data !== over.data) {
        this.overflow.delete(node);
        continue;
      }
      for (const id of over.entities) counts[id] = countOf(counts, id) + 1;
    }
    return counts;
  }

  /** One slice of work: returns true when more remains. */
  private slice(budget: Deadline): boolean {
    if (!this.active) return false;
    // The page's first wrap ends the slice early (see FIRST_WRAP_BATCH).
    const deadline: Deadline = { expired: () => this.endSlice || budget.expired() };
    this.handleRecords(this.observer.takeRecords());
    this.neverWrapped.clear();
    this.endSlice = false;
    // A document in design mode is an editor as a whole.
    this.inDesignMode = this.doc.designMode === 'on';
    let more = true;
    for (;;) {
      // New roots first, so a page change is highlighted within the slice it arrives in.
      const next = this.queue.shift();
      if (next !== undefined) {
        this.beginRoot(next);
      } else {
        const walk = this.walks[0];
        if (!walk) {
          more = false;
          break;
        }
        if (this.advance(walk, deadline)) this.walks.shift();
      }
      if (deadline.expired()) break;
    }
    // Shadow roots on ordinary elements come last: the text already known to the page goes first.
    if (!more && this.shadows.pending) {
      if (deadline.expired()) more = true;
      else more = this.shadows.run(deadline) || this.queue.length > 0;
    }
    this.wrapBatch();
    this.dropOwnRecords();
    if (!more && this.initialPassPending) {
      this.initialPassPending = false;
      this.reader = null;
      this.events.initialPassDone();
    }
    this.flush();
    return more;
  }

  private beginRoot(root: Node): void {
    if (!root.isConnected) return;
    if (root instanceof Text) {
      if (MAY_MENTION.test(root.data)) this.consider(root);
      return;
    }
    if (root instanceof Element && (root.localName === MENTION_TAG || isNeverWrapped(root))) return;
    // Claimlight's own card (and any shadow root inside an excluded place) is never scanned.
    if (root instanceof ShadowRoot && isNeverWrapped(root.host)) return;
    // One native read decides whether the subtree is worth walking (the body was probed already).
    if (root !== this.doc.body && !mayMention(root.textContent)) return;
    this.walks.unshift({
      walker: this.doc.createTreeWalker(root, NodeFilter.SHOW_TEXT),
      root,
      stopAt: null,
      reads: null,
      begun: false,
    });
  }

  /** Walks text nodes until the deadline; returns true when the walk is finished. */
  private advance(walk: Walk, deadline: Deadline): boolean {
    const { walker, root, stopAt } = walk;
    const reader = walk.reads && this.reader;
    if (reader && !walk.begun && walk.reads === 'from-start') reader.split();
    walk.begun = true;
    // The page may have removed the node we stopped at: start the walk again.
    if (walker.currentNode !== root && !root.contains(walker.currentNode)) {
      walker.currentNode = root;
      reader?.spoil();
    }
    let checked = 0;
    let candidates = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // The walk that covers what lies before the viewport ends where the first walk began.
      if (stopAt?.contains(node)) return true;
      // Read once: each read of a node's text from the content script's world copies it.
      const data = (node as Text).data;
      // Text this walk's own wraps inserted after the node it stands on is the page's text read already.
      if (reader && !this.registry.ofCreated(node)) reader.add(node as Text, data);
      if (MAY_MENTION.test(data)) {
        // Wrapping is the expensive part: look at the clock every few candidates.
        if (this.consider(node as Text) || ++candidates % CANDIDATES_PER_CLOCK_CHECK === 0) {
          if (deadline.expired()) return false;
        }
      } else if ((++checked & 127) === 0 && deadline.expired()) return false;
    }
    return true;
  }

  /**
   * Queues the mentions in a text node that passed the cheap test, if its
   * place allows it; wraps the batch once it is full. Returns true when it wrapped.
   */
  private consider(node: Text): boolean {
    const matcher = this.matcher;
    if (!matcher) return false;
    if (this.registry.ofOriginal(node) || this.registry.ofCreated(node) || this.overflow.has(node)) return false;
    const parent = node.parentNode;
    if (!parent || this.inDesignMode || !this.policy.allows(parent)) return false;
    if (parent instanceof Element && this.neverWrapped.has(parent)) return false;
    // The exact rules, before paying for mark.js: the cheap test lets near-misses through.
    const mentions = findMentions(matcher, node.data);
    if (mentions.length === 0) return false;
    // The cap counts mentions, not text nodes: a node can hold several.
    if (this.registry.highlights + this.batchMentions + mentions.length > MAX_HIGHLIGHTS) {
      this.overflow.set(node, { data: node.data, entities: mentions.map((m) => m.entity) });
      this.markDirty();
      return false;
    }
    this.batch.push({ node, mentions });
    this.batchMentions += mentions.length;
    if (this.batchMentions < (this.registry.highlights === 0 ? FIRST_WRAP_BATCH : WRAP_BATCH)) return false;
    this.wrapBatch();
    return true;
  }

  /** Wraps the batched text nodes with one mark.js call and records each change. */
  private wrapBatch(): void {
    const matcher = this.matcher;
    const nodes = this.batch;
    this.batch = [];
    this.batchMentions = 0;
    if (!matcher || nodes.length === 0) return;
    const seen = new Set<Text>();
    const live = nodes.filter(({ node, mentions }) => {
      if (seen.has(node) || !node.isConnected || this.registry.ofOriginal(node)) return false;
      seen.add(node);
      // Text the page changed since it was found is looked at again when its change record is handled.
      return mentions.every((m) => node.data.startsWith(m.text, m.start));
    });
    const now = performance.now();
    if (this.registry.highlights === 0) this.endSlice = true;
    // No page code runs while mark.js wraps: the observer would only record Claimlight's own changes, which
    // the slice drops anyway (records still pending are this slice's own), so it is off meanwhile.
    this.observer.disconnect();
    for (const entry of wrapMentions(this.doc, live)) {
      this.registry.add(entry);
      this.policy.wrapped(entry, now);
    }
    for (const root of this.roots) this.observer.observe(root, OBSERVE);
    this.markDirty();
  }

  /** The batch of page changes being handled. */
  private batchRecords: readonly MutationRecord[] = [];

  private handleRecords(records: MutationRecord[]): void {
    this.batchRecords = records;
    // Text the page wrote in this batch is the page's, even when a removal listed before it undoes a highlight.
    this.written = writtenNodes(records);
    this.addedTexts = null;
    this.policy.changed(records);
    for (const record of records) {
      if (record.type === 'characterData') this.textChanged(record.target);
      else {
        for (const node of record.removedNodes) this.removed(node);
        for (const node of record.addedNodes) this.added(node);
      }
    }
  }

  private textChanged(node: Node): void {
    const own = this.registry.ofOriginal(node);
    if (own) {
      // The page rewrote its own node (frameworks set nodeValue in place): an update, never an undo.
      // What it wrote is the truth; the new text is highlighted afresh.
      this.undo(own);
      this.enqueue(node);
      return;
    }
    const ours = this.registry.ofCreated(node);
    if (ours) {
      this.pageTookOver(ours);
      return;
    }
    this.enqueue(node);
  }

  private added(node: Node): void {
    if (this.registry.ofCreated(node)) return;
    if (node instanceof Element) {
      if (node.localName === MENTION_TAG) return;
      if (isNeverWrapped(node)) {
        // Moved into an editor, a script or the like: what it carried is highlighted no longer.
        this.undoWithin(node);
        return;
      }
      // Web components added later bring their shadow roots with them: custom elements at once,
      // any other element in the next slices.
      for (const shadow of openShadowRootsUnder(node)) this.foundShadowRoot(shadow);
      if (this.active) this.shadows.addSubtree(node);
    }
    this.recheckReturning(node);
    this.enqueue(node);
  }

  /**
   * Highlights that come back into the page (a subtree moved or put back)
   * are checked before they are trusted: the page may have written to its
   * nodes while they were out, or moved its node away from ours, and records
   * of changes to detached nodes can be missing (they exist only until the
   * next microtask checkpoint, and some DOM implementations never make them).
   */
  private recheckReturning(node: Node): void {
    if (this.registry.highlights === 0) return;
    const entries = new Set<HighlightEntry>();
    const own = this.registry.ofOriginal(node);
    if (own) entries.add(own);
    if (node instanceof Element || node instanceof DocumentFragment)
      for (const mark of node.querySelectorAll(MENTION_TAG)) {
        const entry = this.registry.ofCreated(mark.firstChild ?? mark);
        if (entry) entries.add(entry);
      }
    for (const entry of entries) if (this.registry.wasRewritten(entry) || isTornApart(entry)) this.pageUndid(entry);
  }

  private removed(node: Node): void {
    if (this.registry.highlights === 0) return;
    const own = this.registry.ofOriginal(node);
    if (own) {
      // The page removed its node by reference: give it back whole, and take ours out of the page.
      if (this.rebuiltInBatch(node)) this.noteUndo(own);
      this.undo(own);
      return;
    }
    const ours = this.registry.ofCreated(node);
    if (ours) {
      this.pageTookOver(ours);
      return;
    }
    if (!(node instanceof Element) && !(node instanceof DocumentFragment)) return;
    // A page that rebuilds the same content the moment it is highlighted is undoing us; one that
    // removes content for good, or replaces it with other text, is only updating.
    const rebuilt = this.rebuiltInBatch(node);
    for (const mark of node.querySelectorAll(MENTION_TAG)) {
      const entry = this.registry.ofCreated(mark.firstChild ?? mark);
      if (!entry) continue;
      // A removed subtree keeps the page's own structure, in case the page puts it back; and a page
      // node moved out of it first is given back whole where it now is.
      if (rebuilt) this.noteUndo(entry);
      this.undo(entry);
    }
  }

  /** Whether the batch being handled added content with the same text as `removed`. */
  private rebuiltInBatch(removed: Node): boolean {
    if (!this.addedTexts) {
      const texts = new Set<string>();
      for (const record of this.batchRecords)
        for (const added of record.addedNodes) if (added.isConnected) texts.add(added.textContent ?? '');
      this.addedTexts = texts;
    }
    return this.addedTexts.has(removed.textContent ?? '');
  }

  /** Takes out every highlight under `node`, looking into the shadow roots below it too. */
  private undoWithin(node: Node): void {
    for (const entry of [...this.registry.entries()]) {
      const mark = entry.created.find((n) => n instanceof Element) ?? entry.original;
      if (containsAcrossShadows(node, mark)) this.undo(entry);
    }
  }

  /** The page undid a highlight (rewrote, removed or moved its node): counted, then taken out. */
  private pageUndid(entry: HighlightEntry): void {
    this.noteUndo(entry);
    this.undo(entry);
  }

  /** Takes one highlight out: the page's node gets its text back, unless the page has written to it since. */
  private undo(entry: HighlightEntry): void {
    if (this.written.has(entry.original)) this.registry.discardCreated(entry);
    else this.registry.restore(entry);
    this.markDirty();
  }

  /** The page changed or removed a node Claimlight created: leave the DOM to the page from here on. */
  private pageTookOver(entry: HighlightEntry): void {
    this.noteUndo(entry);
    this.registry.release(entry);
    this.markDirty();
    const parent = entry.original.parentNode;
    if (parent) this.policy.tookOver(parent);
  }

  /** Counts a highlight the page undid; a page that resists from now on gets none of its queued work done. */
  private noteUndo(entry: HighlightEntry): void {
    if (this.policy.undone(entry)) this.queue.length = 0;
  }

  /** Highlights again every place left alone that has been quiet long enough (the policy's timer). */
  private retryQuietPlaces(): void {
    if (!this.active) return;
    this.handleRecords(this.observer.takeRecords());
    const quiet = this.policy.takeQuiet();
    // Everything the page added while it was left alone: one pass over every root.
    if (quiet.wholePage) for (const root of this.roots) this.enqueue(root === this.doc ? this.doc.body : root);
    for (const element of quiet.elements) this.enqueue(element);
    if (this.queue.length > 0) this.scheduler.runNow();
  }

  private dropOwnRecords(): void {
    this.observer.takeRecords();
  }

  private markDirty(): void {
    this.dirty = true;
  }

  private flush(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.events.changed();
  }
}

/**
 * Whether the page's node is in the page while what Claimlight inserted beside
 * it is not: the page moved its node out of a subtree it had taken out of the
 * document, and the removal that parted them went unreported (browsers
 * report a removal inside a subtree taken out in the same task; DOMs without
 * transient observers, happy-dom among them, do not).
 */
function isTornApart(entry: HighlightEntry): boolean {
  return entry.original.isConnected && entry.marks.some((mark) => !mark.isConnected);
}

/** Whether `node` is `ancestor` or below it, counting a shadow root's host as its parent. */
function containsAcrossShadows(ancestor: Node, node: Node): boolean {
  for (let current: Node | null = node; current;) {
    if (ancestor.contains(current)) return true;
    const root = current.getRootNode();
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return false;
}

const NONE_WRITTEN: ReadonlySet<Node> = new Set();

/** The nodes whose text the page changed in `records` (no allocation for the usual batch without any). */
function writtenNodes(records: MutationRecord[]): ReadonlySet<Node> {
  let written: Set<Node> | null = null;
  for (const record of records) if (record.type === 'characterData') (written ??= new Set()).add(record.target);
  return written ?? NONE_WRITTEN;
}
