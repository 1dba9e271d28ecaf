/**
 * The library's text search: the one search rule (shared/ranking.ts) over the claims its filters keep.
 * A few words find the claims holding them all; a longer text (a sentence selected on a page and looked up
 * from the context menu) finds the claims it repeats first, then those it comes near.
 */
import { companyName, type Catalog } from '../shared/catalog/catalog.ts';
import { matcherOf } from '../shared/claimMatch/matcher.ts';
import type { IndexedClaim } from '../shared/claims.ts';
import { searchClaims as search, wordsToSearch as suggest, type SearchResult } from '../shared/ranking.ts';

export function searchLibrary(catalog: Catalog, claims: readonly IndexedClaim[], text: string): SearchResult {
  return search(claims, text, text.trim() ? matcherOf(catalog) : null, (id) => companyName(catalog, id));
}

/** A few words of `text` worth searching `claims` for, when it repeats none of them (see `wordsToSearch`). */
export function wordsToSearch(catalog: Catalog, claims: readonly IndexedClaim[], text: string): string {
  return suggest(claims, text, (id) => companyName(catalog, id));
}

/** The claims `text` finds among `claims`, most relevant first. */
export function searchClaims(catalog: Catalog, claims: readonly IndexedClaim[], text: string): IndexedClaim[] {
  return searchLibrary(catalog, claims, text).hits.map((hit) => hit.claim);
}
