import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AGAINST, DEFAULT_RUNS, DEFAULT_SOAK_MINUTES, parseArgs } from '../../scripts/bench/args.ts';
import { mentionDensePage, scaledPage } from '../../scripts/bench/pages.ts';
import { attribute, pageOriginUs, SAMPLING_INTERVAL_US, type CpuProfile } from '../../scripts/bench/profile.ts';
import { renderMarkdown, type BuildPageRow, type BuildSummary, type Report } from '../../scripts/bench/report.ts';
import { describeSizes, ENGINE_FILE, scriptSizes } from '../../scripts/bench/sizes.ts';
import { spread, type Spread } from '../../scripts/bench/stats.ts';
import {
  evaluateTargets,
  verdictLines,
  type BuildFigures,
  type BuildPage,
  type Verdict,
} from '../../scripts/bench/targets.ts';

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
      pack: null,
    });
    expect(parseArgs(['--against', '--runs=3']).against).toBe(DEFAULT_AGAINST);
    expect(parseArgs(['--against', 'abc1234']).against).toBe('abc1234');
    expect(parseArgs(['--against=HEAD~2']).against).toBe('HEAD~2');
    expect(parseArgs([]).against).toBeNull();
    // --pack alone: the generated pack; with a file: that pack.
    expect(parseArgs(['--pack']).pack).toBe(true);
    expect(parseArgs(['--pack', 'my.claimlight.json']).pack).toBe('my.claimlight.json');
  });

  it('falls back to the defaults for missing or bad numbers', () => {
    expect(parseArgs(['--runs', 'x']).runs).toBe(DEFAULT_RUNS);
    expect(parseArgs(['--soak']).soakMinutes).toBe(DEFAULT_SOAK_MINUTES);
    expect(parseArgs(['--soak', '2']).soakMinutes).toBe(2);
  });
});

describe('targets', () => {
  const s = (median: number, max = median): Spread => ({ median, min: median, max, runs: 2 });
  const page = (over: Partial<BuildPage> & Pick<BuildPage, 'page' | 'kind'>): BuildPage => ({
    noMention: false,
    highlights: 10,
    extOverFloor: s(1),
    extOverNaive: s(0.5),
    longestTaskMs: s(5),
    allInWindow: true,
    readOverFloor: null,
    matchingRuns: 0,
    matchingAfterFirstPass: true,
    firefoxOverNaive: null,
    firefoxLongestSliceMs: null,
    firefoxRuns: 0,
    ...over,
  });
  const build = (pages: BuildPage[], over: Partial<BuildFigures> = {}): BuildFigures => ({
    label: 'new',
    pages,
    firstVisibleMs: s(20),
    appends: [
      { scale: 1, latencyMs: s(2), missed: 0, extMsPerAppend: s(0.1) },
      { scale: 16, latencyMs: s(3), missed: 0, extMsPerAppend: s(0.12) },
    ],
    ...over,
  });
  const byTarget = (verdicts: Verdict[], start: string) => verdicts.find((v) => v.target.startsWith(start));

  it('holds every page without a mention to one floor, and names the highest', () => {
    const verdicts = evaluateTargets(
      build([
        page({ page: 'a', kind: 'corpus', noMention: true, highlights: 0, extOverFloor: s(0.8) }),
        page({ page: 'b', kind: 'corpus', noMention: true, highlights: 0, extOverFloor: s(1.2) }),
        page({ page: 'c', kind: 'corpus', extOverFloor: s(3) }),
      ]),
    );
    const v = byTarget(verdicts, 'pages without a mention');
    expect(v?.status).toBe('MISSED');
    expect(v?.detail).toBe('1 of 2 pages within; highest b 1.20, a 0.80');
  });

  it('misses the article target when its page read ended after the window, even within 2.5 floors', () => {
    const within = evaluateTargets(build([page({ page: 'article', kind: 'article', extOverFloor: s(2.4) })]));
    expect(byTarget(within, 'the long article')?.status).toBe('met');
    const late = evaluateTargets(
      build([page({ page: 'article', kind: 'article', extOverFloor: s(2.4), allInWindow: false })]),
    );
    expect(byTarget(late, 'the long article')?.status).toBe('MISSED');
    const over = evaluateTargets(build([page({ page: 'article', kind: 'article', extOverFloor: s(2.6) })]));
    expect(byTarget(over, 'the long article')?.status).toBe('MISSED');
  });

  it('judges the first visible highlight against 33 ms', () => {
    expect(byTarget(evaluateTargets(build([], { firstVisibleMs: s(33) })), 'first highlight')?.status).toBe('met');
    expect(byTarget(evaluateTargets(build([], { firstVisibleMs: s(34) })), 'first highlight')?.status).toBe('MISSED');
    expect(byTarget(evaluateTargets(build([], { firstVisibleMs: null })), 'first highlight')?.status).toBe(
      'not measured',
    );
  });

  it('needs both Firefox pages for the naive mark.js target, and says when slices are not exposed', () => {
    const dense = page({ page: 'dense', kind: 'dense', firefoxOverNaive: s(0.9), firefoxRuns: 2 });
    const hostile = page({ page: '100k', kind: 'hostile', firefoxOverNaive: s(1.1), firefoxRuns: 2 });
    expect(byTarget(evaluateTargets(build([dense])), 'Firefox: mention-dense')?.status).toBe('not measured');
    expect(byTarget(evaluateTargets(build([dense, hostile])), 'Firefox: mention-dense')?.status).toBe('MISSED');
    const slices = byTarget(evaluateTargets(build([dense, hostile])), 'Firefox: no content-script slice');
    expect(slices?.status).toBe('not measured');
    expect(slices?.detail).toMatch(/^not exposed/);
    const sliced = evaluateTargets(build([{ ...dense, firefoxLongestSliceMs: s(12, 17) }]));
    expect(byTarget(sliced, 'Firefox: no content-script slice')?.status).toBe('MISSED');
  });

  it('holds every task to 16 ms, by the longest in any run', () => {
    const v = byTarget(
      evaluateTargets(build([page({ page: 'x', kind: 'corpus', longestTaskMs: s(10, 17) })])),
      'Chromium: no extension task',
    );
    expect(v?.status).toBe('MISSED');
    expect(v?.detail).toBe('longest 17.0 ms (x)');
  });

  it('keeps the append targets', () => {
    const flat = evaluateTargets(build([]));
    expect(byTarget(flat, 'Chromium: append-to-highlight')?.status).toBe('met');
    expect(byTarget(flat, 'Chromium: cost per append flat')?.status).toBe('met');
    const steep = evaluateTargets(
      build([], {
        appends: [
          { scale: 1, latencyMs: s(2), missed: 0, extMsPerAppend: s(0.1) },
          { scale: 16, latencyMs: s(20), missed: 1, extMsPerAppend: s(0.5) },
        ],
      }),
    );
    expect(byTarget(steep, 'Chromium: append-to-highlight')?.status).toBe('MISSED');
    expect(byTarget(steep, 'Chromium: cost per append flat')?.status).toBe('MISSED');
  });

  it("prints the earlier build's verdict under each target", () => {
    const current = evaluateTargets(build([], { firstVisibleMs: s(20) }));
    const earlier = evaluateTargets(build([], { firstVisibleMs: s(40) }));
    const lines = verdictLines(current, { label: '6de9aac', verdicts: earlier });
    const first = lines.find((l) => l.includes('first highlight'));
    expect(first).toContain('- met: first highlight');
    expect(first).toContain('\n  - earlier build 6de9aac: MISSED (40.0 ms)');
    expect(verdictLines(current).every((l) => !l.includes('earlier'))).toBe(true);
  });
});

describe('sizes', () => {
  it('measures the injected entry, and the engine module when the build has one', () => {
    const dist = mkdtempSync(join(tmpdir(), 'bench-sizes-'));
    try {
      mkdirSync(join(dist, 'src/content'), { recursive: true });
      writeFileSync(
        join(dist, 'manifest.json'),
        JSON.stringify({ content_scripts: [{ js: ['src/content/index.iife.js'], css: ['a.css'] }] }),
      );
      writeFileSync(join(dist, 'src/content/index.iife.js'), 'x'.repeat(1000));
      const bundled = scriptSizes(dist);
      expect(bundled.entry.files).toEqual(['src/content/index.iife.js']);
      expect(bundled.entry.bytes).toBe(1000);
      expect(bundled.entry.gzipBytes).toBeLessThan(100);
      expect(bundled.engine).toBeNull();
      expect(describeSizes(bundled)).toContain('engine module: bundled in the entry');
      writeFileSync(join(dist, ENGINE_FILE), 'y'.repeat(500));
      const split = scriptSizes(dist);
      expect(split.engine?.bytes).toBe(500);
      expect(describeSizes(split)).toContain(`engine module ${ENGINE_FILE}: 500 bytes`);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('the report', () => {
  const s = (median: number): Spread => ({ median, min: median, max: median, runs: 1 });
  const buildRow = (ms: number, allInWindow: boolean): BuildPageRow => ({
    page: 'article',
    kind: 'article',
    noMention: false,
    highlights: 79,
    extOverFloor: s(ms / 20),
    extOverNaive: s(ms / 70),
    longestTaskMs: s(8),
    allInWindow,
    readOverFloor: null,
    matchingRuns: 0,
    matchingAfterFirstPass: true,
    firefoxOverNaive: s(0.9),
    firefoxLongestSliceMs: null,
    firefoxRuns: 1,
    extensionMs: s(ms),
    tasksOver16: s(0),
    tasksOver50: s(0),
    usPerHighlight: null,
    initialPassWallMs: null,
    readMs: null,
    readsAfterWindow: 0,
    backgroundMatchMs: null,
    firefoxScriptMs: s(300),
    firefoxInitialPassMs: s(300),
    firefoxReadMs: null,
    firefoxLate: 0,
  });
  const summary = (label: string): BuildSummary => ({
    label,
    commit: null,
    appends: [],
    firstVisibleMs: null,
    heapAddedBytes: null,
    sizes: null,
    verdicts: [],
    firefoxMeasured: true,
  });
  const report = (builds: BuildSummary[], rows: BuildPageRow[]): Report => ({
    command: 'npm run bench',
    date: '2026-01-01T00:00:00Z',
    machine: 'test',
    runs: 1,
    method: [],
    heapPage: null,
    appendsCount: 20,
    firefoxSkipped: [],
    builds,
    pages: [
      {
        page: 'article',
        kind: 'article',
        textNodes: 100,
        floorMs: s(20),
        floorPageWorldMs: s(19),
        naiveMs: s(70),
        nativeReadMs: s(3),
        pageWorldReadMs: s(2),
        firefoxNaiveMs: s(330),
        firefoxFloorMs: s(40),
        builds: rows,
        newOverOld: rows.length > 1 ? s(2) : null,
        firefoxNewOverOld: rows.length > 1 ? s(1.1) : null,
      },
    ],
  });

  it('shows both builds and their ratio side by side, one table per browser, with the window named', () => {
    const md = renderMarkdown(report([summary('new'), summary('6de9aac')], [buildRow(120, false), buildRow(60, true)]));
    expect(md).toContain('2.5 s after its load event');
    expect(md).toContain('| page | text nodes | highlights | floor | naive mark.js | new | 6de9aac | new/floor |');
    expect(md).toContain('| article | 100 | 79 | 20.0 | 70.0 | 120.0 † | 60.0 | 6.00 | 3.00 | 2.00 |');
    expect(md).toContain('new/6de9aac');
    expect(md.match(/^\| page \|/gm)?.length).toBe(2);
    expect(md).toContain('not exposed');
  });

  it('shows one build alone without side-by-side columns', () => {
    const md = renderMarkdown(report([summary('new')], [buildRow(120, true)]));
    expect(md).toContain('| page | text nodes | highlights | floor | naive mark.js | extension | ext/floor |');
    expect(md).not.toContain('†');
  });
});
