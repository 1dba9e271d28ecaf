/**
 * `npm run bench`: the content script against the floor (one read-only
 * TreeWalker pass with the same regular expression) and naive mark.js, on
 * real pages, in Chromium and Firefox. The extension's time is everything it
 * does from the page's start until 2.5 s after its load event. Prints one
 * table per browser and the targets, and writes artifacts/bench.json and
 * artifacts/bench.md.
 *
 *   npm run bench -- --runs 5                 (default 5)
 *   npm run bench -- --runs 1 --only dense    (only the pages whose name matches)
 *   npm run bench -- --against [commit]       (side by side with that commit's build; default 6de9aac)
 *   npm run bench -- --pack [file]            (side by side: this build with a claim pack imported, and without;
 *                                              default a generated pack of 5 companies and 500 claims)
 *   npm run bench -- --soak 5                 (the soak test instead: an endless feed for 5 minutes)
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { BUILT_IN_COMPANIES } from '../../src/shared/lexicon.ts';
import { compileMatcher } from '../../src/shared/mentions.ts';
import { REPO_ROOT, startServer } from '../harness/server.ts';
import { prepareAgainst } from './against.ts';
import { parseArgs } from './args.ts';
import { ExtensionBrowser, PlainBrowser, type BaselinePass, type ExtensionPass } from './chromium.ts';
import { FirefoxExtension, FirefoxNaive, type FirefoxPass, type NaivePass } from './firefox.ts';
import { writeNaiveAddon } from './naive.ts';
import { preparePages, type BenchPage } from './pages.ts';
import { renderMarkdown, type BuildPageRow, type BuildSummary, type PageRow, type Report } from './report.ts';
import { scriptSizes } from './sizes.ts';
import { writeSyntheticPack } from './syntheticPack.ts';
import { soak, soakMarkdown } from './soak.ts';
import { spread } from './stats.ts';
import { evaluateTargets } from './targets.ts';

const ARGS = parseArgs(process.argv.slice(2));
const APPENDS = 20;

const BENCH_DIST = { chrome: join(REPO_ROOT, 'dist/bench-chrome'), firefox: join(REPO_ROOT, 'dist/bench-firefox') };
const SHIPPED_CHROME = join(REPO_ROOT, 'dist/chrome');
const NAIVE_ADDON = join(REPO_ROOT, 'dist/bench-naive-firefox');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Builds the benchmark builds (the product plus performance marks) and the shipped Chrome build when the sources are newer. */
function buildIfNeeded(): void {
  const sources = Math.max(
    ...['src', 'seeds', 'public', 'manifest.json', 'vite.config.ts'].map((p) => newestMtime(join(REPO_ROOT, p))),
  );
  const builds: [string, string, boolean][] = [
    [BENCH_DIST.chrome, 'chrome', true],
    [BENCH_DIST.firefox, 'firefox', true],
    [SHIPPED_CHROME, 'chrome', false],
  ];
  for (const [dir, target, bench] of builds) {
    const manifest = join(dir, 'manifest.json');
    if (existsSync(manifest) && statSync(manifest).mtimeMs > sources) continue;
    console.log(`Building ${dir} ...`);
    const env = { ...process.env };
    if (bench) env['CLAIMLIGHT_BENCH'] = '1';
    else delete env['CLAIMLIGHT_BENCH'];
    const result = spawnSync('npx', ['vite', 'build', '--mode', target, '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      env,
      stdio: 'inherit',
    });
    if (result.status !== 0) throw new Error(`build of ${dir} failed`);
  }
}

function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const version = (command: string) => {
    try {
      return execSync(command, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '?';
    }
  };
  return `${String(cpus().length)} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${version('chromium --version')}, ${version('firefox-esr --version')}`;
}

/** `--soak <minutes>`: the endless-feed soak test instead of the page benchmark. */
async function soakMain(minutes: number): Promise<void> {
  buildIfNeeded();
  const server = await startServer();
  try {
    console.log(`Soak: an endless feed for ${String(minutes)} minutes, with and without the extension ...`);
    const { samples, verdict } = await soak(minutes, server, BENCH_DIST.chrome);
    const md = soakMarkdown(minutes, machine(), samples, verdict);
    mkdirSync(join(REPO_ROOT, 'artifacts'), { recursive: true });
    writeFileSync(
      join(REPO_ROOT, 'artifacts/soak.json'),
      `${JSON.stringify({ command: `npm run bench -- --soak ${String(minutes)}`, machine: machine(), samples, verdict }, null, 2)}\n`,
    );
    writeFileSync(join(REPO_ROOT, 'artifacts/soak.md'), md);
    console.log(`\n${md}\nWrote artifacts/soak.json and artifacts/soak.md`);
  } finally {
    await server.close();
  }
}

/** A build under test: its Chromium and, when it emits marks, its Firefox. */
interface Build {
  label: string;
  commit: string | null;
  chromium: ExtensionBrowser;
  firefox: FirefoxExtension | null;
  shippedChrome: string;
}

/** Appends on one scaled page, over the runs. */
interface AppendRuns {
  latencies: number[];
  missed: number;
  perAppend: number[];
}

/** One run on one page: every build's passes and the references, taken together. */
interface PageRun {
  base: BaselinePass;
  ext: ExtensionPass[];
  firefox: (FirefoxPass | null)[];
  naive: NaivePass | null;
}

async function main(): Promise<void> {
  buildIfNeeded();
  if (ARGS.against !== null && ARGS.pack !== null) throw new Error('--against and --pack each take the second column');
  const against = ARGS.against === null ? null : prepareAgainst(ARGS.against);
  const packFile = ARGS.pack === null ? null : ARGS.pack === true ? await writeSyntheticPack() : ARGS.pack;
  const server = await startServer();
  const prepared = preparePages(server);
  const corpus = prepared.corpus;
  const only = ARGS.only;
  const pages = only === undefined ? prepared.pages : prepared.pages.filter((p) => new RegExp(only).test(p.name));
  if (!corpus) console.log('../shared/corpus is absent: benchmarking the synthetic pages only.');
  // Every company on (the default settings): the same regular expression as the extension's.
  const pattern = compileMatcher(BUILT_IN_COMPANIES).pattern;
  writeNaiveAddon(NAIVE_ADDON, pattern);

  const builds: Build[] = [];
  const plain = await PlainBrowser.launch();
  const naive = await FirefoxNaive.launch(NAIVE_ADDON);
  const results = new Map<BenchPage, PageRun[]>(pages.map((p) => [p, []]));
  const appendRuns = new Map<string, Map<number, AppendRuns>>();
  const firstVisible = new Map<string, number[]>();
  const heap = new Map<string, number[]>();
  const firefoxSkipped = new Set<string>();
  const densePage = pages.find((p) => p.kind === 'dense');
  const scaled = pages.filter((p) => p.kind === 'scaled' && (p.scale === 1 || p.scale === 16));
  const largest = pages.find((p) => p.name.includes('reddit.com--image')) ?? pages.find((p) => p.scale === 16);

  try {
    builds.push({
      label: 'new',
      commit: null,
      chromium: await ExtensionBrowser.launch(BENCH_DIST.chrome, 'new'),
      firefox: await FirefoxExtension.launch(BENCH_DIST.firefox, 'new'),
      shippedChrome: SHIPPED_CHROME,
    });
    if (packFile) {
      // The same build twice: with the pack (the first column), and without (the second).
      const withPack = await ExtensionBrowser.launch(BENCH_DIST.chrome, 'with pack');
      await withPack.importPack(packFile);
      builds[0] = { ...builds[0], label: 'no pack' } as Build;
      builds.unshift({
        label: 'with pack',
        commit: null,
        chromium: withPack,
        firefox: null,
        shippedChrome: SHIPPED_CHROME,
      });
    }
    if (against) {
      builds.push({
        label: against.label,
        commit: against.commit,
        chromium: await ExtensionBrowser.launch(against.chrome, against.label),
        // Without marks the script's own clock says nothing: the earlier build is then measured in Chromium only.
        firefox: against.marks ? await FirefoxExtension.launch(against.firefox, against.label) : null,
        shippedChrome: against.shippedChrome,
      });
    }
    for (let run = 1; run <= ARGS.runs; run++) {
      process.stdout.write(`run ${String(run)}/${String(ARGS.runs)}:`);
      for (const page of pages) {
        process.stdout.write(` ${page.name}`);
        // The builds in turn on the same page (A B, then A B again next run), then the references.
        const ext: ExtensionPass[] = [];
        for (const b of builds) ext.push(await b.chromium.windowPass(page.url));
        const base = await plain.baselinePass(page.url, pattern);
        const firefox: (FirefoxPass | null)[] = [];
        for (const b of builds) {
          try {
            firefox.push(b.firefox ? await b.firefox.pass(page.url, b.chromium.pageRead) : null);
          } catch (error) {
            // A page whose script navigates away to an address the offline harness refuses: not measured in Firefox.
            firefoxSkipped.add(`${page.name} (${b.label}): ${String(error).split('\n')[0] ?? ''}`);
            firefox.push(null);
          }
        }
        let naivePass: NaivePass | null = null;
        try {
          naivePass = await naive.pass(page.url);
        } catch (error) {
          firefoxSkipped.add(`${page.name} (naive mark.js): ${String(error).split('\n')[0] ?? ''}`);
        }
        results.get(page)?.push({ base, ext, firefox, naive: naivePass });
      }
      for (const b of builds) {
        const byScale = appendRuns.get(b.label) ?? new Map<number, AppendRuns>();
        appendRuns.set(b.label, byScale);
        for (const page of scaled) {
          const { latenciesMs, extMsPerAppend } = await b.chromium.appends(page.url, APPENDS);
          const entry = byScale.get(page.scale ?? 0) ?? { latencies: [], missed: 0, perAppend: [] };
          for (const l of latenciesMs) {
            if (l === null) entry.missed++;
            else entry.latencies.push(l);
          }
          entry.perAppend.push(extMsPerAppend);
          byScale.set(page.scale ?? 0, entry);
        }
        if (densePage) {
          const t = await b.chromium.firstVisibleHighlight(densePage.url);
          if (t !== null) firstVisible.set(b.label, [...(firstVisible.get(b.label) ?? []), t]);
        }
      }
      if (largest) {
        const without = await plain.heapUsed(largest.url);
        for (const b of builds) {
          heap.set(b.label, [...(heap.get(b.label) ?? []), (await b.chromium.heapUsed(largest.url)) - without]);
        }
      }
      process.stdout.write('\n');
    }
  } finally {
    for (const b of builds) {
      await b.chromium.close();
      await b.firefox?.close();
    }
    await plain.close();
    await naive.close();
    await server.close();
  }

  const pageRows: PageRow[] = pages.map((page) => pageRow(page, results.get(page) ?? [], builds));
  const summaries: BuildSummary[] = builds.map((b, i) => {
    const figures = {
      label: b.label,
      pages: pageRows.flatMap((r) => r.builds[i] ?? []),
      firstVisibleMs: spread(firstVisible.get(b.label) ?? []),
      appends: [...(appendRuns.get(b.label) ?? new Map<number, AppendRuns>())].map(([scale, a]) => ({
        scale,
        latencyMs: spread(a.latencies),
        missed: a.missed,
        extMsPerAppend: spread(a.perAppend),
      })),
    };
    return {
      label: b.label,
      commit: b.commit,
      appends: figures.appends,
      firstVisibleMs: figures.firstVisibleMs,
      heapAddedBytes: spread(heap.get(b.label) ?? []),
      sizes: existsSync(join(b.shippedChrome, 'manifest.json')) ? scriptSizes(b.shippedChrome) : null,
      verdicts: evaluateTargets(figures),
      firefoxMeasured: b.firefox !== null,
    };
  });

  const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
  const report: Report = {
    command,
    date: new Date().toISOString(),
    machine: machine(),
    runs: ARGS.runs,
    method: [
      'The window: the extension’s time counts everything its scripts do from the page’s start until 2.5 s after ' +
        'its load event (the initial pass, idle-time work such as the shadow-root sweeps scheduled about 2 s after ' +
        'load, and the page read for claim matching), for every build alike.',
      'Chromium: CPU-profiler samples (asked for every 50 µs) with any script under chrome-extension:// on the stack ' +
        '(the injected entry and any module it loads, from the extension’s id or a per-session one; each build runs ' +
        'in a Chromium with no other extension), cut at the window’s end by the page’s clock. The floor, a native read ' +
        'and naive mark.js are profiled the same way in a Chromium without an extension, on the same page in the same run. ' +
        'The floor is one plain read of the page’s text, a TreeWalker over the text nodes under body that skips ' +
        'scripts and styles, run in an isolated world as a content script would; bench.json also holds the same ' +
        'walk from the page’s own world with scripts and styles (floorPageWorldMs).',
      'Firefox: the content scripts’ own clocks (performance marks of the benchmark build; performance.now() inside a ' +
        'minimal add-on that runs the floor, then naive mark.js, with the same regular expression, in its content ' +
        'script’s world).',
    ],
    heapPage: largest?.name ?? null,
    appendsCount: APPENDS,
    pages: pageRows,
    builds: summaries,
    firefoxSkipped: [...firefoxSkipped],
  };
  const md = renderMarkdown(report);
  mkdirSync(join(REPO_ROOT, 'artifacts'), { recursive: true });
  writeFileSync(
    join(REPO_ROOT, 'artifacts/bench.json'),
    `${JSON.stringify({ ...report, corpus, targets: summaries[0]?.verdicts ?? [] }, null, 2)}\n`,
  );
  writeFileSync(join(REPO_ROOT, 'artifacts/bench.md'), md);
  console.log(`\n${md}`);
  console.log('Wrote artifacts/bench.json and artifacts/bench.md');
}

/** One page's medians, per build, and the ratios taken within each run. */
function pageRow(page: BenchPage, runs: PageRun[], builds: Build[]): PageRow {
  const col = <T>(xs: T[], f: (x: T) => number) => spread(xs.map(f));
  const bases = runs.map((r) => r.base);
  const naives = runs.flatMap((r) => (r.naive ? [r.naive] : []));
  const current = builds.map((_, i) => runs.map((r) => r.ext[i]));
  const newHighlights = spread(runs.flatMap((r) => (r.ext[0] ? [r.ext[0].highlights] : [])))?.median ?? 0;
  const buildRows: BuildPageRow[] = builds.map((build, i) => {
    const passes = runs.map((r) => ({ base: r.base, ext: r.ext[i], fx: r.firefox[i] ?? null, naive: r.naive }));
    const ext = passes.flatMap((p) => (p.ext ? [{ ...p, ext: p.ext }] : []));
    const fx = passes.flatMap((p) => (p.fx ? [{ ...p, fx: p.fx }] : []));
    const matching = ext.flatMap((p) => (p.ext.matching ? [{ ...p, matching: p.ext.matching }] : []));
    const highlights = spread(ext.map((p) => p.ext.highlights))?.median ?? 0;
    const marks = ext.every((p) => p.ext.initialPassInWindow !== null);
    const readExpected = build.chromium.pageRead && highlights > 0;
    return {
      page: page.name,
      kind: page.kind,
      noMention: newHighlights === 0,
      highlights,
      extensionMs: spread(ext.map((p) => p.ext.extMs)),
      extOverFloor: spread(ext.map((p) => p.ext.extMs / p.base.floorMs)),
      extOverNaive: spread(ext.map((p) => p.ext.extMs / p.base.naiveMs)),
      longestTaskMs: spread(ext.map((p) => p.ext.longestTaskMs)),
      tasksOver16: spread(ext.map((p) => p.ext.tasksOver16)),
      tasksOver50: spread(ext.map((p) => p.ext.tasksOver50)),
      usPerHighlight: spread(
        ext.filter((p) => p.ext.highlights > 0).map((p) => (p.ext.extMs * 1000) / p.ext.highlights),
      ),
      initialPassWallMs: spread(
        ext.flatMap((p) => (p.ext.initialPassWallMs === null ? [] : [p.ext.initialPassWallMs])),
      ),
      allInWindow: marks
        ? ext.every((p) => p.ext.initialPassInWindow === true) &&
          (!readExpected || ext.every((p) => p.ext.matching?.inWindow === true))
        : null,
      readMs: spread(matching.map((p) => p.matching.readMs)),
      readOverFloor: spread(matching.map((p) => p.matching.readMs / p.base.floorMs)),
      readsAfterWindow: readExpected ? ext.filter((p) => p.ext.matching?.inWindow !== true).length : 0,
      backgroundMatchMs: spread(
        matching.flatMap((p) => (p.matching.backgroundMs === null ? [] : [p.matching.backgroundMs])),
      ),
      matchingRuns: matching.length,
      matchingAfterFirstPass: matching.every((p) => p.matching.afterFirstPass),
      firefoxScriptMs: spread(fx.map((p) => p.fx.scriptMs)),
      firefoxInitialPassMs: spread(fx.map((p) => p.fx.initialPassWallMs)),
      firefoxReadMs: spread(fx.flatMap((p) => (p.fx.readMs === null ? [] : [p.fx.readMs]))),
      firefoxOverNaive: spread(fx.flatMap((p) => (p.naive ? [p.fx.scriptMs / p.naive.naiveMs] : []))),
      firefoxLongestSliceMs: spread(fx.flatMap((p) => (p.fx.longestSliceMs === null ? [] : [p.fx.longestSliceMs]))),
      firefoxLate: fx.filter((p) => !p.fx.inWindow).length,
      firefoxRuns: fx.length,
    };
  });
  const perRun = (f: (r: PageRun) => number | null) => spread(runs.flatMap((r) => [f(r) ?? NaN]));
  return {
    page: page.name,
    kind: page.kind,
    textNodes: col(bases, (b) => b.textNodes)?.median ?? 0,
    floorMs: col(bases, (b) => b.floorMs),
    floorPageWorldMs: col(bases, (b) => b.floorPageWorldMs),
    naiveMs: col(bases, (b) => b.naiveMs),
    nativeReadMs: col(bases, (b) => b.nativeReadMs),
    pageWorldReadMs: col(bases, (b) => b.pageWorldReadMs),
    firefoxNaiveMs: col(naives, (n) => n.naiveMs),
    firefoxFloorMs: col(naives, (n) => n.floorMs),
    builds: buildRows,
    newOverOld:
      current.length > 1 ? perRun((r) => (r.ext[0] && r.ext[1] ? r.ext[0].extMs / r.ext[1].extMs : null)) : null,
    firefoxNewOverOld:
      current.length > 1
        ? perRun((r) => (r.firefox[0] && r.firefox[1] ? r.firefox[0].scriptMs / r.firefox[1].scriptMs : null))
        : null,
  };
}

if (ARGS.soakMinutes !== null) await soakMain(ARGS.soakMinutes);
else await main();
