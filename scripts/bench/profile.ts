/**
 * CPU-profile attribution over the Chrome DevTools protocol: how much
 * main-thread time the scripts at given URLs took, and in which tasks.
 */
import type { CDPSession } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string; lineNumber?: number };
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

/** One sample: the profile node it landed in and the main-thread time it stands for. */
export interface Sample {
  node: number;
  /** When it was taken, in the profile's clock (µs). */
  at: number;
  /** Time to the next sample, capped at a few intervals: a longer gap is idle time, not this frame's. */
  us: number;
  /** Whether the gap after it was longer than the cap (whatever ran there was not sampled). */
  gapAfter: boolean;
}

/** A gap longer than this many sampling intervals ends a task. */
const GAP_LIMIT_US = SAMPLING_INTERVAL_US * 6;

export function samplesOf(profile: CpuProfile): Sample[] {
  const times: number[] = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((t += delta));
  return profile.samples.map((node, i) => {
    const start = times[i] ?? 0;
    const gap = (times[i + 1] ?? profile.endTime) - start;
    return { node, at: start, us: Math.min(gap, GAP_LIMIT_US), gapAfter: gap > GAP_LIMIT_US };
  });
}

/**
 * Whether a frame whose script URL `matches` is anywhere on the stack ending at a node (memoised per node),
 * the node's own frame, and the node it was called from.
 */
export function stackTest(profile: CpuProfile, matches: (url: string) => boolean) {
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const cache = new Map<number, boolean>();
  const onStack = (id: number): boolean => {
    const cached = cache.get(id);
    if (cached !== undefined) return cached;
    const node = byId.get(id);
    const up = parent.get(id);
    const found = (node !== undefined && matches(node.callFrame.url)) || (up !== undefined && onStack(up));
    cache.set(id, found);
    return found;
  };
  return { onStack, frameOf: (id: number) => byId.get(id)?.callFrame, callerOf: (id: number) => parent.get(id) };
}

/** A stretch of the profile's clock (µs): samples taken from `fromUs` up to, not including, `toUs`. */
export interface ProfileWindow {
  fromUs: number;
  toUs: number;
}

/**
 * Attributes each sample to the scripts on its stack. A run of matching
 * samples ends at any other sample (idle, page script, rendering) or at a gap
 * of several sampling intervals; back-to-back tasks with no sample between
 * them count as one, so task lengths err on the long side. With `window`,
 * only the samples taken inside it count (a sample's time is cut at the
 * window's end), and a task ends where the window does.
 */
export function attribute(profile: CpuProfile, matches: (url: string) => boolean, window?: ProfileWindow): Attribution {
  const { onStack } = stackTest(profile, matches);
  let totalUs = 0;
  const tasks: number[] = [];
  let current = 0;
  for (const sample of samplesOf(profile)) {
    const { node, at, gapAfter } = sample;
    if (window && (at < window.fromUs || at >= window.toUs)) continue;
    const us = window ? Math.min(sample.us, window.toUs - at) : sample.us;
    const hit = onStack(node);
    if (hit) {
      totalUs += us;
      current += us;
    }
    if ((!hit || gapAfter) && current > 0) {
      tasks.push(current / 1000);
      current = 0;
    }
  }
  if (current > 0) tasks.push(current / 1000);
  return { totalMs: totalUs / 1000, tasksMs: tasks };
}

/**
 * The profile's clock against the page's: `performance.now()` read at `t0Ms`
 * and `t1Ms` around a busy loop in a script at `clockUrl`, whose samples the
 * profile holds. Returns the profile time (µs) of the page's time origin, so
 * page time `t` ms is profile time `origin + t * 1000`; null without samples
 * in the loop. The samples' midpoint is matched to the loop's: the error is
 * about one sampling interval plus the page timer's coarsening (0.1 ms).
 */
export function pageOriginUs(profile: CpuProfile, clockUrl: string, t0Ms: number, t1Ms: number): number | null {
  const { onStack } = stackTest(profile, (url) => url === clockUrl);
  const times = samplesOf(profile)
    .filter((s) => onStack(s.node))
    .map((s) => s.at);
  if (times.length === 0) return null;
  const first = times.reduce((a, b) => Math.min(a, b));
  const last = times.reduce((a, b) => Math.max(a, b));
  return (first + last) / 2 - ((t0Ms + t1Ms) / 2) * 1000;
}
