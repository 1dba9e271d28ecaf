/**
 * CPU-profile attribution over the Chrome DevTools protocol: how much
 * main-thread time the scripts at given URLs took, and in which tasks.
 */
import type { CDPSession } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** 50 µs: fine enough to see 1 ms of work, coarse enough not to slow the page much. */
export const SAMPLING_INTERVAL_US = 50;

export async function startProfiling(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await cdp.send('Profiler.start');
}

export async function stopProfiling(cdp: CDPSession): Promise<CpuProfile> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.send('Profiler.disable');
  return profile;
}

export interface Attribution {
  /** Main-thread time with a matching script anywhere on the stack, in ms. */
  totalMs: number;
  /** Durations (ms) of the uninterrupted runs of such samples: the tasks they ran in. */
  tasksMs: number[];
}

/**
 * Attributes each sample to the scripts on its stack. A run of matching
 * samples ends at any other sample (idle, page script, rendering) or at a gap
 * of several sampling intervals; back-to-back tasks with no sample between
 * them count as one, so task lengths err on the long side.
 */
export function attribute(profile: CpuProfile, matches: (url: string) => boolean): Attribution {
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  /** Whether a frame satisfying `test` is anywhere on the stack ending at node `id` (memoised per node). */
  const onStack = (test: (frame: ProfileNode['callFrame']) => boolean) => {
    const cache = new Map<number, boolean>();
    const check = (id: number): boolean => {
      const cached = cache.get(id);
      if (cached !== undefined) return cached;
      const node = byId.get(id);
      const up = parent.get(id);
      const found = (node !== undefined && test(node.callFrame)) || (up !== undefined && check(up));
      cache.set(id, found);
      return found;
    };
    return check;
  };
  const isHit = onStack((frame) => matches(frame.url));

  const times: number[] = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((t += delta));
  const gapLimit = SAMPLING_INTERVAL_US * 6;

  let totalUs = 0;
  const tasks: number[] = [];
  let current = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const start = times[i] ?? 0;
    const next = times[i + 1] ?? profile.endTime;
    const duration = Math.min(next - start, gapLimit);
    const sample = profile.samples[i] ?? -1;
    const hit = isHit(sample);
    if (hit) {
      totalUs += duration;
      current += duration;
    }
    if ((!hit || next - start > gapLimit) && current > 0) {
      tasks.push(current / 1000);
      current = 0;
    }
  }
  if (current > 0) tasks.push(current / 1000);
  return { totalMs: totalUs / 1000, tasksMs: tasks };
}
