/**
 * Whether a quote says again what the claim's statement already says, so a view
 * can fold it instead of printing the same sentence twice. The statement is the
 * reports' words paraphrased; the measure is how many of its content terms (the
 * shared reading of words: stop words out, numbers as digits, stems, so
 * "accessed" meets "access") the quote carries. Dates, names and numbers count
 * like any other word. A quote that says much more besides (most of its own
 * terms are not the statement's) adds to the claim, and is not folded.
 */
import { contentTerms } from '../shared/text/words.ts';

/** Share of the statement's content terms a quote must carry to count as saying the same. */
export const RESTATES_SHARE = 0.6;
/** Share of the quote's own terms that must be the statement's: below it, the quote tells more than the claim. */
export const OWN_TERMS_SHARE = 0.4;

export function restates(statement: string, quote: string): boolean {
  const said = new Set(contentTerms(statement));
  if (said.size === 0) return false;
  const quoted = new Set(contentTerms(quote));
  let carried = 0;
  for (const term of said) if (quoted.has(term)) carried++;
  return carried / said.size >= RESTATES_SHARE && carried / quoted.size >= OWN_TERMS_SHARE;
}
