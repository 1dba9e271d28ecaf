/**
 * What the hover card shows: a company's claims in the order ranking.ts gives a mention (the hovered
 * sentence's claim, the paragraph, the page, corroboration), and whether the page is about the story at all.
 */
import type { Catalog } from '../shared/catalog/catalog.ts';
import { matcherOf } from '../shared/claimMatch/matcher.ts';
import type { PageClaims } from '../shared/pageClaims.ts';
import { claimsForMention, type MentionContext } from '../shared/ranking.ts';
import { CARD_LIMITS, summarize, type CardSummary } from '../shared/summary.ts';

/** `page` is what matching found on the tab's page, or null before it has run. */
export function cardSummary(catalog: Catalog, mention: MentionContext, page: PageClaims | null): CardSummary | null {
  const { claims, related } = claimsForMention(catalog.index, matcherOf(catalog), mention, page);
  const summary = summarize(catalog, mention.entity, claims, CARD_LIMITS);
  return summary && { summary, related };
}
