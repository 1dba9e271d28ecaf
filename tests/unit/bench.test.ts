import { describe, expect, it } from 'vitest';
import { DEFAULT_AGAINST, DEFAULT_RUNS, DEFAULT_SOAK_MINUTES, parseArgs } from '../../scripts/bench/args.ts';
import { mentionDensePage, scaledPage } from '../../scripts/bench/pages.ts';
import { attribute, pageOriginUs, SAMPLING_INTERVAL_US, type CpuProfile } from '../../scripts/bench/profile.ts';
import { spread } from '../../scripts/bench/stats.ts';

const EXT = 'chrome-extension://abc/content.js';

/** root -> (program); root -> page.js; root -> ext -> (native callee). */
function profile(samples: number[], deltas: number[]): CpuProfile {
  return {
    nodes: [
      { id: 1, callFrame: { url: '', functionName: '(root)' }, children: [2, 3, 4] },
      { id: 2, callFrame: { url: '', functionName: '(program)' } },
      { id: 3, callFrame: { url: 'http://127.0.0.1/page.js', functionName: 'page' } },
      { id: 4, callFrame: { url: EXT, functionName: 'scan' }, children: [5] },
      { id: 5, callFrame: { url: '', functionName: 'nextNode' } },
    ],
    startTime: 0,
    endTime: deltas.reduce((a, b) => a + b, 0) + SAMPLING_INTERVAL_US,
    samples,
    timeDeltas: deltas,
  };
}

describe('attribute', () => {
  it('counts samples with the extension anywhere on the stack, and splits tasks at other samples', () => {
    const i = SAMPLING_INTERVAL_US;
    const result = attribute(profile([4, 5, 4, 2, 3, 4, 4, 2], Array<number>(8).fill(i)), (u) => u === EXT);
    expect(result.totalMs).toBeCloseTo((5 * i) / 1000);
    expect(result.tasksMs.map((t) => t * 1000)).toEqual([3 * i, 2 * i]);
  });

  it('ends a task at a long gap between samples', () => {
    const i = SAMPLING_INTERVAL_US;
    const result = attribute(profile([4, 4, 4], [i, i, 100 * i]), (u) => u === EXT);
    expect(result.tasksMs.length).toBe(2);
  });
});

describe('the measured window', () => {
  const i = SAMPLING_INTERVAL_US;

  it('counts only the samples taken inside it, and ends a task where it ends', () => {
    // Samples at 0, i, 2i, ... 7i; the window takes those from i up to 5.5i.
    const p = profile([4, 4, 4, 4, 4, 4, 4, 4], Array<number>(8).fill(i));
    const result = attribute(p, (u) => u === EXT, { fromUs: i, toUs: 5.5 * i });
    // Samples at i, 2i, 3i, 4i count in full; the one at 5i only up to the window's end.
    expect(result.totalMs * 1000).toBeCloseTo(4.5 * i);
    expect(result.tasksMs.length).toBe(1);
  });

  it("maps the page's clock onto the profile's through the clock script's samples", () => {
    const clock = 'bench/clock.js';
    const p: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { url: '', functionName: '(root)' }, children: [2, 3] },
        { id: 2, callFrame: { url: '', functionName: '(idle)' } },
        { id: 3, callFrame: { url: clock, functionName: 'spin' } },
      ],
      // The profile's clock runs 1,000,000 µs ahead of the page's time origin.
      startTime: 1_000_000 + 10_000,
      endTime: 1_000_000 + 20_000,
      samples: [2, 3, 3, 3, 2],
      timeDeltas: [0, 1000, 1000, 1000, 1000],
    };
    // The spin, in page time: 11 ms to 13 ms; its samples at 11, 12 and 13 ms.
    expect(pageOriginUs(p, clock, 11, 13)).toBeCloseTo(1_000_000);
    expect(pageOriginUs(p, 'bench/other.js', 11, 13)).toBeNull();
  });
});

describe('benchmark pages', () => {
  const html = '<html><head><title>t</title></head><body><p>Hello</p><script>x()</script><li>One</li></body></html>';

  it('repeats the body and drops scripts', () => {
    const page = scaledPage(html, 3);
    expect(page.match(/<p>Hello<\/p>/g)?.length).toBe(3);
    expect(page).not.toContain('<script');
    expect(page.startsWith('<html><head><title>t</title></head><body>')).toBe(true);
  });

  it('adds a mention to every paragraph and list item', () => {
    expect(mentionDensePage(html)).toContain('<p>Hello TikTok</p>');
    expect(mentionDensePage(html)).toContain('<li>One ByteDance</li>');
  });
});

it('spread gives the median, min and max', () => {
  expect(spread([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, runs: 3 });
  expect(spread([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, runs: 4 });
  expect(spread([])).toBeNull();
});

describe('bench options', () => {
  it('reads values after a flag or after =, and none when another flag follows', () => {
    expect(parseArgs(['--runs', '2', '--only', 'dense|article', '--against'])).toEqual({
      runs: 2,
      only: 'dense|article',
      soakMinutes: null,
      against: DEFAULT_AGAINST,
    });
    expect(parseArgs(['--against', '--runs=3']).against).toBe(DEFAULT_AGAINST);
    expect(parseArgs(['--against', 'abc1234']).against).toBe('abc1234');
    expect(parseArgs(['--against=HEAD~2']).against).toBe('HEAD~2');
    expect(parseArgs([]).against).toBeNull();
  });

  it('falls back to the defaults for missing or bad numbers', () => {
    expect(parseArgs(['--runs', 'x']).runs).toBe(DEFAULT_RUNS);
    expect(parseArgs(['--soak']).soakMinutes).toBe(DEFAULT_SOAK_MINUTES);
    expect(parseArgs(['--soak', '2']).soakMinutes).toBe(2);
  });
});
