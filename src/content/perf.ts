/**
 * The benchmark's one seam into the content script: timeline marks,
 * `claimlight:start` when the script starts, the measure
 * `claimlight:initial-pass` when its first pass is over, and
 * `claimlight:page-read` when the page's text has been read for claim
 * matching (its main-thread time in `detail`; see `npm run bench`).
 * Only the benchmark build emits them: in the shipped build
 * `__CLAIMLIGHT_BENCH__` is false and these calls compile to nothing, so pages
 * cannot observe the extension through their timeline.
 */
declare const __CLAIMLIGHT_BENCH__: boolean;

export function markStart(): void {
  if (__CLAIMLIGHT_BENCH__) performance.mark('claimlight:start');
}

/** The first pass is over: highlighted, or found to have nothing to highlight. */
export function markInitialPassDone(): void {
  if (__CLAIMLIGHT_BENCH__ && performance.getEntriesByName('claimlight:initial-pass').length === 0)
    performance.measure('claimlight:initial-pass', 'claimlight:start');
}

/** The page's text was read for matching, from `startTime`, taking `busyMs` of main-thread time. */
export function markPageRead(startTime: number, busyMs: number): void {
  if (__CLAIMLIGHT_BENCH__) performance.mark('claimlight:page-read', { startTime, detail: busyMs });
}

/** A step of the engine's start (`claimlight:engine-<step>`): when its module ran, when the settings came. */
export function markEngineStep(step: 'loaded' | 'settings'): void {
  if (__CLAIMLIGHT_BENCH__) performance.mark(`claimlight:engine-${step}`);
}

/** A slice of sliced work ran from `startTime` to now (`claimlight:slice`: the longest-slice target). */
export function markSlice(startTime: number): void {
  if (__CLAIMLIGHT_BENCH__) performance.measure('claimlight:slice', { start: startTime, end: performance.now() });
}
