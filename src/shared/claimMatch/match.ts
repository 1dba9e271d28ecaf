/**
 * Scores a sentence against every claim's signature. A claim matches when the
 * sentence and the claim agree on enough weighted features (cosine of
 * IDF-weighted vectors) AND on at least two distinctive terms, so one shared
 * word ("Oracle", "China") never makes a match. Claims are taken greedily:
 * features a better claim already explains count less for the next, and the
 * next must agree on distinctive terms of its own (not explained, not common
 * to the story), so a sentence making two claims matches both, but a
 * neighbouring claim does not ride on the first one's words.
 */
import type { ClaimKind } from '../claims.ts';
import {
  abilityTerms,
  actTerms,
  COMPANY_TERMS,
  deniedTerms,
  features,
  quotedPassages,
  speakerOf,
  terms,
} from './features.ts';
import { splitSentences, type Sentence } from '../text/sentences.ts';
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
  /** The inverse of `implies`: per claim, the claims that entail it. */
  impliedBy: Map<number, number[]>;
  story: Set<number>;
  background: Set<number>;
  /** Per claim: the terms of the acts its statement says were done (see `actTerms`). */
  acts: number[][];
  /** Per claim: what its statement says, without who found or reported it. */
  cores: Set<number>[];
  /** Per claim: the terms its statement denies, and those it asserts. */
  denies: Set<number>[];
  asserts: Set<number>[];
  /** Per claim: its kind. */
  kinds: ClaimKind[];
  /** Per feature: the claims that have it, so a sentence is scored only against claims it shares a feature with. */
  claimsWith: number[][];
  /** Company names and the terms that are part of them ("Cloud Infrastructure"): never distinctive agreement. */
  names: Set<number>;
  /** Per pair feature: the indices of its two terms. */
  pairTerms: Map<number, [number, number]>;
  /** Terms many claims share (data, China, access…): no evidence for one claim over its neighbours. */
  common: Set<number>;
  /** Number terms ("80", "14"): a specific fact, strong evidence on its own. */
  numbers: Set<number>;
  /** Name terms (Trump, Senate, US): agreement on names alone says who, not that the same thing is said. */
  proper: Set<number>;
}

export const MATCH_THRESHOLD = 0.3;
// A term is distinctive when it weighs this much in the claim (IDF × agreement of the claim's texts).
const DISTINCTIVE = 1.2;
// A feature another matched claim already explains still counts this much.
const EXPLAINED = 0.6;
// A term this share of the claims have is common to the story, not evidence for a second claim.
const COMMON_SHARE = 0.1;

export function prepareMatcher(model: SignatureModel): Matcher {
  const featureWeight = new Array<number>(model.vocab.length).fill(0);
  const claimsWith = model.vocab.map((): number[] => []);
  const weights = model.claims.map((flat, claim) => {
    const map = new Map<number, number>();
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const f = flat[i] ?? 0;
      const w = (flat[i + 1] ?? 0) / 100;
      map.set(f, w);
      claimsWith[f]?.push(claim);
      featureWeight[f] = Math.max(featureWeight[f] ?? 0, w);
    }
    return map;
  });
  const implies = new Map<number, number[]>();
  const impliedBy = new Map<number, number[]>();
  for (const [a, b] of model.implies) {
    implies.set(a, [...(implies.get(a) ?? []), b]);
    impliedBy.set(b, [...(impliedBy.get(b) ?? []), a]);
  }
  return {
    ids: model.ids,
    vocab: new Map(model.vocab.map((f, i) => [f, i])),
    weights,
    norms: weights.map((m) => Math.sqrt([...m.values()].reduce((s, w) => s + w * w, 0))),
    featureWeight,
    isPair: model.vocab.map((f) => f.includes(' ')),
    implies,
    impliedBy,
    story: new Set(model.story),
    background: new Set(model.background),
    acts: model.acts,
    kinds: model.kinds,
    cores: model.cores.map((list) => new Set(list)),
    denies: model.denies.map((list) => new Set(list)),
    asserts: model.asserts.map((list) => new Set(list)),
    claimsWith,
    names: new Set([...model.vocab.flatMap((f, i) => (COMPANY_TERMS.includes(f) ? [i] : [])), ...model.nameParts]),
    pairTerms: pairTerms(model.vocab),
    numbers: new Set(model.vocab.flatMap((f, i) => (/^\d/.test(f) ? [i] : []))),
    proper: new Set(model.proper),
    common: new Set(
      claimsWith.flatMap((claims, f) =>
        claims.length >= COMMON_SHARE * model.claims.length && !model.vocab[f]?.includes(' ') ? [f] : [],
      ),
    ),
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

/**
 * Where a long sentence joins clauses that each can state a claim ("On the day the story ran, TikTok said its
 * traffic goes to Oracle"): semicolons, colons, dashes, and a comma before a joining word.
 */
const CLAUSE_BREAK =
  /\s*[;:\u2013\u2014]\s+|,\s+(?=(?:and|but|while|though|although|whereas|after|as|because|since|so|which|who|when|even as|according to)\b)/i;
/** A clause shorter than this many words states no claim of its own. */
const MIN_CLAUSE_WORDS = 5;

/**
 * Claims the sentence repeats, best first; empty when it repeats none. A long sentence is also read clause
 * by clause: what one clause says is not drowned by the words of the others.
 */
export function matchSentence(sentence: string, matcher: Matcher, threshold = MATCH_THRESHOLD): ClaimMatch[] {
  const found = matchWhole(sentence, matcher, threshold);
  const clauses = sentence.split(CLAUSE_BREAK).filter((c) => c.split(/\s+/).length >= MIN_CLAUSE_WORDS);
  if (clauses.length < 2) return found;
  const seen = new Set(found.map((m) => m.claimId));
  for (const clause of clauses)
    for (const match of matchWhole(clause, matcher, threshold))
      if (!seen.has(match.claimId)) {
        seen.add(match.claimId);
        found.push(match);
      }
  return found;
}

function matchWhole(sentence: string, matcher: Matcher, threshold: number): ClaimMatch[] {
  // A question asserts nothing ("Is Oracle's involvement enough?").
  if (/\?["'”’)\]]*\s*$/.test(sentence)) return [];
  const known = [...features(sentence)].map((f) => matcher.vocab.get(f)).filter((f) => f !== undefined);
  if (known.length < 2) return [];
  // The story gate: a sentence with none of the terms most claims share (data, access, China…) needs more agreement.
  const onStory = known.some((f) => matcher.story.has(f));
  // "Could access" is not "accessed": a sentence saying only that something could be done repeats no claim
  // that it was done (unless it also says it was: "accessed, and could access more").
  const could = [...abilityTerms(sentence)].flatMap((t) => matcher.vocab.get(t) ?? []);
  const did = new Set([...actTerms(sentence)].flatMap((t) => matcher.vocab.get(t) ?? []));
  const onlyCould = could.filter((t) => !did.has(t));
  const speaker = speakerOf(sentence);
  // Words the sentence quotes that a claim's own passages hold are the strongest sign of which claim it is.
  const quoting = quotedClaims(sentence, matcher);
  // A sentence denying what a claim plainly asserts ("staff in China did not have access") does not repeat it.
  // A claim that denies something itself ("does not name the employees") is left to agreement: denials are
  // worded too many ways ("withheld their names") to read as contradictions.
  const denied = [...deniedTerms(sentence)].flatMap((t) => matcher.vocab.get(t) ?? []);
  const contradicts = (claim: number) =>
    matcher.denies[claim]?.size === 0 && denied.some((t) => matcher.asserts[claim]?.has(t));
  const candidates = new Set(
    known
      .flatMap((f) => matcher.claimsWith[f] ?? [])
      .filter((claim) => !onlyCould.some((t) => matcher.acts[claim]?.includes(t)) && !contradicts(claim)),
  );
  // Per feature: the matched claims that already explain it.
  const explainedBy = new Map<number, number[]>();
  const taken = new Set<number>();
  const out: ClaimMatch[] = [];
  for (;;) {
    const scores = new Map<number, number>();
    for (const claim of candidates) {
      const weights = matcher.weights[claim];
      if (!weights || taken.has(claim)) continue;
      const quotes = quoting.has(claim) && !taken.size ? QUOTED_BONUS : 0;
      const scored = scoreClaim(known, weights, matcher, claim, explainedFor(claim, explainedBy, matcher), onStory);
      // Quoted words rank; they do not stand in for agreement ("Master Admin" is also a default account's name).
      const score = (scored > 0 ? scored + quotes : 0) * voiceFit(speaker, matcher.kinds[claim]);
      if (score >= threshold) scores.set(claim, score);
    }
    // A claim another matching claim entails comes with that one, after it: the more specific claim leads.
    let best = { claim: -1, score: 0 };
    for (const [claim, score] of scores) {
      if (matcher.impliedBy.get(claim)?.some((by) => scores.has(by))) continue;
      if (score > best.score || (score === best.score && claim < best.claim)) best = { claim, score };
    }
    if (best.claim < 0) break;
    taken.add(best.claim);
    out.push({ claimId: matcher.ids[best.claim] ?? '', score: round(best.score) });
    for (const f of known) {
      if (matcher.weights[best.claim]?.has(f)) explainedBy.set(f, [...(explainedBy.get(f) ?? []), best.claim]);
    }
    // Repeating a claim repeats every claim all of whose passages also support it.
    for (const implied of matcher.implies.get(best.claim) ?? []) {
      if (taken.has(implied)) continue;
      taken.add(implied);
      out.push({ claimId: matcher.ids[implied] ?? '', score: round(best.score) });
    }
  }
  return out;
}

/** What a claim holding a sentence's quoted words gains: it comes first. */
const QUOTED_BONUS = 0.3;
/** A quoted passage held by more claims than this is a common phrase, not one claim's words. */
const QUOTED_SPECIFIC = 3;

/**
 * The claims whose texts hold a passage the sentence quotes: every adjacent pair of its content terms (at
 * least one pair, so two words) is a feature of the claim, and few claims hold it.
 */
function quotedClaims(sentence: string, matcher: Matcher): Set<number> {
  const out = new Set<number>();
  for (const passage of quotedPassages(sentence)) {
    const list = terms(passage);
    const pairs: number[] = [];
    for (let i = 0; i + 1 < list.length; i++) {
      const pair = matcher.vocab.get(`${list[i] ?? ''} ${list[i + 1] ?? ''}`);
      if (pair !== undefined) pairs.push(pair);
    }
    if (pairs.length === 0 || pairs.length < list.length - 1) continue;
    const holders = (matcher.claimsWith[pairs[0] ?? -1] ?? []).filter((claim) =>
      pairs.every((pair) => matcher.weights[claim]?.has(pair)),
    );
    if (holders.length <= QUOTED_SPECIFIC) for (const claim of holders) out.add(claim);
  }
  return out;
}

/** How much a claim's speaker may be the one a sentence names: a company's statement is not a reported finding. */
const VOICE_FIT: Record<'company' | 'reporting', Partial<Record<ClaimKind, number>>> = {
  company: { 'company statement': 1.1, 'reported finding': 0.85, background: 0.85, 'outlet statement': 0.85 },
  reporting: { 'company statement': 0.85, 'reported finding': 1.1 },
};

function voiceFit(speaker: 'company' | 'reporting' | null, kind: ClaimKind | undefined): number {
  return speaker && kind ? (VOICE_FIT[speaker][kind] ?? 1) : 1;
}

/**
 * The features already explained for a candidate claim: those of the claims
 * matched so far, except claims the candidate implies (a claim that entails
 * one already matched is expected to share its words).
 */
function explainedFor(claim: number, explainedBy: Map<number, number[]>, matcher: Matcher): Set<number> {
  const implied = matcher.implies.get(claim) ?? [];
  const out = new Set<number>();
  for (const [f, by] of explainedBy) if (by.some((c) => !implied.includes(c))) out.add(f);
  return out;
}

function scoreClaim(
  known: readonly number[],
  weights: Map<number, number>,
  matcher: Matcher,
  claim: number,
  explained: ReadonlySet<number>,
  onStory: boolean,
): number {
  // A claim after the first must stand on evidence of its own (see below).
  const secondary = explained.size > 0;
  let dot = 0;
  let sentenceNorm = 0;
  const distinctive = new Set<number>();
  let freshNumbers = 0;
  for (const f of known) {
    const s = matcher.featureWeight[f] ?? 0;
    const e = explained.has(f) ? EXPLAINED : 1;
    sentenceNorm += s * s * e * e;
    const w = weights.get(f);
    if (w === undefined) continue;
    dot += w * s * e;
    if (w < DISTINCTIVE || explained.has(f)) continue;
    // Agreement is counted in terms: a distinctive pair ("master admin") agrees on both of its terms.
    let agreeing = (matcher.pairTerms.get(f) ?? [f]).filter((t) => !matcher.names.has(t));
    if (secondary) {
      // A further claim counts only features with a term the claims already matched do not explain; such a
      // term brings its pair partner along ("everything is seen" after "access to everything") unless the
      // partner is one of the story's common terms (data, China, access…) already explained. A new pairing
      // of explained words is no evidence for a second claim.
      const fresh = agreeing.filter((t) => !explained.has(t));
      if (fresh.length === 0) continue;
      agreeing = agreeing.filter((t) => !explained.has(t) || !matcher.common.has(t));
      // The same number ("more than 80 meetings") is a specific fact, as good as two words.
      for (const t of fresh) if (matcher.numbers.has(t) && !distinctive.has(t)) freshNumbers++;
    }
    for (const t of agreeing) distinctive.add(t);
  }
  // Two agreeing terms, or three where the sentence has none of the story's common terms; and at least one of
  // them says what, not only who: "Donald Trump" alone is a name, not the claim. A first claim also needs
  // more than a date or a number ("between September 2021 and January 2022, TikTok added features"); a
  // further one may rest on a number of its own ("80 meetings"), the first having put the sentence on the story.
  if (distinctive.size + freshNumbers < (onStory ? 2 : 3)) return 0;
  const says = (t: number) => !matcher.proper.has(t) && (secondary || !matcher.numbers.has(t));
  if (![...distinctive].some(says)) return 0;
  // And on what the claim says, not only on how the reports know it ("leaked audio of internal meetings").
  const core = matcher.cores[claim];
  if (core && ![...distinctive].some((t) => core.has(t))) return 0;
  return dot / ((matcher.norms[claim] ?? 1) * Math.sqrt(sentenceNorm));
}

export interface SentenceMatch extends Sentence {
  matches: ClaimMatch[];
}

// A page using fewer of the story's common terms than this is about something else.
const PAGE_STORY_TERMS = 6;

/** A text read once: what the page-level decisions and the ranking need, without reading it again. */
interface Reading {
  /** The text's features that are in the claims' vocabulary. */
  known: number[];
  /** Uses enough of the story's common terms to be about it. */
  about: boolean;
  /** Every sentence that, taken alone, repeats a claim. */
  found: SentenceMatch[];
  /** Some sentence anchors the text on the story (see `anchors`). */
  anchored: boolean;
}

function read(text: string, matcher: Matcher): Reading {
  const known = knownFeatures(text, matcher);
  const found = splitSentences(text).flatMap((sentence) => {
    const matches = matchSentence(sentence.text, matcher);
    return matches.length > 0 ? [{ ...sentence, matches }] : [];
  });
  return {
    known,
    about: usesStoryTerms(known, matcher),
    found,
    anchored: found.some((s) => anchors(s, text, matcher)),
  };
}

/**
 * The sentences of a reading that count. A page about something else (an Oracle earnings report, a dance
 * trend) gets none: it must use enough of the story's terms and have a sentence that anchors it.
 * `pageOnStory`: the text is part of a page already known to be about the story (a paragraph of it), so
 * those page-level tests are already passed.
 */
function counted(reading: Reading, pageOnStory: boolean): SentenceMatch[] {
  return pageOnStory || (reading.about && reading.anchored) ? reading.found : [];
}

/** What a page's text says, read once. */
export interface PageReading {
  /** Its sentences that repeat a claim; none on a page about something else. */
  matches: SentenceMatch[];
  /**
   * Whether it relates to the story: a sentence anchors it (see `anchors`). Sharing the story's vocabulary is
   * not enough: ordinary business news uses "data centers", "users" and "cloud infrastructure" too.
   */
  relates: boolean;
  /** Claims ranked by the text, most relevant first; none when it does not relate. */
  ranked: ClaimMatch[];
}

export function readPage(text: string, matcher: Matcher): PageReading {
  const reading = read(text, matcher);
  const matches = counted(reading, false);
  const relates = reading.anchored;
  return { matches, relates, ranked: relates ? rankFrom(reading.known, matches, matcher) : [] };
}

/** Whether a text (a page, a paragraph) relates to the story: a sentence of it anchors it (see `anchors`). */
export function relatesToStory(text: string, matcher: Matcher): boolean {
  return read(text, matcher).anchored;
}

/** Every sentence of a page's text that repeats a claim (see `counted`). */
export function matchText(text: string, matcher: Matcher, pageOnStory = false): SentenceMatch[] {
  return counted(read(text, matcher), pageOnStory);
}

/**
 * Whether a matched sentence puts its page on the story: it repeats a claim that is not mere background, in
 * a paragraph (text between blank lines) that names one of the companies. A page about something else can
 * echo a claim's words by chance ("a Netscape staff meeting", "a million young people"), but not next to the
 * company the claim is about.
 */
function anchors(sentence: SentenceMatch, text: string, matcher: Matcher): boolean {
  if (sentence.matches.every((m) => matcher.background.has(matcher.ids.indexOf(m.claimId)))) return false;
  const from = text.lastIndexOf('\n\n', sentence.start);
  const to = text.indexOf('\n\n', sentence.end);
  const paragraph = text.slice(from < 0 ? 0 : from, to < 0 ? text.length : to);
  return terms(paragraph).some((term) => COMPANY_TERMS.includes(term));
}

function knownFeatures(text: string, matcher: Matcher): number[] {
  return [...features(text)].map((f) => matcher.vocab.get(f)).filter((f) => f !== undefined);
}

function usesStoryTerms(known: readonly number[], matcher: Matcher): boolean {
  let seen = 0;
  for (const f of known) if (matcher.story.has(f) && ++seen >= PAGE_STORY_TERMS) return true;
  return false;
}

/** Whether a text uses enough of the story's common terms to be about it. */
export function aboutStory(text: string, matcher: Matcher): boolean {
  return usesStoryTerms(knownFeatures(text, matcher), matcher);
}

/**
 * Claims ranked by how much a paragraph or page says what they say: the sum of
 * the text's sentence matches first, then the text's looser overlap with each claim
 * (cosine without the thresholds) to order the rest. Only claims with some
 * overlap are returned; `only` limits it to, say, one company's claims;
 * `pageOnStory` as for `counted`.
 */
export function rankClaimsByText(
  text: string,
  matcher: Matcher,
  only?: ReadonlySet<string>,
  pageOnStory = false,
): ClaimMatch[] {
  const reading = read(text, matcher);
  return rankFrom(reading.known, counted(reading, pageOnStory), matcher, only);
}

/** What leading a sentence adds to a claim's rank: more than any score, so a sentence's lead claim comes first. */
const LEAD_WEIGHT = 1;

function rankFrom(
  known: readonly number[],
  matches: readonly SentenceMatch[],
  matcher: Matcher,
  only?: ReadonlySet<string>,
): ClaimMatch[] {
  const strength = new Map<string, number>();
  for (const sentence of matches) {
    // The claim a sentence leads with (the one its card opens on) counts most.
    sentence.matches.forEach((m, i) =>
      strength.set(m.claimId, (strength.get(m.claimId) ?? 0) + m.score + (i === 0 ? LEAD_WEIGHT : 0)),
    );
  }
  const out: ClaimMatch[] = [];
  matcher.ids.forEach((id, claim) => {
    if (only && !only.has(id)) return;
    const loose = looseScore(known, matcher, claim);
    const matched = strength.get(id);
    const score = (matched === undefined ? 0 : 1 + matched) + loose;
    if (score > 0) out.push({ claimId: id, score: round(score) });
  });
  return out.sort((a, b) => b.score - a.score);
}

/**
 * Cosine of the text's features and a claim's, below 1 so any sentence match outranks it. Company names
 * are left out: every claim about a company has its name, so a text that shares only the name ("TikTok"
 * in a menu) says nothing about which claim it is near.
 */
function looseScore(known: readonly number[], matcher: Matcher, claim: number): number {
  const weights = matcher.weights[claim];
  if (!weights) return 0;
  let dot = 0;
  let norm = 0;
  for (const f of known) {
    if (matcher.names.has(f)) continue;
    const s = matcher.featureWeight[f] ?? 0;
    norm += s * s;
    dot += (weights.get(f) ?? 0) * s;
  }
  return norm > 0 ? (0.99 * dot) / ((matcher.norms[claim] ?? 1) * Math.sqrt(norm)) : 0;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
