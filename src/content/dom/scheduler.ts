/**
 * The content script's one way of cutting work into slices: every sliced loop
 * (the probe, the highlighter, the page read, the shadow-root sweeps) runs
 * through a SliceScheduler. A slice ends within its budget and yields to the
 * page; the next one comes in a task of its own right after (one shared
 * MessageChannel, no 4 ms timer clamping) or, for work that can wait, when the
 * browser is idle.
 */
import { markSlice } from '../perf.ts';

export interface Deadline {
  /** True once the slice has used its budget. */
  expired(): boolean;
}

export function deadlineIn(ms: number): Deadline {
  const end = performance.now() + ms;
  return { expired: () => performance.now() >= end };
}

/** Callbacks waiting for the next task, in order: one channel carries them all. */
const queued: (() => void)[] = [];
let channel: MessageChannel | null = null;

/** Runs `callback` in a task of its own, right after the current one. */
export function inNextTask(callback: () => void): void {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => queued.shift()?.();
  }
  queued.push(callback);
  channel.port2.postMessage(null);
}

/** Resolves in a task of its own, right after the current one. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => inNextTask(resolve));
}

/** When the next slice runs: right after the current task, or when the browser is idle. */
export type SliceTiming = 'task' | 'idle';

/** An idle slice ends once the browser needs the thread back (the time it offered is nearly used). */
const IDLE_MARGIN_MS = 1;
/** An idle slice is run after at most this long even on a page that is never idle. */
const IDLE_TIMEOUT_MS = 3000;

export class SliceScheduler {
  private pending = false;
  private cancelled = false;

  /** `work` returns true when it has more to do; it is called again after a yield. */
  constructor(
    private readonly work: (deadline: Deadline) => boolean,
    private readonly budgetMs: number,
    private readonly timing: SliceTiming = 'task',
  ) {}

  /** Runs a slice now (for example inside a MutationObserver callback) and schedules the rest. */
  runNow(): void {
    this.cancelled = false;
    const began = performance.now();
    const more = this.work(deadlineIn(this.budgetMs));
    markSlice(began);
    if (more) this.later();
  }

  /** Schedules a slice for after the current task (or the next idle period). */
  later(): void {
    this.cancelled = false;
    if (this.pending) return;
    this.pending = true;
    if (this.timing === 'idle' && typeof requestIdleCallback === 'function')
      requestIdleCallback(
        (idle) => {
          this.pending = false;
          if (this.cancelled) return;
          // The browser's own offer, capped by the budget: an idle slice is as short as any other.
          const budget = deadlineIn(this.budgetMs);
          const deadline = { expired: () => budget.expired() || idle.timeRemaining() < IDLE_MARGIN_MS };
          const began = performance.now();
          const more = this.work(deadline);
          markSlice(began);
          if (more) this.later();
        },
        { timeout: IDLE_TIMEOUT_MS },
      );
    else
      inNextTask(() => {
        this.pending = false;
        if (!this.cancelled) this.runNow();
      });
  }

  /** Drops the slice scheduled, if any; runNow or later start again. */
  cancel(): void {
    this.cancelled = true;
  }
}

/** Runs `work` in slices of `budgetMs` until it is done; resolves then. */
export function runSliced(work: (deadline: Deadline) => boolean, budgetMs: number): Promise<void> {
  return new Promise((resolve) => {
    const scheduler = new SliceScheduler((deadline) => {
      const more = work(deadline);
      if (!more) resolve();
      return more;
    }, budgetMs);
    scheduler.runNow();
  });
}
