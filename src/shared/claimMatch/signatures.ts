/**
 * Build time: claims → compact signature data for the matcher. Each claim's
 * features come from its statement and its quotes; a feature weighs more when
 * the statement and more of the quotes share it (what the reports agree on),
 * and when few other claims have it (IDF over the claim set).
 */
import { isPartial, type Claim, type ClaimKind, type IndexedClaim } from '../claims.ts';
import {
  abilityTerms,
  actTerms,
  COMPANY_TERMS,
  coreTerms,
  deniedTerms,
  features,
  nameParts,
  properTerms,
  terms,
} from './features.ts';

/** What ships: claim ids, a shared vocabulary, and per claim [feature index, weight] pairs. */
export interface SignatureModel {
  ids: string[];
  vocab: string[];
  /** Per claim, pairs flattened: feature index, weight × 100 (integers keep the JSON small). */
  claims: number[][];
  /** [a, b]: every passage that supports claim a also supports claim b, so a sentence repeating a repeats b. */
  implies: [number, number][];
  /** Terms most claims share (data, access, China…): a sentence must have one to be about the story at all. */
  story: number[];
  /** Claims that are context (TikTok's user count, its parent): repeating only these does not put a page on the story. */
  background: number[];
  /** Per claim: what its statement says, without who found or reported it (see `coreTerms`). */
  cores: number[][];
  /** Per claim: the terms its statement denies ("is not transferred"), and those it asserts. */
  denies: number[][];
  asserts: number[][];
  /** Per claim: its kind (who speaks: a company, the reporting, an official…). */
  kinds: ClaimKind[];
  /** Per claim: the terms of the acts its statement says were done ("accessed"), which an ability cannot repeat. */
  acts: number[][];
  /** Terms the claims only write as names (Trump, Senate, US): who or where, never on their own what a claim says. */
  proper: number[];
  /** Terms that only ever follow a company's name ("Cloud Infrastructure"): part of the name (see `nameParts`). */
  nameParts: number[];
}

export type ClaimText = Pick<Claim, 'id' | 'statement' | 'evidence' | 'kind' | 'entails'>;

/** The compiled index's claim in the shape the signature build reads. */
export function claimText(claim: IndexedClaim): ClaimText {
  return {
    id: claim.id,
    statement: claim.statement,
    kind: claim.kind,
    ...(claim.entails && { entails: claim.entails }),
    evidence: claim.evidence.map((e) => ({
      source: String(e[0]),
      quote: e[1],
      ...(isPartial(e) ? { support: 'partial' as const } : {}),
    })),
  };
}

// Share of a feature's weight from the statement; the rest from the quotes.
const STATEMENT_SHARE = 0.4;
// How many of the most widely shared terms make up the story's vocabulary.
const STORY_TERMS = 40;
// Weight (× 100) below which a feature is left out of the shipped data.
const MIN_WEIGHT = 40;
// Features carried by less than this share of a claim's texts are noise from long quotes.
const MIN_SUPPORT = 0.25;

/**
 * `outlets`: the names of the reports' publishers. Statements name them as speakers ("Cybernews writes"),
 * which says who reported, never what: their terms are left out of every signature.
 */
export function buildSignatures(claims: readonly ClaimText[], outlets: readonly string[] = []): SignatureModel {
  const outletTerms = new Set(outlets.flatMap((name) => terms(name)));
  const featuresOf = (text: string) =>
    new Set([...features(text)].filter((f) => !f.split(' ').some((t) => outletTerms.has(t))));
  const raw = claims.map((claim) => {
    const statement = featuresOf(claim.statement);
    const quotes = claim.evidence.map((e) => featuresOf(e.quote));
    const support = new Map<string, number>();
    for (const f of new Set([...statement, ...quotes.flatMap((q) => [...q])])) {
      const inQuotes = quotes.filter((q) => q.has(f)).length / Math.max(1, quotes.length);
      const s = STATEMENT_SHARE * Number(statement.has(f)) + (1 - STATEMENT_SHARE) * inQuotes;
      if (s >= MIN_SUPPORT) support.set(f, s);
    }
    return support;
  });
  const df = new Map<string, number>();
  for (const support of raw) for (const f of support.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const idf = (f: string) => Math.log(1 + claims.length / (df.get(f) ?? 1));
  // Weights × 100 as integers keep the JSON small; features too light to move a score are dropped.
  const weighted = raw.map((support) =>
    [...support].map(([f, s]) => [f, Math.round(100 * s * idf(f))] as const).filter(([, w]) => w >= MIN_WEIGHT),
  );
  const vocab = [...new Set(weighted.flatMap((pairs) => pairs.map(([f]) => f)))].sort();
  const position = new Map(vocab.map((f, i) => [f, i]));
  const indices = (found: Iterable<string>) =>
    [...found].flatMap((term) => position.get(term) ?? []).sort((a, b) => a - b);
  const texts = claims.flatMap((c) => [c.statement, ...c.evidence.map((e) => e.quote)]);
  return {
    ids: claims.map((c) => c.id),
    vocab,
    claims: weighted.map((pairs) => pairs.flatMap(([f, w]) => [position.get(f) ?? 0, w])),
    implies: impliedPairs(claims),
    story: vocab
      .filter((f) => !f.includes(' ') && !COMPANY_TERMS.includes(f))
      .sort((a, b) => (df.get(b) ?? 0) - (df.get(a) ?? 0) || (a < b ? -1 : 1))
      .slice(0, STORY_TERMS)
      .map((f) => position.get(f) ?? 0),
    background: claims.flatMap((c, i) => (c.kind === 'background' ? [i] : [])),
    kinds: claims.map((c) => c.kind),
    cores: claims.map((c) => indices(coreTerms(c.statement))),
    denies: claims.map((c) => indices(deniedTerms(c.statement))),
    asserts: claims.map((c) => {
      const denied = deniedTerms(c.statement);
      return indices(terms(c.statement).filter((term) => !denied.has(term)));
    }),
    acts: claims.map((c) => {
      // An act the statement itself hedges ("were able to access") is an ability already.
      const hedged = abilityTerms(c.statement);
      return [...actTerms(c.statement)].flatMap((term) => {
        const i = position.get(term);
        return i === undefined || hedged.has(term) ? [] : [i];
      });
    }),
    proper: indices(properTerms(texts)),
    nameParts: indices(nameParts(texts)),
  };
}

/**
 * Pairs (a, b) where a sentence repeating a repeats b: the claims' editors say a entails b, or each passage
 * fully supporting a also fully supports b.
 */
function impliedPairs(claims: readonly ClaimText[]): [number, number][] {
  const pairs: [number, number][] = [];
  const position = new Map(claims.map((c, i) => [c.id, i]));
  claims.forEach((a, i) => {
    for (const id of a.entails ?? []) {
      const j = position.get(id);
      if (j !== undefined) pairs.push([i, j]);
    }
  });
  const fullQuotes = (c: ClaimText) => c.evidence.filter((e) => e.support !== 'partial').map((e) => e.quote);
  const quoteSets = claims.map((c) => new Set(fullQuotes(c)));
  claims.forEach((a, i) => {
    const full = fullQuotes(a);
    claims.forEach((_, j) => {
      if (
        i !== j &&
        full.length > 0 &&
        full.every((q) => quoteSets[j]?.has(q)) &&
        !a.entails?.includes(claims[j]?.id ?? '')
      )
        pairs.push([i, j]);
    });
  });
  return pairs;
}
