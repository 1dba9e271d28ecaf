/**
 * What the hover card shows: a company's claims ranked by the paragraph around
 * the hovered mention, then by what the whole page says, then by
 * corroboration; and whether the page is about the reports' story at all.
 */
import { aboutStory, rankClaimsByText } from '../shared/claimMatch/match.ts';
import { claimsAbout } from '../shared/claims.ts';
import { CLAIMS_INDEX } from '../shared/claimsIndex.ts';
import type { EntityId } from '../shared/entities.ts';
import type { PageClaims } from '../shared/pageClaims.ts';
import { CARD_LIMITS, summarize, type CardSummary } from '../shared/summary.ts';
import { theMatcher } from '../shared/claimMatch/matcher.ts';

export interface CardRequest {
  entity: EntityId;
  /** A claim the hovered sentence repeats: it leads. */
  first: string | null;
  /** The text around the hovered mention. */
  context: string;
}

/**
 * `page` is what matching found on the tab's page, or null before it has run: then the card makes no
 * claim that the page is unrelated, and ranks by the paragraph only if the paragraph is about the story.
 */
export function cardSummary({ entity, first, context }: CardRequest, page: PageClaims | null): CardSummary | null {
  const matcher = theMatcher();
  const related = first !== null || page === null || page.aboutStory;
  const paragraphCounts = page?.aboutStory ?? aboutStory(context, matcher);
  const ids = new Set(claimsAbout(CLAIMS_INDEX, entity).map((claim) => claim.id));
  const ranked = new Set<string>();
  if (first !== null) ranked.add(first);
  if (paragraphCounts)
    for (const match of rankClaimsByText(context, matcher, ids, page?.aboutStory)) ranked.add(match.claimId);
  if (page?.aboutStory) for (const id of page.ranked) if (ids.has(id)) ranked.add(id);
  const summary = summarize(CLAIMS_INDEX, entity, { ranked: [...ranked] }, CARD_LIMITS);
  return summary && { summary, related };
}
