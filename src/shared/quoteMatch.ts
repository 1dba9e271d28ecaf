/**
 * The one rule for finding a quote in a report, used by the build to verify
 * every quote (src/shared/verify/text.ts) and by the source viewer to highlight
 * it (src/viewer): a quote must appear word for word; only Unicode
 * composition (NFC), whitespace, and typographic variants of quotes,
 * apostrophes and dashes may differ.
 */

/** A base character with its combining marks, a run of whitespace, or stray marks: folded as one. */
const CLUSTER = /\s+|\P{M}\p{M}*|\p{M}+/gsu;

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

function fold(original: string): Folded {
  const folded: Folded = { text: '', start: [], end: [] };
  for (const match of original.matchAll(CLUSTER)) {
    const piece = foldCluster(match[0]);
    // Whitespace at the start is dropped, and a run of it is one space.
    if (piece === ' ' && (folded.text === '' || folded.text.endsWith(' '))) continue;
    for (let i = 0; i < piece.length; i++) {
      folded.start.push(match.index);
      folded.end.push(match.index + match[0].length);
    }
    folded.text += piece;
  }
  if (folded.text.endsWith(' ')) {
    folded.text = folded.text.slice(0, -1);
    folded.start.pop();
    folded.end.pop();
  }
  return folded;
}

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
