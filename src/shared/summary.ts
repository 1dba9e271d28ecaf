/**
 * The claim summary: what every view shows of a company's claims (the hover
 * card, the popup) and of a single claim (the library too), in the order
 * ranking.ts decides; rendered by ui/ClaimView.tsx; sent to the card as the reply to 'claims/card'
 * (see messages.ts), which parses it with `parseClaimSummary`.
 */
import {
  claimsAbout,
  isClaimKind,
  isPartial,
  partialReportCount,
  reportName,
  reportCount,
  type ClaimKind,
  type ClaimsIndex,
  type IndexedClaim,
  type Source,
  type Timeframe,
} from './claims.ts';
import { citationOf, parseCitation, type Citation } from './citation.ts';
import { companyName, packNameOf, timeframeAbout, type Catalog } from './catalog/catalog.ts';
import { isEntityId, type EntityId } from './entities.ts';
import { isCount, isRecord, isShortText, listOf } from './validate.ts';

export interface QuoteSummary {
  text: string;
  sourceFile: string;
  /** How a caption names the report: its name (reportName). */
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
  /** The companies' names, in the order of `entities`. */
  companyNames: string[];
  /** Reports that carry the whole statement, */
  reports: number;
  /** of this many reports its claim set (the built-in claims, or its pack) comes from. */
  outOf: number;
  /** The name of the claim pack it comes from; null for the built-in claims. */
  pack: string | null;
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

/** One claim as every view shows it, with at most `quotes` of its quotes (full support first). */
export function summarizeClaim(catalog: Catalog, claim: IndexedClaim, quotes = Infinity): SummaryClaim {
  const { index } = catalog;
  const evidence = [...claim.evidence].sort((a, b) => Number(isPartial(a)) - Number(isPartial(b)));
  return {
    id: claim.id,
    statement: claim.statement,
    kind: claim.kind,
    attribution: claim.attribution,
    entities: [...claim.entities],
    companyNames: claim.entities.map((id) => companyName(catalog, id)),
    reports: reportCount(claim),
    outOf: setSources(index, claim.pack).length,
    pack: packNameOf(catalog, claim),
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
              sourceCaption: reportName(source),
              sourceTitle: source.title,
              partial: isPartial(item),
            },
          ]
        : [];
    }),
  };
}

/**
 * A company's claims as every view shows them, in the order given (see ranking.ts), cut to `limits`; null
 * for a company the lexicon does not know.
 */
export function summarize(
  catalog: Catalog,
  entity: EntityId,
  ordered: readonly IndexedClaim[],
  limits: Readonly<SummaryLimits>,
): ClaimSummary | null {
  const company = catalog.companyById.get(entity);
  if (!company) return null;
  const { index } = catalog;
  const about = claimsAbout(index, entity);
  return {
    entity,
    name: company.name,
    description: company.description,
    timeframe: timeframeAbout(catalog, [entity]),
    totalClaims: about.length,
    claims: ordered
      .slice(0, limits.claims)
      .map((claim, i) => summarizeClaim(catalog, claim, i < limits.quotedClaims ? limits.quotesPerClaim : 0)),
  };
}

const sourcesBySet = new WeakMap<ClaimsIndex, Map<string | undefined, Source[]>>();

/** The sources of one claim set in a merged index: the built-in ones (`pack` undefined) or one pack's. */
export function setSources(index: ClaimsIndex, pack: string | undefined): Source[] {
  let sets = sourcesBySet.get(index);
  if (!sets) {
    sets = new Map();
    for (const source of index.sources) sets.set(source.pack, [...(sets.get(source.pack) ?? []), source]);
    sourcesBySet.set(index, sets);
  }
  return sets.get(pack) ?? [];
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
  const { id, statement, kind, attribution, entities, reports, outOf, partialReports, note, quotes, pack } = value;
  if (!isShortText(id) || !isShortText(statement) || !isClaimKind(kind) || !isShortText(attribution)) return null;
  if (pack !== null && !isShortText(pack)) return null;
  if (!isCount(reports) || !isCount(outOf) || !isCount(partialReports)) return null;
  if (note !== null && !isShortText(note)) return null;
  const parsedEntities = listOf(entities, (e) => (isEntityId(e) ? e : null));
  const companyNames = listOf(value['companyNames'], (name) => (isShortText(name) ? name : null));
  if (!companyNames || companyNames.length !== parsedEntities?.length) return null;
  const parsedQuotes = listOf(quotes, parseQuote);
  const citation = value['citation'] === null ? null : parseCitation(value['citation']);
  if (!parsedQuotes || (value['citation'] !== null && !citation)) return null;
  return {
    id,
    statement,
    kind,
    attribution,
    entities: parsedEntities,
    companyNames,
    reports,
    outOf,
    partialReports,
    pack,
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
