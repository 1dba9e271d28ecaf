/**
 * The benchmark's one seam into the content script: two timeline marks,
 * `claimlight:start` when the script starts and the measure
 * `claimlight:initial-pass` when its first pass is over (see `npm run bench`).
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
