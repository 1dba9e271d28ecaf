/** What the hover card shows for a company: its description and its most relevant claims. */
import { isPartial, partialReportCount, rankClaims, reportCount, type ClaimsIndex } from '../shared/claims.ts';
import type { Company } from '../shared/entities.ts';
import { reportCaption, timeframeLabel } from '../shared/kinds.ts';
import type { CardData } from '../shared/messages.ts';

/** Claims shown in a card, and how many of them carry a verbatim quote. */
export const CARD_CLAIMS = 4;
export const CARD_QUOTES = 2;

export function cardDataFor(index: ClaimsIndex, company: Company): CardData {
  const ranked = rankClaims(index, company.id);
  return {
    entity: company.id,
    name: company.name,
    description: company.description,
    timeframe: timeframeLabel(index.sources),
    totalClaims: ranked.length,
    claims: ranked.slice(0, CARD_CLAIMS).map((claim, i) => {
      // The card quotes a report that carries the whole statement.
      const first = claim.evidence.find((e) => !isPartial(e));
      const source = first ? index.sources[first[0]] : undefined;
      return {
        id: claim.id,
        statement: claim.statement,
        kind: claim.kind,
        attribution: claim.attribution,
        reports: reportCount(claim),
        partialReports: partialReportCount(claim),
        note: claim.note ?? null,
        quote:
          i < CARD_QUOTES && first && source
            ? { text: first[1], sourceTitle: reportCaption(source), sourceFile: source.file }
            : null,
      };
    }),
  };
}
