/**
 * Finds a quote in a document the way the build verified it: whitespace and
 * typographic quotes, apostrophes and dashes may differ. Returns the range in
 * the document's own text.
 */
const TYPOGRAPHIC: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
};

/** The text folded for matching, and for each folded character the index of its source character. */
function fold(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const raw = text[i] ?? '';
    if (/\s/.test(raw)) {
      if (!space && folded.length > 0) {
        folded += ' ';
        origin.push(i);
      }
      space = true;
      continue;
    }
    space = false;
    const ch = TYPOGRAPHIC[raw] ?? (/[\u2010-\u2015\u2212]/.test(raw) ? '-' : raw);
    folded += ch;
    origin.push(i);
  }
  return { folded: folded.trimEnd(), origin };
}

export function locateQuote(text: string, quote: string): { start: number; length: number } | null {
  const doc = fold(text);
  const needle = fold(quote).folded;
  if (!needle) return null;
  const at = doc.folded.indexOf(needle);
  if (at < 0) return null;
  const start = doc.origin[at] ?? 0;
  const end = (doc.origin[at + needle.length - 1] ?? start) + 1;
  return { start, length: end - start };
}
