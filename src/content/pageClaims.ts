/**
 * Finds the sentences of the page that repeat a claim: reads the page's text
 * in slices once its first highlights are in, lets the background match it
 * (the matcher never loads into pages), and marks what comes back. Runs
 * again when the page's text has changed, at most every few seconds.
 */
import { send } from '../shared/send.ts';
import { readBlocks, worthMatching, type Block } from './pageText.ts';
import { SentenceMarks } from './sentenceMarks.ts';

/** A page that keeps changing is read again at most this often... */
const RERUN_AFTER_MS = 10_000;
/** ...and never sooner than this many times the last read took, so re-reading costs at most 5% of the time. */
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

  constructor(private readonly doc: Document) {
    this.marks = new SentenceMarks(doc);
  }

  /**
   * Matches the page now, or once the run in progress is over: the whole body, or only `roots` (the
   * content that brought the page's first mention, on a page that had none when it loaded).
   */
  start(roots?: readonly Element[]): void {
    this.active = true;
    if (this.running) this.again = true;
    else void this.run(roots);
  }

  /** The page's text changed: match again after a quiet moment. */
  changed(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.start();
      },
      Math.max(RERUN_AFTER_MS, this.lastReadMs * RERUN_COST_FACTOR),
    );
  }

  /** Highlighting was switched off: markers go, and the popup forgets what the page repeated. */
  stop(): void {
    this.active = false;
    this.generation++;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.marks.clear();
    void send('page/clear', {});
  }

  private async run(only?: readonly Element[]): Promise<void> {
    const body = this.doc.body as HTMLElement | null;
    if (!body) return;
    const roots = only && only.length > 0 ? only : [body];
    this.running = true;
    const generation = this.generation;
    try {
      const began = performance.now();
      const read: Block[] = [];
      // Twice the budget is read: blocks too short to state a claim are left out after reading.
      for (const root of roots) if (root.isConnected) read.push(...(await readBlocks(root, 2 * MAX_TEXT_CHARS)));
      const blocks = withinBudget(read.filter(worthMatching));
      this.lastReadMs = performance.now() - began;
      const hits = await send('page/match', { blocks: blocks.map((block) => block.text) });
      // Switched off (or on again) meanwhile: this answer is about a page state that is gone.
      if (generation === this.generation && this.active && hits) this.marks.show(blocks, hits);
    } finally {
      this.running = false;
      if (this.again && this.active) {
        this.again = false;
        void this.run();
      }
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
