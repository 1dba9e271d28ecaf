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

/** A seed document's file name: its number, then a content hash ("002_e8e945add41886bf.txt"). */
export const SOURCE_FILE_PATTERN = /^\d{3}_[0-9a-f]+\.txt$/;

export function isSourceFile(value: unknown): value is string {
  return typeof value === 'string' && SOURCE_FILE_PATTERN.test(value);
}

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
  /**
   * Claims this one entails: a sentence that repeats this claim repeats those too ("the Commerce Department
   * banned downloads on the President's orders" entails "Trump sought to ban TikTok"). An editor's judgement,
   * checked only for form by the build (docs/claims.md).
   */
  entails?: string[];
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
  entails?: string[];
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

/** How a quote's caption names its report: the stated publisher, and the start of its first line. */
export function reportCaption(source: Source): string {
  const title = quotedShortTitle(source);
  return source.publisher ? `${source.publisher.value}: ${title}` : title;
}

/** The publishers the reports state, by name. */
export function publishers(index: Pick<ClaimsIndex, 'sources'>): string[] {
  return index.sources.flatMap((source) => (source.publisher ? [source.publisher.value] : []));
}

/** When the claims were made, as far as the reports state it: how many reports, and the dates they state. */
export interface Timeframe {
  reports: number;
  /** Stated dates, as ISO dates ("2022-06-18"). */
  dates: string[];
}

export function timeframeOf(sources: readonly Source[]): Timeframe {
  return { reports: sources.length, dates: sources.flatMap((s) => (s.date ? [s.date.value] : [])) };
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
      if (claim.entails !== undefined) compiled.entails = [...claim.entails];
      return compiled;
    }),
  };
}
