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

/**
 * A document's file name in its folder (seeds/ or a claim pack's): its number, then a content hash
 * ("002_e8e945add41886bf.txt"), at most 64 characters.
 */
export const DOCUMENT_FILE_PATTERN = /^\d{3}_[0-9a-f]{1,56}\.txt$/;

/** A slug whose hyphens stand alone, so "--" can separate a claim pack's id from what it namespaces. */
const PACK_ID = String.raw`[a-z][a-z0-9]*(?:-[a-z0-9]+)*`;

/** The built-in claims' name as a claim set, beside the packs' ids (a pack may not take it). */
export const BUILT_IN_SET = 'builtin';

/** A claim pack's id: a lowercase slug of 2 to 40 characters that starts with a letter and never holds "--". */
/** A claim's id: a lowercase slug, hyphens single (a pack's claims are then namespaced as `<pack>--<id>`). */
export const CLAIM_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const PACK_ID_PATTERN = new RegExp(`^(?=.{2,40}$)${PACK_ID}$`);

/** What separates a claim pack's id from the claim id or file name it namespaces ("harbor--001_3fa2.txt"). */
export const PACK_SEPARATOR = '--';

/**
 * A source's file name in a compiled index: a document's file name, or for a claim pack's document the
 * pack's id, "--", then the document's file name.
 */
export const SOURCE_FILE_PATTERN = new RegExp(`^(?:${PACK_ID}${PACK_SEPARATOR})?\\d{3}_[0-9a-f]{1,56}\\.txt$`);

export function isSourceFile(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 110 && SOURCE_FILE_PATTERN.test(value);
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

/**
 * A report, as sources.json describes it: what the document states and nothing more. Claim packs use the same
 * shape, and may add where the pack maker says the text came from (`url`, `retrieved`): the pack maker's
 * statement, never checked against the text and never fetched.
 */
export interface Source {
  file: string;
  /** The document's first line. */
  title: string;
  /** The start of the first line, cut at a word (at most 60 characters). */
  shortTitle: string;
  /**
   * The report's short name as readers know it: the publisher the document states (Cybernews), else the start
   * of its headline cut at a word (at most `MAX_NAME` characters, with no ellipsis). Shown only through
   * `reportName`.
   */
  name: string;
  publisher?: StatedFact;
  date?: StatedFact;
  author?: StatedFact;
  /** A claim pack's source: where the pack maker says the text came from (shown as text, never fetched). */
  url?: string;
  /** A claim pack's source: when the pack maker says they retrieved the text (an ISO date, "2026-03-14"). */
  retrieved?: string;
  /** The id of the claim pack the source comes from; absent for the built-in reports. */
  pack?: string;
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
  /** The id of the claim pack the claim comes from; absent for the built-in claims. */
  pack?: string;
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

/** The longest `name` a report may have when it is the start of its headline. */
export const MAX_NAME = 40;
/**
 * The longest first line that is a headline. A longer one is an opening paragraph (report 004 starts with
 * 56 words and has no headline): a citation titles that report by its opening words (`citedTitle`).
 */
export const MAX_HEADLINE = 120;

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** `start` of `line` in quotation marks, with an ellipsis where it cuts the line short. */
function quotedStart(start: string, line: string): string {
  const cut = collapse(start).length < collapse(line).length;
  return `“${start}${cut ? '…' : ''}”`;
}

/** Whether the report goes by the publisher it states (Cybernews) rather than by its headline. */
export function namedByPublisher(source: Source): boolean {
  return source.publisher !== undefined && source.name === source.publisher.value;
}

/**
 * The report's one name, wherever a report is named: `{NNN}` in attributions and notes, quote captions, the
 * library's report filter, the source viewer, citations and exports. Its stated publisher ("Cybernews"), else
 * the start of its headline in quotation marks, with an ellipsis where the headline goes on ("“TikTok eases
 * anxieties…”").
 */
export function reportName(source: Source): string {
  return namedByPublisher(source) ? source.name : quotedStart(source.name, source.title);
}

/**
 * How a citation titles the report: its first line, when that is a headline; a first line longer than
 * `MAX_HEADLINE` is an opening paragraph, not a title, and the report is cited by its opening words (its
 * `shortTitle`) with an ellipsis: "The original concept of social media was about sharing…". Never a title
 * the document does not state.
 */
export function citedTitle(source: Source): string {
  const line = collapse(source.title);
  return line.length <= MAX_HEADLINE ? line : `${source.shortTitle}…`;
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
