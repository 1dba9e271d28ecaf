/**
 * Performance marks for `npm run bench`. Only the benchmark build emits them:
 * in the shipped build `__CLAIMLIGHT_BENCH__` is false and this code is
 * removed, so pages cannot observe the extension through their timeline.
 */
declare const __CLAIMLIGHT_BENCH__: boolean;

export const BENCH = __CLAIMLIGHT_BENCH__;

/**
 * Object methods keep their names through minification, so the benchmark's
 * CPU profile can tell these calls apart and leave them out of the
 * extension's time: the shipped build never makes them.
 */
const BENCH_HOOKS = {
  claimlightBenchMark(name: string): void {
    performance.mark(`claimlight:${name}`);
  },
  claimlightBenchMeasure(name: string, from: string): void {
    performance.measure(`claimlight:${name}`, `claimlight:${from}`);
  },
};

export function benchMark(name: string): void {
  if (BENCH) BENCH_HOOKS.claimlightBenchMark(name);
}

/** Records the time from the `from` mark to now as the measure `claimlight:<name>`. */
export function benchMeasure(name: string, from: string): void {
  if (BENCH) BENCH_HOOKS.claimlightBenchMeasure(name, from);
}
