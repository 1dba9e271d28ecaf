/**
 * Splits page text into sentences with their offsets. Intl.Segmenter where the
 * browser has it, a punctuation rule where it does not; either way a break
 * after an abbreviation ("U.S. President", "Mr. Smith") is undone, and a line
 * break always ends a sentence (headlines carry no full stop).
 */

export interface Sentence {
  text: string;
  /** Offsets into the text given, end exclusive. */
  start: number;
  end: number;
}

// A piece ending like this stopped at an abbreviation, not at the end of a sentence.
const ABBREVIATION =
  /(?:\b[A-Za-z]\.(?:[A-Za-z]\.)*|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|St|Inc|Corp|Co|Jr|Sr|No|vs|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec)\.)\s*$/;

type Segmenter = (text: string) => { index: number; segment: string }[];

function intlSegmenter(): Segmenter | undefined {
  if (typeof Intl === 'undefined' || typeof Intl.Segmenter !== 'function') return undefined;
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  return (text) => Array.from(segmenter.segment(text), ({ index, segment }) => ({ index, segment }));
}

/** The fallback: a break after . ! ? (and a closing quote) before whitespace. */
export const punctuationSegmenter: Segmenter = (text) => {
  const out: { index: number; segment: string }[] = [];
  const boundary = /[.!?]+["'”’)\]]*\s+/g;
  let start = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m.index + m[0].length;
    out.push({ index: start, segment: text.slice(start, end) });
    start = end;
  }
  if (start < text.length) out.push({ index: start, segment: text.slice(start) });
  return out;
};

export function splitSentences(text: string, segment: Segmenter = intlSegmenter() ?? punctuationSegmenter): Sentence[] {
  const out: Sentence[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    let pending: Sentence | undefined;
    for (const { index, segment: piece } of segment(line)) {
      const start = lineStart + index;
      const end = start + piece.length;
      pending = pending ? { text: pending.text + piece, start: pending.start, end } : { text: piece, start, end };
      if (!ABBREVIATION.test(piece)) {
        pushTrimmed(out, pending);
        pending = undefined;
      }
    }
    if (pending) pushTrimmed(out, pending);
    lineStart += line.length + 1;
  }
  return out;
}

function pushTrimmed(out: Sentence[], s: Sentence): void {
  const lead = s.text.length - s.text.trimStart().length;
  const text = s.text.trim();
  if (text) out.push({ text, start: s.start + lead, end: s.start + lead + text.length });
}
