/**
 * Text matching for quote verification. The matching rule itself is shared
 * with the source viewer (src/shared/quoteMatch.ts); this adds what only the
 * build needs: finding the passage closest to a quote that does not match,
 * read with the words and sentences every other comparison uses.
 */
import { splitSentences } from '../text/sentences.ts';
import { rememberRecent } from '../text/recent.ts';
import { words } from '../text/words.ts';

export { containsVerbatim, normalizeForMatch } from '../quoteMatch.ts';

function wordBigrams(text: string): Set<string> {
  const list = words(text);
  const grams = new Set<string>();
  if (list.length === 1) grams.add(list.join(''));
  for (let i = 0; i + 1 < list.length; i++) grams.add(`${list[i] ?? ''} ${list[i + 1] ?? ''}`);
  return grams;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * Every run of one to three consecutive sentences of a document, with its bigrams, in document order. They
 * take several times the document's size, so only the last two documents' are kept.
 */
const passagesOf = rememberRecent(
  (source: string) => {
    const parts = splitSentences(source).map((sentence) => sentence.text);
    const passages: { text: string; grams: Set<string> }[] = [];
    for (let i = 0; i < parts.length; i++) {
      for (let span = 1; span <= 3 && i + span <= parts.length; span++) {
        const text = parts.slice(i, i + span).join(' ');
        passages.push({ text, grams: wordBigrams(text) });
      }
    }
    return passages;
  },
  { texts: 2, chars: 1_100_000 },
);

/** The passage of `source` (one to three consecutive sentences) most like `quote`. */
export function closestPassage(source: string, quote: string): string {
  const target = wordBigrams(quote);
  let best = { score: -1, text: '' };
  for (const passage of passagesOf(source)) {
    const score = dice(target, passage.grams);
    if (score > best.score) best = { score, text: passage.text };
  }
  return best.text;
}

/** Finds closest passages for missing quotes: for at most `limit` of them, then none. */
export type ClosestFinder = (source: string, quote: string) => string | undefined;

/**
 * A closest-passage finder for one verification. Each passage search in a new document costs about a second
 * per 500 KB, so a claim pack's verification looks for at most `limit`: the first problems show the way, and
 * a pack with hundreds of missing quotes is still refused quickly.
 */
export function closestFinder(limit: number): ClosestFinder {
  let left = limit;
  return (source, quote) => (left-- > 0 ? closestPassage(source, quote) : undefined);
}

export function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').trim();
}
