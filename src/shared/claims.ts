/**
 * The claims model: what a claim is, where it comes from, and the compact
 * index the build compiles from seeds/claims.json for the extension to ship.
 */
import type { EntityId } from './entities.ts';

/**
 * Who is speaking, in a fixed list: the reporting on the leak, a company, a
 * government acting, officials or lawmakers voicing a concern, a named outside
 * expert, a report in its own voice (its reading, opinion or unsourced
 * account), or context the reports give.
 */
export const CLAIM_KINDS = [
  'reported finding',
  'company statement',
  'official action',
  'official concern',
  'expert view',
  'outlet statement',
  'background',
] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export interface Evidence {
  /** A seed file name, such as "002_e8e945add41886bf.txt". */
  source: string;
  /** A passage of that file, word for word. */
  quote: string;
  /** "partial": the quote carries only part of the statement; it is shown, but not counted. */
  support?: 'partial';
}

export interface Claim {
  id: string;
  statement: string;
  entities: EntityId[];
  kind: ClaimKind;
  attribution: string;
  evidence: Evidence[];
  note?: string;
}

/** A fact about a source document, with the passage of the document that states it. */
export interface StatedFact {
  value: string;
  evidence: string;
}

export interface Source {
  file: string;
  /** The document's first line. */
  title: string;
  /** The start of the first line, cut at a word, for naming the report in a line of text. */
  shortTitle: string;
  publisher?: StatedFact;
  date?: StatedFact;
  author?: StatedFact;
}

/** The shape the extension ships: sources listed once, claims pointing at them by index. */
export interface ClaimsIndex {
  sources: Source[];
  claims: IndexedClaim[];
}

export interface IndexedClaim {
  id: string;
  statement: string;
  entities: EntityId[];
  kind: ClaimKind;
  attribution: string;
  /** [index into `sources`, quote] pairs; a third element marks partial support. */
  evidence: IndexedEvidence[];
  note?: string;
}

export type IndexedEvidence = [source: number, quote: string] | [source: number, quote: string, support: 'partial'];

export function isPartial(evidence: IndexedEvidence): boolean {
  return evidence[2] === 'partial';
}

export function isClaimKind(value: unknown): value is ClaimKind {
  return typeof value === 'string' && (CLAIM_KINDS as readonly string[]).includes(value);
}

/** How many reports carry the whole claim: distinct sources among its full evidence. */
export function reportCount(claim: IndexedClaim): number {
  return new Set(claim.evidence.filter((e) => !isPartial(e)).map(([source]) => source)).size;
}

/** How many more reports carry only part of it (shown apart, never counted). */
export function partialReportCount(claim: IndexedClaim): number {
  const full = new Set(claim.evidence.filter((e) => !isPartial(e)).map(([source]) => source));
  return new Set(claim.evidence.filter((e) => isPartial(e) && !full.has(e[0])).map(([source]) => source)).size;
}

/** How a line of text names a report: the publisher the document states, else its short title. */
export function reportName(source: Source): string {
  return source.publisher ? source.publisher.value : quotedShortTitle(source);
}

/** The short title in quotation marks, with an ellipsis where it cuts the first line short. */
export function quotedShortTitle(source: Source): string {
  const cut = source.shortTitle.length < source.title.trim().length;
  return `“${source.shortTitle}${cut ? '…' : ''}”`;
}

/** `{002}` in an attribution or note: the report whose file name starts with 002. */
export const REPORT_REF = /\{(\d{3})\}/g;

/** Replaces each `{NNN}` with the name the reader sees for that report everywhere else. */
export function nameReports(text: string, sources: readonly Source[]): string {
  return text.replace(REPORT_REF, (ref, code: string) => {
    const source = sources.find((s) => s.file.startsWith(`${code}_`));
    return source ? reportName(source) : ref;
  });
}

export function claimsAbout(index: ClaimsIndex, entity: EntityId): IndexedClaim[] {
  return index.claims.filter((claim) => claim.entities.includes(entity));
}

export function compileIndex(claims: readonly Claim[], sources: readonly Source[]): ClaimsIndex {
  const position = new Map(sources.map((s, i) => [s.file, i]));
  return {
    sources: sources.map((s) => ({ ...s })),
    claims: claims.map((claim) => {
      const compiled: IndexedClaim = {
        id: claim.id,
        statement: claim.statement,
        // Kept in the claim's own order: the first company is the one it is mainly about.
        entities: [...claim.entities],
        kind: claim.kind,
        attribution: nameReports(claim.attribution, sources),
        evidence: claim.evidence.map((e): IndexedEvidence => {
          const at = position.get(e.source);
          if (at === undefined) throw new Error(`claim "${claim.id}" cites unknown source ${e.source}`);
          return e.support === 'partial' ? [at, e.quote, 'partial'] : [at, e.quote];
        }),
      };
      if (claim.note !== undefined) compiled.note = nameReports(claim.note, sources);
      return compiled;
    }),
  };
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
