/**
 * The library's text search. A few words find the claims that contain them all; a longer text (a sentence
 * selected on a page and looked up from the context menu) finds the claims it says or comes near, by the
 * claim matcher. Either way the most relevant come first, ranked as the card and popup rank by a page.
 */
import { rankClaimsByText } from '../shared/claimMatch/match.ts';
import { theMatcher } from '../shared/claimMatch/matcher.ts';
import type { IndexedClaim } from '../shared/claims.ts';

/** From this many words on, a query is read as text to match rather than words to find. */
const TEXT_QUERY_WORDS = 4;
/** A longer text's claims: those it repeats, and those its words come at least this near. */
const MIN_RELEVANCE = 0.2;

function containsAll(claim: IndexedClaim, words: readonly string[]): boolean {
  const haystack = [claim.statement, claim.attribution, claim.note ?? '', ...claim.evidence.map(([, quote]) => quote)]
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** The claims `text` finds among `claims`, most relevant first. */
export function searchClaims(claims: readonly IndexedClaim[], text: string): IndexedClaim[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [...claims];
  const words = needle.split(/\s+/);
  // The reader chose the text: it is read as about the story, so its sentences may match on their own.
  const relevance = new Map(
    rankClaimsByText(needle, theMatcher(), new Set(claims.map((c) => c.id)), true).map((m) => [m.claimId, m.score]),
  );
  const found =
    words.length < TEXT_QUERY_WORDS
      ? claims.filter((claim) => containsAll(claim, words))
      : claims.filter((claim) => (relevance.get(claim.id) ?? 0) >= MIN_RELEVANCE || containsAll(claim, words));
  // Stable: claims of equal relevance keep the library's order.
  return [...found].sort((a, b) => (relevance.get(b.id) ?? 0) - (relevance.get(a.id) ?? 0));
}
