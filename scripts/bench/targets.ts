/**
 * The benchmark's targets, judged per build from its figures (run.ts
 * gathers them). Pure, so the judgement is unit-tested.
 */
import type { BenchPage } from './pages.ts';
import { fmt, type Spread } from './stats.ts';

export const FRAME_MS = 1000 / 60;
export const LIMITS = {
  noMentionOverFloor: 1.0,
  articleOverFloor: 2.5,
  firstVisibleMs: 33,
  firefoxOverNaive: 1.0,
  sliceMs: 16,
  taskMs: 16,
  denseOverNaive: 1.0,
  denseOverFloor: 5,
  readOverFloor: 1,
  hostileHighlights: 2000,
  hostileTaskMs: 50,
} as const;

export type Status = 'met' | 'MISSED' | 'not measured';

export interface Verdict {
  target: string;
  status: Status;
  detail: string;
}

/** One page's figures for one build (medians over the runs, ratios taken within each run). */
export interface BuildPage {
  page: string;
  kind: BenchPage['kind'];
  /** Whether the current build highlights nothing on the page: the no-mention pages, the same for every build. */
  noMention: boolean;
  highlights: number;
  extOverFloor: Spread | null;
  extOverNaive: Spread | null;
  longestTaskMs: Spread | null;
  /**
   * Whether, in every run, the initial pass and (on a page with a highlight, for a build that reads the
   * page) the page read were over inside the window; null when the build emits no marks to tell.
   */
  allInWindow: boolean | null;
  /** Page-aware matching: its read's cost over the floor, runs in which it ran, whether always after the first pass. */
  readOverFloor: Spread | null;
  matchingRuns: number;
  matchingAfterFirstPass: boolean;
  /** Firefox: the script's own time over naive mark.js's in Firefox. */
  firefoxOverNaive: Spread | null;
  /** Firefox: the longest slice by the script's own clock; null when the build does not expose its slices. */
  firefoxLongestSliceMs: Spread | null;
  firefoxRuns: number;
}

export interface BuildFigures {
  label: string;
  pages: BuildPage[];
  /** Content script start to first highlight inside the viewport, mention-dense page. */
  firstVisibleMs: Spread | null;
  appends: { scale: number; latencyMs: Spread | null; missed: number; extMsPerAppend: Spread | null }[];
}

const median = (s: Spread | null) => s?.median ?? Infinity;
const verdict = (target: string, measured: boolean, met: boolean, detail: string): Verdict => ({
  target,
  status: measured ? (met ? 'met' : 'MISSED') : 'not measured',
  detail,
});

export function evaluateTargets(build: BuildFigures): Verdict[] {
  const pages = build.pages;
  const noMention = pages.filter((p) => p.noMention);
  const article = pages.find((p) => p.kind === 'article');
  const dense = pages.find((p) => p.kind === 'dense');
  const hostile = pages.find((p) => p.kind === 'hostile');
  const matched = pages.filter((p) => p.matchingRuns > 0 && p.kind !== 'hostile' && p.kind !== 'dense');
  const firefoxPages = [dense, hostile].filter((p): p is BuildPage => p !== undefined && p.firefoxRuns > 0);
  const sliced = pages.filter((p) => p.firefoxLongestSliceMs !== null);
  const one = build.appends.find((a) => a.scale === 1)?.extMsPerAppend?.median;
  const sixteen = build.appends.find((a) => a.scale === 16)?.extMsPerAppend?.median;
  const longest = Math.max(0, ...pages.map((p) => p.longestTaskMs?.max ?? 0));

  return [
    verdict(
      `pages without a mention: extension ≤ ${LIMITS.noMentionOverFloor.toFixed(1)} × floor (2.5 s window), on every such page`,
      noMention.length > 0,
      noMention.every((p) => median(p.extOverFloor) <= LIMITS.noMentionOverFloor),
      (() => {
        const worst = [...noMention].sort((a, b) => median(b.extOverFloor) - median(a.extOverFloor));
        const within = noMention.filter((p) => median(p.extOverFloor) <= LIMITS.noMentionOverFloor).length;
        return noMention.length === 0
          ? ''
          : `${String(within)} of ${String(noMention.length)} pages within; highest ${worst
              .slice(0, 3)
              .map((p) => `${p.page} ${fmt(p.extOverFloor, 2)}`)
              .join(', ')}`;
      })(),
    ),
    verdict(
      `the long article with about 100 mentions: extension ≤ ${LIMITS.articleOverFloor.toFixed(1)} × floor, everything (highlights and the page read) inside the 2.5 s window`,
      article !== undefined && article.extOverFloor !== null,
      article !== undefined && median(article.extOverFloor) <= LIMITS.articleOverFloor && article.allInWindow !== false,
      article
        ? `${fmt(article.extOverFloor, 2)} × floor; ${
            article.allInWindow === null
              ? 'the build emits no marks to tell what ended inside the window'
              : article.allInWindow
                ? 'all inside the window'
                : 'NOT all inside the window'
          }`
        : '',
    ),
    verdict(
      `first highlight inside the viewport ≤ ${String(LIMITS.firstVisibleMs)} ms after the content script starts (median, mention-dense page)`,
      build.firstVisibleMs !== null,
      median(build.firstVisibleMs) <= LIMITS.firstVisibleMs,
      build.firstVisibleMs ? fmt(build.firstVisibleMs, 1, ' ms') : '',
    ),
    verdict(
      `Firefox: mention-dense and 100,000-mention pages ≤ ${LIMITS.firefoxOverNaive.toFixed(1)} × naive mark.js in Firefox`,
      firefoxPages.length === 2,
      firefoxPages.length === 2 && firefoxPages.every((p) => median(p.firefoxOverNaive) <= LIMITS.firefoxOverNaive),
      firefoxPages.map((p) => `${p.page} ${fmt(p.firefoxOverNaive, 2)}`).join('; '),
    ),
    verdict(
      `Firefox: no content-script slice over ${String(LIMITS.sliceMs)} ms by the script's own clock`,
      sliced.length > 0,
      sliced.every((p) => (p.firefoxLongestSliceMs?.max ?? Infinity) <= LIMITS.sliceMs),
      sliced.length > 0
        ? `longest ${Math.max(...sliced.map((p) => p.firefoxLongestSliceMs?.max ?? 0)).toFixed(1)} ms`
        : 'not exposed: the benchmark build marks no slice timings',
    ),
    verdict(
      `Chromium: no extension task over ${String(LIMITS.taskMs)} ms (2.5 s window)`,
      pages.some((p) => p.longestTaskMs !== null),
      longest <= LIMITS.taskMs,
      `longest ${longest.toFixed(1)} ms${
        longest > LIMITS.taskMs
          ? ` (${pages
              .filter((p) => (p.longestTaskMs?.max ?? 0) > LIMITS.taskMs)
              .map((p) => p.page)
              .slice(0, 4)
              .join(', ')})`
          : ''
      }`,
    ),
    verdict(
      'Chromium: append-to-highlight within one frame (16.7 ms)',
      build.appends.length > 0,
      build.appends.every((a) => a.missed === 0 && median(a.latencyMs) <= FRAME_MS),
      build.appends
        .map((a) => `${String(a.scale)}x ${fmt(a.latencyMs, 1, ' ms')}, ${String(a.missed)} missed`)
        .join('; '),
    ),
    verdict(
      'Chromium: cost per append flat from 1x to 16x (16x ≤ 1.5 × 1x + 0.05 ms)',
      one !== undefined && sixteen !== undefined,
      one !== undefined && sixteen !== undefined && sixteen <= one * 1.5 + 0.05,
      build.appends.map((a) => `${String(a.scale)}x ${fmt(a.extMsPerAppend, 3, ' ms')}`).join('; '),
    ),
    verdict(
      `Chromium: page-aware matching reads the page for ≤ ${LIMITS.readOverFloor.toFixed(1)} floor on every page with a mention`,
      matched.length > 0,
      matched.every((p) => median(p.readOverFloor) <= LIMITS.readOverFloor),
      (() => {
        const over = matched.filter((p) => median(p.readOverFloor) > LIMITS.readOverFloor);
        return over.length > 0
          ? over.map((p) => `${p.page} ${fmt(p.readOverFloor, 2)}`).join('; ')
          : matched.length > 0
            ? `all ${String(matched.length)} pages within`
            : '';
      })(),
    ),
    // No verdict on when the read starts: since issue 24 (decision 3) the page is read along the first pass, in
    // the same walk as the highlights, and only its cost counts (the verdict above). bench.json still records
    // whether a read began after the first pass (`matchingAfterFirstPass`).
    verdict(
      `Chromium: mention-dense: extension ≤ ${LIMITS.denseOverNaive.toFixed(1)} × naive mark.js`,
      dense?.extOverNaive != null,
      median(dense?.extOverNaive ?? null) <= LIMITS.denseOverNaive,
      dense ? fmt(dense.extOverNaive, 2) : '',
    ),
    verdict(
      `Chromium: mention-dense: extension ≤ ${LIMITS.denseOverFloor.toFixed(1)} × floor`,
      dense?.extOverFloor != null,
      median(dense?.extOverFloor ?? null) <= LIMITS.denseOverFloor,
      dense ? fmt(dense.extOverFloor, 2) : '',
    ),
    verdict(
      `Chromium: the 100,000-mention page: highlights capped at 2,000, no extension task over ${String(LIMITS.hostileTaskMs)} ms`,
      hostile?.longestTaskMs != null,
      hostile !== undefined &&
        hostile.highlights === LIMITS.hostileHighlights &&
        (hostile.longestTaskMs?.max ?? Infinity) <= LIMITS.hostileTaskMs,
      hostile ? `${String(hostile.highlights)} highlights, longest task ${fmt(hostile.longestTaskMs)} ms` : '',
    ),
  ];
}

/** One line per target: the current build's verdict, then the earlier build's when there is one. */
export function verdictLines(current: Verdict[], earlier?: { label: string; verdicts: Verdict[] }): string[] {
  return current.map((v, i) => {
    const line = `- ${v.status}: ${v.target}${v.detail ? ` (${v.detail})` : ''}`;
    const old = earlier?.verdicts[i];
    if (!earlier || !old) return line;
    return `${line}\n  - earlier build ${earlier.label}: ${old.status}${old.detail ? ` (${old.detail})` : ''}`;
  });
}
