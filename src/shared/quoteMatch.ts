/**
 * The one rule for finding a quote in a report, used by the build to verify
 * every quote (src/shared/verify/text.ts) and by the source viewer to highlight
 * it (src/viewer): a quote must appear word for word; only Unicode
 * composition (NFC), whitespace, and typographic variants of quotes,
 * apostrophes and dashes may differ.
 */
import { rememberRecent } from './text/recent.ts';

/**
 * A run of printable ASCII characters none of which carries a combining mark (each folds to itself), a base
 * character with its combining marks, a run of whitespace, or stray marks: each folded as one.
 */
const CLUSTER = /[!-~]+(?!\p{M})|\s+|\P{M}\p{M}*|\p{M}+/gsu;

const printableAscii = (code: number) => code >= 0x21 && code <= 0x7e;

/**
 * Whether CLUSTER matched its first alternative. Whitespace and marks are never printable ASCII, and a printable
 * ASCII character that carries a mark is matched with its mark, which ends the cluster.
 */
const isAsciiRun = (cluster: string) =>
  printableAscii(cluster.charCodeAt(0)) && printableAscii(cluster.charCodeAt(cluster.length - 1));

function foldCluster(cluster: string): string {
  if (/^\s/.test(cluster)) return ' ';
  return cluster
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

interface Folded {
  text: string;
  /** For each character of `text`, where its cluster starts and ends in the original. */
  start: number[];
  end: number[];
}

function foldText(original: string): Folded {
  const pieces: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let afterSpace = true;
  for (const match of original.matchAll(CLUSTER)) {
    const cluster = match[0];
    const at = match.index;
    if (isAsciiRun(cluster)) {
      // Every character is its own cluster.
      pieces.push(cluster);
      for (let i = 0; i < cluster.length; i++) {
        start.push(at + i);
        end.push(at + i + 1);
      }
      afterSpace = false;
      continue;
    }
    const piece = foldCluster(cluster);
    // Whitespace at the start is dropped, and a run of it is one space.
    if (piece === ' ' && afterSpace) continue;
    pieces.push(piece);
    for (let i = 0; i < piece.length; i++) {
      start.push(at);
      end.push(at + cluster.length);
    }
    afterSpace = piece.endsWith(' ');
  }
  let text = pieces.join('');
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    start.pop();
    end.pop();
  }
  return { text, start, end };
}

/**
 * A document is folded once, however many quotes are looked for in it: every document of the largest claim
 * pack is kept (src/shared/packs/limits.ts), so verifying one folds each document once.
 */
const fold = rememberRecent(foldText, { texts: 64, chars: 4_500_000 });

/** The text as quotes are compared. */
export function normalizeForMatch(text: string): string {
  return fold(text).text;
}

export function containsVerbatim(source: string, quote: string): boolean {
  const needle = normalizeForMatch(quote);
  return needle.length > 0 && normalizeForMatch(source).includes(needle);
}

/** Where `quote` is in `text`, as a range of `text` itself; null when it is not there. */
export function locateQuote(text: string, quote: string): { start: number; length: number } | null {
  const doc = fold(text);
  const needle = normalizeForMatch(quote);
  if (!needle) return null;
  const at = doc.text.indexOf(needle);
  if (at < 0) return null;
  const start = doc.start[at] ?? 0;
  const end = doc.end[at + needle.length - 1] ?? start;
  return { start, length: end - start };
}
