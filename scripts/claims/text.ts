/**
 * Text matching for quote verification. A quote must appear in its source
 * word for word; only whitespace and typographic variants of quotes,
 * apostrophes and dashes may differ.
 */

export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

export function containsVerbatim(source: string, quote: string): boolean {
  const needle = normalizeForMatch(quote);
  return needle.length > 0 && normalizeForMatch(source).includes(needle);
}

function wordBigrams(text: string): Set<string> {
  const words = normalizeForMatch(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const grams = new Set<string>();
  if (words.length === 1) grams.add(words.join(''));
  for (let i = 0; i + 1 < words.length; i++) grams.add(`${words[i] ?? ''} ${words[i + 1] ?? ''}`);
  return grams;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Splits a document into sentences, keeping closing quotation marks with their sentence. */
export function sentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?]["'”’]?)\s+(?=["'“‘]?\p{Lu})/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The passage of `source` (one to three consecutive sentences) most like `quote`. */
export function closestPassage(source: string, quote: string): string {
  const target = wordBigrams(quote);
  const parts = sentences(source);
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
