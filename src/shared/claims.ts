/**
 * The claims model: what a claim is, where it comes from, and the compact
 * index the build compiles from seeds/claims.json for the extension to ship.
 */
import type { EntityId } from './entities.ts';

export const CLAIM_KINDS = [
  'reported finding',
  'company statement',
  'official action',
  'expert view',
  'background',
] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export interface Evidence {
  /** A seed file name, such as "002_e8e945add41886bf.txt". */
  source: string;
  /** A passage of that file, word for word. */
  quote: string;
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
  /** [index into `sources`, quote] pairs. */
  evidence: [number, string][];
  note?: string;
}

export function isClaimKind(value: unknown): value is ClaimKind {
  return typeof value === 'string' && (CLAIM_KINDS as readonly string[]).includes(value);
}

/** How many of the reports carry a claim: distinct sources among its evidence. */
export function reportCount(claim: IndexedClaim): number {
  return new Set(claim.evidence.map(([source]) => source)).size;
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
        attribution: claim.attribution,
        evidence: claim.evidence.map((e) => {
          const at = position.get(e.source);
          if (at === undefined) throw new Error(`claim "${claim.id}" cites unknown source ${e.source}`);
          return [at, e.quote];
        }),
      };
      if (claim.note !== undefined) compiled.note = claim.note;
      return compiled;
    }),
  };
}

const KIND_WEIGHT: Record<ClaimKind, number> = {
  'reported finding': 4,
  'company statement': 3,
  'official action': 2,
  'expert view': 1,
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
