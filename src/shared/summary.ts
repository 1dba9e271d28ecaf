/**
 * The claim summary: what every view shows of a company's claims (the hover
 * card, the popup) and of a single claim (the library too). Ranked here, once;
 * rendered by ui/ClaimView.tsx; sent to the card as the reply to 'claims/card'
 * (see messages.ts), which parses it with `parseClaimSummary`.
 */
import {
  isClaimKind,
  isPartial,
  partialReportCount,
  reportCaption,
  reportCount,
  timeframeOf,
  claimsAbout,
  type ClaimKind,
  type ClaimsIndex,
  type IndexedClaim,
  type Timeframe,
} from './claims.ts';
import { citationOf, parseCitation, type Citation } from './citation.ts';
import { isEntityId, type EntityId } from './entities.ts';
import { COMPANY_BY_ID } from './lexicon.ts';
import { isCount, isRecord, isShortText, listOf } from './validate.ts';

export interface QuoteSummary {
  text: string;
  sourceFile: string;
  /** How a caption names the report: the stated publisher, and its short title. */
  sourceCaption: string;
  /** The report's full first line. */
  sourceTitle: string;
  /** The quote carries only part of the claim: shown, never counted. */
  partial: boolean;
}

export interface SummaryClaim {
  id: string;
  statement: string;
  kind: ClaimKind;
  attribution: string;
  entities: EntityId[];
  /** Reports that carry the whole statement. */
  reports: number;
  /** Further reports that carry only part of it. */
  partialReports: number;
  /** How the reports differ, with reports named as the reader sees them. */
  note: string | null;
  /** Full support first; as many as the limits allow. */
  quotes: QuoteSummary[];
  /** What "Copy citation" copies, whatever the limits leave of the quotes. */
  citation: Citation | null;
}

export interface ClaimSummary {
  entity: EntityId;
  name: string;
  description: string;
  /** When the reports spoke, so a 2022 claim is not read as today's fact. */
  timeframe: Timeframe;
  /** All the company's claims, however many are listed. */
  totalClaims: number;
  /** Most relevant first. */
  claims: SummaryClaim[];
}

export interface SummaryLimits {
  /** Claims listed. */
  claims: number;
  /** How many of the first claims carry quotes. */
  quotedClaims: number;
  quotesPerClaim: number;
}

/** The hover card: four claims, the first full quote of the top two. */
export const CARD_LIMITS: Readonly<SummaryLimits> = { claims: 4, quotedClaims: 2, quotesPerClaim: 1 };
/** The popup: every claim with every quote. */
export const NO_LIMITS: Readonly<SummaryLimits> = {
  claims: Infinity,
  quotedClaims: Infinity,
  quotesPerClaim: Infinity,
};

/** What the reader is looking at: claim ids ranked by the page's text (the matcher's ranking), most relevant first. */
export interface PageContext {
  ranked: readonly string[];
}

/** Claims the page ranks come first, in its order; the rest keep theirs (corroboration, then kind). */
export function orderByPage<C extends { id: string }>(claims: readonly C[], page: PageContext | undefined): C[] {
  if (!page || page.ranked.length === 0) return [...claims];
  const position = new Map(page.ranked.map((id, i) => [id, i]));
  const last = page.ranked.length;
  return [...claims].sort((a, b) => (position.get(a.id) ?? last) - (position.get(b.id) ?? last));
}

const KIND_WEIGHT: Record<ClaimKind, number> = {
  'reported finding': 4,
  'company statement': 3,
  'official action': 2,
  'official concern': 2,
  'expert view': 1,
  'outlet statement': 1,
  background: 0,
};

/**
 * A company's claims, most relevant first: those carried by more reports, then
 * those naming the company first, then by kind (findings before background).
 */
export function rankClaims(index: ClaimsIndex, entity: EntityId): IndexedClaim[] {
  return claimsAbout(index, entity)
    .map((claim, order) => ({ claim, order }))
    .sort(
      (a, b) =>
        reportCount(b.claim) - reportCount(a.claim) ||
        Number(b.claim.entities[0] === entity) - Number(a.claim.entities[0] === entity) ||
        KIND_WEIGHT[b.claim.kind] - KIND_WEIGHT[a.claim.kind] ||
        a.order - b.order,
    )
    .map(({ claim }) => claim);
}

/** One claim as every view shows it, with at most `quotes` of its quotes (full support first). */
export function summarizeClaim(index: ClaimsIndex, claim: IndexedClaim, quotes = Infinity): SummaryClaim {
  const evidence = [...claim.evidence].sort((a, b) => Number(isPartial(a)) - Number(isPartial(b)));
  return {
    id: claim.id,
    statement: claim.statement,
    kind: claim.kind,
    attribution: claim.attribution,
    entities: [...claim.entities],
    reports: reportCount(claim),
    partialReports: partialReportCount(claim),
    note: claim.note ?? null,
    citation: citationOf(index, claim),
    quotes: evidence.slice(0, quotes).flatMap((item) => {
      const source = index.sources[item[0]];
      return source
        ? [
            {
              text: item[1],
              sourceFile: source.file,
              sourceCaption: reportCaption(source),
              sourceTitle: source.title,
              partial: isPartial(item),
            },
          ]
        : [];
    }),
  };
}

/**
 * A company's claims, ranked and cut to `limits`; null for a company the
 * lexicon does not know. The claims `page` ranks come first, in its order.
 */
export function summarize(
  index: ClaimsIndex,
  entity: EntityId,
  page: PageContext | undefined,
  limits: Readonly<SummaryLimits>,
): ClaimSummary | null {
  const company = COMPANY_BY_ID.get(entity);
  if (!company) return null;
  const ranked = orderByPage(rankClaims(index, entity), page);
  return {
    entity,
    name: company.name,
    description: company.description,
    timeframe: timeframeOf(index.sources),
    totalClaims: ranked.length,
    claims: ranked
      .slice(0, limits.claims)
      .map((claim, i) => summarizeClaim(index, claim, i < limits.quotedClaims ? limits.quotesPerClaim : 0)),
  };
}

function parseQuote(value: unknown): QuoteSummary | null {
  if (!isRecord(value)) return null;
  const { text, sourceFile, sourceCaption, sourceTitle, partial } = value;
  if (!isShortText(text) || !isShortText(sourceFile) || !isShortText(sourceCaption) || !isShortText(sourceTitle))
    return null;
  return typeof partial === 'boolean' ? { text, sourceFile, sourceCaption, sourceTitle, partial } : null;
}

function parseSummaryClaim(value: unknown): SummaryClaim | null {
  if (!isRecord(value)) return null;
  const { id, statement, kind, attribution, entities, reports, partialReports, note, quotes } = value;
  if (!isShortText(id) || !isShortText(statement) || !isClaimKind(kind) || !isShortText(attribution)) return null;
  if (!isCount(reports) || !isCount(partialReports)) return null;
  if (note !== null && !isShortText(note)) return null;
  const parsedEntities = listOf(entities, (e) => (isEntityId(e) ? e : null));
  const parsedQuotes = listOf(quotes, parseQuote);
  const citation = value['citation'] === null ? null : parseCitation(value['citation']);
  if (!parsedEntities || !parsedQuotes || (value['citation'] !== null && !citation)) return null;
  return {
    id,
    statement,
    kind,
    attribution,
    entities: parsedEntities,
    reports,
    partialReports,
    note,
    quotes: parsedQuotes,
    citation,
  };
}

function parseTimeframe(value: unknown): Timeframe | null {
  if (!isRecord(value)) return null;
  const dates = listOf(value['dates'], (d) => (isShortText(d) ? d : null));
  const reports = value['reports'];
  return dates && isCount(reports) ? { reports, dates } : null;
}

/** What the hover card shows: a company's summary, and whether the page it opens on is about the reports' story. */
export interface CardSummary {
  summary: ClaimSummary;
  /** False on a page about something else: the card says so and folds the claims. */
  related: boolean;
}

export function parseCardSummary(value: unknown): CardSummary | null {
  if (!isRecord(value) || typeof value['related'] !== 'boolean') return null;
  const summary = parseClaimSummary(value['summary']);
  return summary && { summary, related: value['related'] };
}

export function parseClaimSummary(value: unknown): ClaimSummary | null {
  if (!isRecord(value)) return null;
  const { entity, name, description, totalClaims } = value;
  if (!isEntityId(entity) || !isShortText(name) || !isShortText(description) || !isCount(totalClaims)) return null;
  const timeframe = parseTimeframe(value['timeframe']);
  const claims = listOf(value['claims'], parseSummaryClaim);
  return timeframe && claims ? { entity, name, description, timeframe, totalClaims, claims } : null;
}
