/**
 * Whether a quote says again what the claim's statement already says, so a view
 * can fold it instead of printing the same sentence twice. The statement is the
 * reports' words paraphrased; the measure is how many of its content words
 * (four letters or more, compared by their first five letters so "accessed" meets
 * "access") the quote carries. Dates, names and numbers count like any other word.
 */
const STOPWORDS = new Set(
  'that this with from have were their they about said says which would there been into also than them what when where while will your just more most other some such only over then these those after before being both does each very report reports reported'.split(
    ' ',
  ),
);

/** Share of the statement's content words a quote must carry to count as saying the same. */
export const RESTATES_SHARE = 0.6;

function contentWords(text: string): Set<string> {
  const words =
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(
    words.filter((w) => (w.length >= 4 || /\p{N}/u.test(w)) && !STOPWORDS.has(w)).map((w) => w.slice(0, 5)),
  );
}

export function restates(statement: string, quote: string): boolean {
  const said = contentWords(statement);
  if (said.size === 0) return false;
  const quoted = contentWords(quote);
  let carried = 0;
  for (const word of said) if (quoted.has(word)) carried++;
  return carried / said.size >= RESTATES_SHARE;
}
