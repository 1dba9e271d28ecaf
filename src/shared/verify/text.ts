/**
 * Text matching for quote verification. The matching rule itself is shared
 * with the source viewer (src/shared/quoteMatch.ts); this adds what only the
 * build needs: finding the passage closest to a quote that does not match,
 * read with the words and sentences every other comparison uses.
 */
import { splitSentences } from '../text/sentences.ts';
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

/** The passage of `source` (one to three consecutive sentences) most like `quote`. */
export function closestPassage(source: string, quote: string): string {
  const target = wordBigrams(quote);
  const parts = splitSentences(source).map((sentence) => sentence.text);
  let best = { score: -1, text: '' };
  for (let i = 0; i < parts.length; i++) {
    for (let span = 1; span <= 3 && i + span <= parts.length; span++) {
      const text = parts.slice(i, i + span).join(' ');
      const score = dice(target, wordBigrams(text));
      if (score > best.score) best = { score, text };
    }
  }
  return best.text;
}

export function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').trim();
}
