/** artifacts/bench.md: one table per browser, side by side with the earlier build when there is one. */
import type { BuildPage, Verdict } from './targets.ts';
import { verdictLines } from './targets.ts';
import { describeSizes, type ScriptSizes } from './sizes.ts';
import { fmt, type Spread } from './stats.ts';

/** One page's figures for one build, beyond what the targets judge. */
export interface BuildPageRow extends BuildPage {
  extensionMs: Spread | null;
  tasksOver16: Spread | null;
  tasksOver50: Spread | null;
  usPerHighlight: Spread | null;
  initialPassWallMs: Spread | null;
  readMs: Spread | null;
  /** Runs whose page read ended after the window. */
  readsAfterWindow: number;
  backgroundMatchMs: Spread | null;
  firefoxScriptMs: Spread | null;
  firefoxInitialPassMs: Spread | null;
  firefoxReadMs: Spread | null;
  /** Firefox runs in which something ended after the window. */
  firefoxLate: number;
}

export interface PageRow {
  page: string;
  kind: BuildPage['kind'];
  textNodes: number;
  floorMs: Spread | null;
  floorPageWorldMs: Spread | null;
  naiveMs: Spread | null;
  nativeReadMs: Spread | null;
  pageWorldReadMs: Spread | null;
  firefoxNaiveMs: Spread | null;
  firefoxFloorMs: Spread | null;
  /** [current build, earlier build when --against]. */
  builds: BuildPageRow[];
  /** Per run: current / earlier extension time, Chromium and Firefox. */
  newOverOld: Spread | null;
  firefoxNewOverOld: Spread | null;
}

export interface BuildSummary {
  label: string;
  commit: string | null;
  appends: { scale: number; latencyMs: Spread | null; missed: number; extMsPerAppend: Spread | null }[];
  firstVisibleMs: Spread | null;
  heapAddedBytes: Spread | null;
  sizes: ScriptSizes | null;
  verdicts: Verdict[];
  firefoxMeasured: boolean;
}

export interface Report {
  command: string;
  date: string;
  machine: string;
  runs: number;
  method: string[];
  heapPage: string | null;
  appendsCount: number;
  pages: PageRow[];
  builds: BuildSummary[];
  firefoxSkipped: string[];
}

const cell = (s: Spread | null, digits = 1) => fmt(s, digits);
/** A build's extension time, marked † when some of its work (initial pass, page read) ended after the window. */
const extension = (b: BuildPageRow | undefined) =>
  `${cell(b?.extensionMs ?? null)}${b?.allInWindow === false ? ' †' : ''}`;
const ratio = (s: Spread | null) => fmt(s, 2);

function table(header: string[], align: ('l' | 'r')[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${align.map((a) => (a === 'l' ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

export function renderMarkdown(report: Report): string {
  const [current, earlier] = report.builds;
  if (!current) throw new Error('no build measured');
  const old = earlier?.label;
  const lines: string[] = [];
  lines.push(`Command: \`${report.command}\` · ${report.date.slice(0, 10)} · ${report.machine}`);
  lines.push('');
  lines.push(
    `Medians of ${String(report.runs)} runs, (min–max). Ratios are computed within each run, then the median taken.` +
      (old
        ? ` Side by side: this build ("new") and ${old} ("${old}", commit ${earlier.commit ?? '?'}), each in a browser of its own, loaded in turn on every page of every run.`
        : ''),
  );
  for (const m of report.method) lines.push(`- ${m}`);
  lines.push('');

  // Chromium.
  lines.push(
    '**Chromium**: main-thread ms, from CPU-profile samples, in the window (the page’s start to 2.5 s after its load event)',
  );
  lines.push('');
  const chHeader = ['page', 'text nodes', 'highlights', 'floor', 'naive mark.js', old ? 'new' : 'extension'];
  if (old) chHeader.push(old);
  chHeader.push(old ? 'new/floor' : 'ext/floor');
  if (old) chHeader.push(`${old}/floor`, `new/${old}`);
  chHeader.push(old ? 'new/naive' : 'ext/naive', 'longest task');
  if (old) chHeader.push(`${old} longest task`);
  chHeader.push('tasks >16 ms', 'page read (read/floor)');
  const chRows = report.pages.map((p) => {
    const [n, o] = p.builds;
    const highlights =
      n && o && o.highlights !== n.highlights
        ? `${String(n.highlights)} (${old ?? ''}: ${String(o.highlights)})`
        : String(n?.highlights ?? '');
    const read =
      n?.readMs != null
        ? `${fmt(n.readMs, 2)} (${ratio(n.readOverFloor)})${n.readsAfterWindow > 0 ? `, ${String(n.readsAfterWindow)} after the window` : ''}`
        : '';
    const row = [p.page, String(p.textNodes), highlights, cell(p.floorMs), cell(p.naiveMs), extension(n)];
    if (old) row.push(extension(o));
    row.push(ratio(n?.extOverFloor ?? null));
    if (old) row.push(ratio(o?.extOverFloor ?? null), ratio(p.newOverOld));
    row.push(ratio(n?.extOverNaive ?? null), cell(n?.longestTaskMs ?? null));
    if (old) row.push(cell(o?.longestTaskMs ?? null));
    row.push(fmt(n?.tasksOver16 ?? null, 0), read);
    return row;
  });
  lines.push(
    ...table(
      chHeader,
      chHeader.map((_, i) => (i === 0 ? 'l' : 'r')),
      chRows,
    ),
  );
  lines.push('');
  for (const b of report.builds) {
    const who = b === current ? (old ? 'new' : 'this build') : b.label;
    const appends = b.appends
      .map(
        (a) =>
          `scaled-${String(a.scale)}x ${fmt(a.latencyMs, 1, ' ms')} (${String(a.missed)} not highlighted within 1 s), ${fmt(a.extMsPerAppend, 3, ' ms')} of extension time per append`,
      )
      .join('; ');
    const heap = b.heapAddedBytes
      ? `${(b.heapAddedBytes.median / 1024).toFixed(0)} KiB (${(b.heapAddedBytes.min / 1024).toFixed(0)}–${(b.heapAddedBytes.max / 1024).toFixed(0)})`
      : 'n/a';
    lines.push(
      `- ${who}: content script start → first highlight inside the viewport (mention-dense): ${fmt(b.firstVisibleMs, 1, ' ms')}`,
    );
    if (appends)
      lines.push(
        `- ${who}: ${String(report.appendsCount)} paragraphs appended one by one, append → highlight: ${appends}`,
      );
    lines.push(
      `- ${who}: JS heap added on the largest page (${report.heapPage ?? 'n/a'}), after the window and a GC: ${heap}`,
    );
    lines.push(`- ${who}: ${b.sizes ? describeSizes(b.sizes) : 'sizes n/a'}`);
  }
  lines.push('');

  // Firefox.
  lines.push(
    '**Firefox**: ms by the content scripts’ own clocks (no CPU profiler). Claimlight: its initial-pass measure ' +
      '(wall time from its start to its first highlights, slices and the gaps between them) plus its page read’s own ' +
      'busy time, read 2.5 s after the load event; naive mark.js and the floor: timed inside a minimal add-on’s content script',
  );
  lines.push('');
  const sliceExposed = report.pages.some((p) => p.builds.some((b) => b.firefoxLongestSliceMs !== null));
  const fxHeader = ['page', 'highlights', 'floor', 'naive mark.js', old ? 'new' : 'Claimlight'];
  if (old) fxHeader.push(old);
  fxHeader.push(old ? 'new/naive' : 'Claimlight/naive');
  if (old) fxHeader.push(`${old}/naive`, `new/${old}`);
  fxHeader.push('initial pass', 'page read', 'late runs');
  if (sliceExposed) fxHeader.push('longest slice');
  const fxRows = report.pages.map((p) => {
    const [n, o] = p.builds;
    const row = [
      p.page,
      String(n?.highlights ?? ''),
      cell(p.firefoxFloorMs),
      cell(p.firefoxNaiveMs),
      cell(n?.firefoxScriptMs ?? null),
    ];
    if (old) row.push(cell(o?.firefoxScriptMs ?? null));
    row.push(ratio(n?.firefoxOverNaive ?? null));
    if (old) row.push(ratio(o?.firefoxOverNaive ?? null), ratio(p.firefoxNewOverOld));
    row.push(
      cell(n?.firefoxInitialPassMs ?? null),
      n?.firefoxReadMs ? fmt(n.firefoxReadMs, 2) : '',
      String(n?.firefoxLate ?? ''),
    );
    if (sliceExposed) row.push(cell(n?.firefoxLongestSliceMs ?? null));
    return row;
  });
  lines.push(
    ...table(
      fxHeader,
      fxHeader.map((_, i) => (i === 0 ? 'l' : 'r')),
      fxRows,
    ),
  );
  lines.push('');
  if (!sliceExposed)
    lines.push(
      "- Longest content-script slice by the script's own clock: not exposed (the benchmark build marks no slice timings).",
    );
  if (earlier && !earlier.firefoxMeasured)
    lines.push(`- ${earlier.label} in Firefox: not measured (its build emits no performance marks).`);
  for (const s of report.firefoxSkipped) lines.push(`- Firefox, not measured: ${s}`);
  lines.push('');

  lines.push('**Targets**');
  lines.push('');
  lines.push(
    ...verdictLines(current.verdicts, earlier ? { label: earlier.label, verdicts: earlier.verdicts } : undefined),
  );
  lines.push('');
  return lines.join('\n');
}
