/**
 * Scores a sentence against every claim's signature. A claim matches when the
 * sentence and the claim agree on enough weighted features (cosine of
 * IDF-weighted vectors) AND on at least two distinctive terms, so one shared
 * word ("Oracle", "China") never makes a match. Claims are taken greedily:
 * features a better claim already explains count less for the next, so a
 * sentence making two claims matches both, but near-duplicate claims do not
 * all ride on the same words.
 */
import { COMPANY_TERMS, features } from './features.ts';
import type { SignatureModel } from './signatures.ts';

export interface ClaimMatch {
  claimId: string;
  score: number;
}

/** The signature data unpacked once for scoring. */
export interface Matcher {
  ids: string[];
  vocab: Map<string, number>;
  /** Per claim: feature index → weight. */
  weights: Map<number, number>[];
  norms: number[];
  /** Per feature: the highest weight any claim gives it, the sentence side's IDF stand-in. */
  featureWeight: number[];
  /** Per feature: whether it is a pair of adjacent terms rather than one term. */
  isPair: boolean[];
  implies: Map<number, number[]>;
  story: Set<number>;
  /** Company-name terms: never a distinctive agreement on their own. */
  names: Set<number>;
  /** Per pair feature: the indices of its two terms. */
  pairTerms: Map<number, [number, number]>;
}

export const MATCH_THRESHOLD = 0.3;
// A term is distinctive when it weighs this much in the claim (IDF × agreement of the claim's texts).
const DISTINCTIVE = 1.2;
// A feature another matched claim already explains still counts this much.
const EXPLAINED = 0.6;

export function prepareMatcher(model: SignatureModel): Matcher {
  const featureWeight = new Array<number>(model.vocab.length).fill(0);
  const weights = model.claims.map((flat) => {
    const map = new Map<number, number>();
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const f = flat[i] ?? 0;
      const w = (flat[i + 1] ?? 0) / 100;
      map.set(f, w);
      featureWeight[f] = Math.max(featureWeight[f] ?? 0, w);
    }
    return map;
  });
  const implies = new Map<number, number[]>();
  for (const [a, b] of model.implies) implies.set(a, [...(implies.get(a) ?? []), b]);
  return {
    ids: model.ids,
    vocab: new Map(model.vocab.map((f, i) => [f, i])),
    weights,
    norms: weights.map((m) => Math.sqrt([...m.values()].reduce((s, w) => s + w * w, 0))),
    featureWeight,
    isPair: model.vocab.map((f) => f.includes(' ')),
    implies,
    story: new Set(model.story),
    names: new Set(model.vocab.flatMap((f, i) => (COMPANY_TERMS.includes(f) ? [i] : []))),
    pairTerms: pairTerms(model.vocab),
  };
}

function pairTerms(vocab: readonly string[]): Map<number, [number, number]> {
  const index = new Map(vocab.map((f, i) => [f, i]));
  const out = new Map<number, [number, number]>();
  vocab.forEach((f, i) => {
    const [a, b] = f.split(' ');
    if (b !== undefined) out.set(i, [index.get(a ?? '') ?? -1, index.get(b) ?? -1]);
  });
  return out;
}

/** Claims the sentence repeats, best first; empty when it repeats none. */
export function matchSentence(sentence: string, matcher: Matcher, threshold = MATCH_THRESHOLD): ClaimMatch[] {
  const known = [...features(sentence)].map((f) => matcher.vocab.get(f)).filter((f) => f !== undefined);
  if (known.length < 2) return [];
  // The story gate: a sentence with none of the terms most claims share (data, access, China…) needs more agreement.
  const onStory = known.some((f) => matcher.story.has(f));
  const explained = new Map<number, number>();
  const taken = new Set<number>();
  const out: ClaimMatch[] = [];
  for (;;) {
    let best = { claim: -1, score: 0 };
    matcher.weights.forEach((weights, claim) => {
      if (taken.has(claim)) return;
      const score = scoreClaim(known, weights, matcher, claim, explained, onStory);
      if (score > best.score) best = { claim, score };
    });
    if (best.claim < 0 || best.score < threshold) break;
    taken.add(best.claim);
    out.push({ claimId: matcher.ids[best.claim] ?? '', score: round(best.score) });
    for (const f of known) if (matcher.weights[best.claim]?.has(f)) explained.set(f, EXPLAINED);
    // Repeating a claim repeats every claim all of whose passages also support it.
    for (const implied of matcher.implies.get(best.claim) ?? []) {
      if (taken.has(implied)) continue;
      taken.add(implied);
      out.push({ claimId: matcher.ids[implied] ?? '', score: round(best.score) });
    }
  }
  return out;
}

function scoreClaim(
  known: readonly number[],
  weights: Map<number, number>,
  matcher: Matcher,
  claim: number,
  explained: Map<number, number>,
  onStory: boolean,
): number {
  let dot = 0;
  let sentenceNorm = 0;
  const distinctive = new Set<number>();
  for (const f of known) {
    const s = matcher.featureWeight[f] ?? 0;
    const e = explained.get(f) ?? 1;
    sentenceNorm += s * s * e * e;
    const w = weights.get(f);
    if (w === undefined) continue;
    dot += w * s * e;
    // Agreement is counted in terms: a distinctive pair ("master admin") agrees on both of its terms.
    if (w >= DISTINCTIVE && !explained.has(f)) {
      for (const t of matcher.pairTerms.get(f) ?? [f]) if (!matcher.names.has(t)) distinctive.add(t);
    }
  }
  // Two agreeing terms, or three where the sentence has none of the story's common terms.
  if (distinctive.size < (onStory ? 2 : 3)) return 0;
  return dot / ((matcher.norms[claim] ?? 1) * Math.sqrt(sentenceNorm));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
