/**
 * Which claims, in which order: the one place that decides it for every
 * surface. The hover card asks for a mention's claims, the popup and the side
 * panel for a page's, the library and every search box for a query's; each
 * composes the same three signals, strongest first:
 *  1. what the reader is on: a claim a marked sentence repeats, the claims the
 *     hovered paragraph says (the claim matcher), a query's results;
 *  2. what the whole page repeats (its ranking, from the background's match);
 *  3. corroboration: claims carried by more reports first, then claims about
 *     the company before claims that only touch it, then by kind.
 * Search has one rule everywhere (see `searchClaims`).
 */
import { matchText, rankClaimsByText, relatesToStory, type Matcher } from './claimMatch/match.ts';
import { reportCount, type ClaimKind, type ClaimsIndex, type IndexedClaim } from './claims.ts';
import type { EntityId } from './entities.ts';
import type { PageClaims } from './pageClaims.ts';
import { foldAccents, STOP_WORDS, words } from './text/words.ts';

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
 * Claims in their standing order: carried by more reports first, then (for `entity`) those mainly about
 * it before those that only touch it, then by kind (findings before background); ties keep data order.
 */
export function corroborationOrder(claims: readonly IndexedClaim[], entity?: EntityId): IndexedClaim[] {
  return claims
    .map((claim, order) => ({ claim, order }))
    .sort(
      (a, b) =>
        reportCount(b.claim) - reportCount(a.claim) ||
        (entity === undefined ? 0 : Number(b.claim.entities[0] === entity) - Number(a.claim.entities[0] === entity)) ||
        KIND_WEIGHT[b.claim.kind] - KIND_WEIGHT[a.claim.kind] ||
        a.order - b.order,
    )
    .map(({ claim }) => claim);
}

/** `claims` with the ids `first` names moved to the front, in `first`'s order; the rest keep theirs. */
export function leadWith<C extends { id: string }>(claims: readonly C[], first: readonly string[]): C[] {
  if (first.length === 0) return [...claims];
  const position = new Map<string, number>();
  for (const id of first) if (!position.has(id)) position.set(id, position.size);
  const last = position.size;
  return [...claims].sort((a, b) => (position.get(a.id) ?? last) - (position.get(b.id) ?? last));
}

/** Whether a page's summary says it relates to the story (null: not matched yet, so no claim that it does not). */
export function pageRelates(page: PageClaims | null): boolean {
  return page === null || page.aboutStory;
}

/** A mention the reader is on: its company, a claim its sentence repeats, and the paragraph around it. */
export interface MentionContext {
  entity: EntityId;
  /** A claim the hovered sentence repeats: it leads. */
  lead: string | null;
  /** The text around the mention. */
  paragraph: string;
}

export interface MentionClaims {
  claims: IndexedClaim[];
  /** False on a page about something else: its card says so and folds the claims. */
  related: boolean;
}

/**
 * The hover card's claims: the company's, led by the claim a hovered sentence repeats, then those its
 * paragraph says (when the page, or the paragraph itself, is on the story), then the page's ranking, then
 * corroboration. `page` is what matching found on the tab, or null before it has run.
 */
export function claimsForMention(
  index: ClaimsIndex,
  matcher: Matcher,
  { entity, lead, paragraph }: MentionContext,
  page: PageClaims | null,
): MentionClaims {
  const about = index.claims.filter((claim) => claim.entities.includes(entity));
  const related = lead !== null || pageRelates(page);
  const pageOnStory = page?.aboutStory === true;
  const ids = new Set(about.map((claim) => claim.id));
  const first: string[] = lead !== null && ids.has(lead) ? [lead] : [];
  if (pageOnStory || (page === null && relatesToStory(paragraph, matcher)))
    for (const match of rankClaimsByText(paragraph, matcher, ids, pageOnStory)) first.push(match.claimId);
  if (pageOnStory) first.push(...page.ranked.filter((id) => ids.has(id)));
  return { claims: leadWith(corroborationOrder(about, entity), first), related };
}

/**
 * The popup's and side panel's claims: each claim about the companies a page mentions once, the companies'
 * own orders interleaved (so no company's claims all come last), then led by what the page repeats when it
 * is on the story.
 */
export function claimsForPage(
  index: ClaimsIndex,
  entities: readonly EntityId[],
  page: PageClaims | null,
): IndexedClaim[] {
  const lists = entities.map((entity) =>
    corroborationOrder(
      index.claims.filter((claim) => claim.entities.includes(entity)),
      entity,
    ),
  );
  const seen = new Map<string, IndexedClaim>();
  for (let i = 0; lists.some((list) => i < list.length); i++)
    for (const list of lists) {
      const claim = list[i];
      if (claim && !seen.has(claim.id)) seen.set(claim.id, claim);
    }
  return leadWith([...seen.values()], page?.aboutStory ? page.ranked : []);
}

/** How a search found a claim: the text repeats it, the claim holds every word, or the text comes near it. */
export type FoundBy = 'repeats' | 'words' | 'near';

export interface SearchHit {
  claim: IndexedClaim;
  by: FoundBy;
}

export interface SearchResult {
  hits: SearchHit[];
  /** The query was read as text to match (a sentence), not as words to find. */
  asText: boolean;
}

/** From this many words on, a query is read as text to match rather than words to find. */
export const TEXT_QUERY_WORDS = 4;
/** A longer text's nearby claims: those its words come at least this near. */
const NEAR_RELEVANCE = 0.2;

/** Words as search compares them: the shared reading of words, without accents. */
function searchWords(text: string): string[] {
  return words(foldAccents(text));
}

/** A company's name as readers know it, from its id (the catalog's `companyName`). */
export type NameOf = (id: EntityId) => string;

/** Everything of a claim a search looks in: statement, who says it, the note, the quotes and its companies' names. */
function searchable(claim: IndexedClaim, nameOf: NameOf): string[] {
  return searchWords(
    [
      claim.statement,
      claim.attribution,
      claim.note ?? '',
      ...claim.evidence.map(([, quote]) => quote),
      ...claim.entities.map(nameOf),
    ].join('\n'),
  );
}

/** Whether every query word starts a word of the claim ("access" finds "accessed"; "us" does not find "because"). */
function holdsAll(claimWords: readonly string[], query: readonly string[]): boolean {
  return query.every((word) => claimWords.some((w) => w.startsWith(word)));
}

/**
 * The one search rule, for the popup, the side panel and the library. A few words (fewer than
 * TEXT_QUERY_WORDS, stop words aside) find the claims holding every one of them, anywhere in the claim
 * (statement, attribution, note, quotes, companies), case and accents aside. A longer text (a selected
 * sentence) is read by the claim matcher: the claims it repeats first, then claims holding all its words,
 * then claims it comes near. Within each group the claims it is nearest to come first, then `claims`' order.
 * `matcher` null: words only (the matcher is still loading).
 */
export function searchClaims(
  claims: readonly IndexedClaim[],
  query: string,
  matcher: Matcher | null,
  nameOf: NameOf,
): SearchResult {
  const all = searchWords(query);
  const content = all.filter((word) => !STOP_WORDS.has(word));
  const wanted = content.length > 0 ? content : all;
  if (wanted.length === 0) return { hits: claims.map((claim) => ({ claim, by: 'words' })), asText: false };
  const asText = content.length >= TEXT_QUERY_WORDS && matcher !== null;
  const ids = new Set(claims.map((claim) => claim.id));
  const repeated = new Map<string, number>();
  const near = new Map<string, number>();
  if (asText) {
    // The reader chose the text: it is read as about the story, so its sentences may match on their own.
    for (const sentence of matchText(query, matcher, true))
      for (const match of sentence.matches)
        if (ids.has(match.claimId)) repeated.set(match.claimId, (repeated.get(match.claimId) ?? 0) + match.score);
    for (const match of rankClaimsByText(query, matcher, ids, true)) near.set(match.claimId, match.score);
  }
  const hits: (SearchHit & { rank: number; score: number; order: number })[] = [];
  claims.forEach((claim, order) => {
    const score = near.get(claim.id) ?? 0;
    if (repeated.has(claim.id)) hits.push({ claim, by: 'repeats', rank: 0, score, order });
    else if (holdsAll(searchable(claim, nameOf), wanted)) hits.push({ claim, by: 'words', rank: 1, score, order });
    else if (asText && score >= NEAR_RELEVANCE) hits.push({ claim, by: 'near', rank: 2, score, order });
  });
  hits.sort((a, b) => a.rank - b.rank || b.score - a.score || a.order - b.order);
  return { hits: hits.map(({ claim, by }) => ({ claim, by })), asText };
}

/**
 * A few words of `query` worth searching the claims for, when read as a sentence it repeats none: its
 * content words that some claim holds, the rarest among the claims first, as many as some claim holds all
 * of. Empty when no claim holds any of them.
 */
export function wordsToSearch(claims: readonly IndexedClaim[], query: string, nameOf: NameOf, count = 3): string {
  const held = claims.map((claim) => searchable(claim, nameOf));
  const seen = new Set<string>();
  const candidates = searchWords(query).filter((word) => {
    if (STOP_WORDS.has(word) || word.length < 3 || seen.has(word)) return false;
    seen.add(word);
    return true;
  });
  const holders = (words: readonly string[]) => held.filter((claimWords) => holdsAll(claimWords, words)).length;
  // The rarest word some claim holds first, then each next rarest that still leaves some claim holding all.
  const chosen: string[] = [];
  for (const { word } of candidates
    .map((word) => ({ word, n: holders([word]) }))
    .filter(({ n }) => n > 0)
    .sort((a, b) => a.n - b.n)) {
    if (chosen.length >= count) break;
    if (holders([...chosen, word]) > 0) chosen.push(word);
  }
  return chosen.join(' ');
}
