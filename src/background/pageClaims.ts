/**
 * Matches a page's sentences to the claims, here rather than in the page: the
 * matcher and its data load once in the background, never into pages, and
 * matching a long page takes no time on the page's main thread. Results are
 * kept per tab in storage.session for the popup (never written to disk).
 */
import browser from '../shared/browser.ts';
import { readPage } from '../shared/claimMatch/match.ts';
import type { Catalog } from '../shared/catalog/catalog.ts';
import { matcherOf } from '../shared/claimMatch/matcher.ts';
import { parsePageClaims, sentenceIds, type PageClaims, type SentenceHit } from '../shared/pageClaims.ts';
import { pageClaimsKey } from '../shared/sessionKeys.ts';

declare const __CLAIMLIGHT_BENCH__: boolean;

/** Blocks are joined with a blank line: the segmenter ends a sentence at every line break. */
const JOIN = '\n\n';

export interface PageMatch {
  hits: SentenceHit[];
  page: PageClaims;
}

/** The sentences of `blocks` that repeat claims (with offsets inside their block), and the page's summary. */
export function matchPage(catalog: Catalog, blocks: readonly string[]): PageMatch {
  const began = performance.now();
  const match = matchBlocks(catalog, blocks);
  // The benchmark reads how long matching took here, off the page's thread; the shipped build has no marks.
  if (__CLAIMLIGHT_BENCH__) performance.measure('claimlight:match', { start: began, end: performance.now() });
  return match;
}

function matchBlocks(catalog: Catalog, blocks: readonly string[]): PageMatch {
  const text = blocks.join(JOIN);
  const starts: number[] = [];
  let at = 0;
  for (const block of blocks) {
    starts.push(at);
    at += block.length + JOIN.length;
  }
  const blockAt = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // One reading of the text gives the marked sentences, whether the page relates to the story, and the ranking.
  const reading = readPage(text, matcherOf(catalog));
  const entityOf = entitiesByClaim(catalog);
  const hits: SentenceHit[] = [];
  const sentences: PageClaims['sentences'] = [];
  // Each sentence's id travels with it to the popup and back to the page (never its position in a list).
  const ids = sentenceIds(reading.matches.map((sentence) => sentence.text));
  reading.matches.forEach((sentence, i) => {
    const id = ids[i] ?? '';
    const block = blockAt(sentence.start);
    const base = starts[block] ?? 0;
    const claims = sentence.matches.map((match) => match.claimId);
    const entity = entityOf.get(claims[0] ?? '');
    if (!entity) return;
    hits.push({
      id,
      block,
      start: sentence.start - base,
      end: Math.min(sentence.end, base + (blocks[block]?.length ?? 0)) - base,
      claims,
      entity,
    });
    sentences.push({ id, text: sentence.text.trim(), claims });
  });
  const ranked = reading.ranked.map((match) => match.claimId);
  return { hits, page: { sentences, aboutStory: reading.relates, ranked } };
}

/** Each claim's main company (its first), by claim id. */
const mainCompanies = new WeakMap<Catalog, Map<string, string | undefined>>();
function entitiesByClaim(catalog: Catalog): Map<string, string | undefined> {
  let found = mainCompanies.get(catalog);
  if (!found)
    mainCompanies.set(catalog, (found = new Map(catalog.index.claims.map((claim) => [claim.id, claim.entities[0]]))));
  return found;
}

export async function recordPageClaims(tabId: number, page: PageClaims): Promise<void> {
  await browser.storage.session.set({ [pageClaimsKey(tabId)]: page });
}

export async function pageClaimsOf(tabId: number): Promise<PageClaims | null> {
  const stored: unknown = (await browser.storage.session.get(pageClaimsKey(tabId)))[pageClaimsKey(tabId)];
  return parsePageClaims(stored);
}

export async function forgetPageClaims(tabId: number): Promise<void> {
  await browser.storage.session.remove(pageClaimsKey(tabId));
}
