/**
 * Finds the sentences of the page that repeat a claim: reads the page's text
 * in slices once its first highlights are in, lets the background match it
 * (the matcher never loads into pages), and marks what comes back. Runs
 * again when the page's text has changed (a framework re-rendering a marked
 * sentence leaves its marker on nodes that are gone), at most every few seconds.
 */
import { send } from '../../shared/send.ts';
import { markPageRead } from '../perf.ts';
import { neverReadUnder } from '../dom/excluded.ts';
import { BlockReader, readBlocks, withCurrentNodes, worthMatching, type Block } from './pageText.ts';
import { SentenceMarks } from './sentenceMarks.ts';

/** The page is read again once its text has been quiet this long after a change, */
const QUIET_MS = 1000;
/** or this long after the first change, on a page that never stops changing (a ticker), */
const MAX_WAIT_MS = 5000;
/** but never sooner than this after the last read began, */
const MIN_GAP_MS = 3000;
/** nor sooner than this many times the last read took, so re-reading costs at most 5% of the time. */
const RERUN_COST_FACTOR = 20;
/** At most this much text goes to be matched (a long article is far below it; an endless page is cut). */
const MAX_TEXT_CHARS = 300_000;

export class PageClaims {
  readonly marks: SentenceMarks;
  private running = false;
  private again = false;
  private active = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  /** How long the last read of the page took, which spaces out the next one. */
  private lastReadMs = 0;
  private lastRunAt = -Infinity;
  /** When the read due after the first unanswered change must happen, quiet or not. */
  private dueBy: number | undefined;
  /** The read that rides on the highlighter's first walk of the body (see `readAlong`), until it is used. */
  private passRead: { reader: BlockReader; began: number } | null = null;

  constructor(private readonly doc: Document) {
    this.marks = new SentenceMarks(doc);
  }

  /**
   * A reader for the highlighter's first walk of the body: the page is read as it is highlighted, not
   * walked a second time. `start` then matches what it read.
   */
  readAlong(): BlockReader | null {
    const body = this.doc.body as HTMLElement | null;
    if (!body) return null;
    this.passRead = { reader: new BlockReader(neverReadUnder(body), 2 * MAX_TEXT_CHARS), began: performance.now() };
    return this.passRead.reader;
  }

  /**
   * Matches the page now, or once the run in progress is over: the whole body, or only `roots` (the
   * content that brought the page's first mention, on a page that had none when it loaded). `nodesOf`
   * gives the nodes that hold a node's text now (the highlights split nodes read along the first walk).
   */
  start(roots?: readonly Element[], nodesOf?: (node: Text) => readonly Text[]): void {
    this.active = true;
    const passRead = this.passRead;
    this.passRead = null;
    if (this.running) this.again = true;
    else if (passRead && !passRead.reader.spoiled && nodesOf && !roots?.length) void this.matchRead(passRead, nodesOf);
    else void this.run(roots);
  }

  /**
   * The page changed its DOM or text (the highlighter's observer tells the engine, which tells us): match
   * again once it has been quiet a moment, and not too often.
   */
  changed(): void {
    if (!this.active) return;
    const now = performance.now();
    // A page that never stops changing (a ticker) is read anyway, MAX_WAIT_MS after its first change.
    this.dueBy ??= now + MAX_WAIT_MS;
    const earliest = this.lastRunAt + Math.max(MIN_GAP_MS, this.lastReadMs * RERUN_COST_FACTOR);
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.dueBy = undefined;
        this.start();
      },
      Math.max(Math.min(now + QUIET_MS, this.dueBy), earliest) - now,
    );
  }

  /** Highlighting was switched off: markers go, and the popup forgets what the page repeated. */
  stop(): void {
    this.active = false;
    this.generation++;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.dueBy = undefined;
    this.marks.clear();
    void send('page/clear', {});
  }

  /** Matches what was read along the highlighter's first walk. */
  private async matchRead(
    { reader, began }: { reader: BlockReader; began: number },
    nodesOf: (node: Text) => readonly Text[],
  ): Promise<void> {
    this.running = true;
    const finishing = performance.now();
    this.lastRunAt = began;
    const blocks = withinBudget(
      reader
        .finish()
        .filter(worthMatching)
        .map((block) => withCurrentNodes(block, nodesOf)),
    );
    const cost = performance.now() - finishing;
    this.lastReadMs = cost;
    markPageRead(began, cost);
    await this.match(blocks, this.generation);
  }

  /** Sends the blocks to be matched and marks what comes back, unless the page was switched off meanwhile. */
  private async match(blocks: Block[], generation: number): Promise<void> {
    try {
      const hits = await send('page/match', { blocks: blocks.map((block) => block.text) });
      // Switched off (or on again) meanwhile: this answer is about a page state that is gone.
      if (generation === this.generation && this.active && hits) this.marks.show(blocks, hits);
    } finally {
      this.running = false;
      this.rerunIfAsked();
    }
  }

  /** Reads the page (the whole body, or only `only`) in slices, then matches it. */
  private async run(only?: readonly Element[]): Promise<void> {
    const body = this.doc.body as HTMLElement | null;
    if (!body) return;
    const roots = only && only.length > 0 ? only : [body];
    this.running = true;
    const generation = this.generation;
    let blocks: Block[];
    try {
      const began = performance.now();
      this.lastRunAt = began;
      const read: Block[] = [];
      // Twice the budget is read: blocks too short to state a claim are left out after reading.
      const cost = { ms: 0 };
      for (const root of roots) if (root.isConnected) read.push(...(await readBlocks(root, 2 * MAX_TEXT_CHARS, cost)));
      blocks = withinBudget(read.filter(worthMatching));
      this.lastReadMs = performance.now() - began;
      markPageRead(began, cost.ms);
    } catch (error) {
      // A page that broke the DOM mid-read: this run ends, the next change starts another.
      this.running = false;
      throw error;
    }
    await this.match(blocks, generation);
  }

  /** A change came while a run was in progress: one more run, now. */
  private rerunIfAsked(): void {
    if (this.again && this.active) {
      this.again = false;
      void this.run();
    }
  }
}

/** The blocks, in page order, up to MAX_TEXT_CHARS of text. */
function withinBudget(blocks: Block[]): Block[] {
  let total = 0;
  const kept: Block[] = [];
  for (const block of blocks) {
    total += block.text.length;
    if (total > MAX_TEXT_CHARS) break;
    kept.push(block);
  }
  return kept;
}
