/**
 * Performance marks for `npm run bench`. Only the benchmark build emits them:
 * in the shipped build `__CLAIMLIGHT_BENCH__` is false and this code is
 * removed, so pages cannot observe the extension through their timeline.
 */
declare const __CLAIMLIGHT_BENCH__: boolean;

export const BENCH = __CLAIMLIGHT_BENCH__;

export function benchMark(name: string): void {
  if (BENCH) performance.mark(`claimlight:${name}`);
}

/** Records the time from the `from` mark to now as the measure `claimlight:<name>`. */
export function benchMeasure(name: string, from: string): void {
  if (BENCH) performance.measure(`claimlight:${name}`, `claimlight:${from}`);
}
