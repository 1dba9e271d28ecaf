/**
 * Runs work in slices that each end within a time budget, yielding to the page
 * between slices through a MessageChannel (no 4 ms timer clamping).
 */
export interface Deadline {
  /** True once the slice has used its budget. */
  expired(): boolean;
}

export function deadlineIn(ms: number): Deadline {
  const end = performance.now() + ms;
  return { expired: () => performance.now() >= end };
}

export class SliceScheduler {
  private readonly channel = new MessageChannel();
  private pending = false;

  /** `work` returns true when it has more to do; it is called again after a yield. */
  constructor(
    private readonly work: (deadline: Deadline) => boolean,
    private readonly budgetMs: number,
  ) {
    this.channel.port1.onmessage = () => {
      this.pending = false;
      this.runNow();
    };
  }

  /** Runs a slice now (for example inside a MutationObserver callback) and schedules the rest. */
  runNow(): void {
    if (this.work(deadlineIn(this.budgetMs))) this.later();
  }

  /** Schedules a slice for after the current task. */
  later(): void {
    if (this.pending) return;
    this.pending = true;
    this.channel.port2.postMessage(null);
  }
}

/** Resolves in a task of its own, right after the current one (no timer clamping). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
