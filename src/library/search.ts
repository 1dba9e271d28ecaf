/**
 * The library's text search: the one search rule (shared/ranking.ts) over the claims its filters keep.
 * A few words find the claims holding them all; a longer text (a sentence selected on a page and looked up
 * from the context menu) finds the claims it repeats first, then those it comes near.
 */
import type { Catalog } from '../shared/catalog/catalog.ts';
import { matcherOf } from '../shared/claimMatch/matcher.ts';
import type { IndexedClaim } from '../shared/claims.ts';
import { searchClaims as search, type SearchResult } from '../shared/ranking.ts';

export { wordsToSearch } from '../shared/ranking.ts';

export function searchLibrary(catalog: Catalog, claims: readonly IndexedClaim[], text: string): SearchResult {
  return search(claims, text, text.trim() ? matcherOf(catalog) : null);
}

/** The claims `text` finds among `claims`, most relevant first. */
export function searchClaims(catalog: Catalog, claims: readonly IndexedClaim[], text: string): IndexedClaim[] {
  return searchLibrary(catalog, claims, text).hits.map((hit) => hit.claim);
}
