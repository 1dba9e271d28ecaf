/**
 * Text → matching features, shared by the build (claims) and the page
 * (sentences) so both sides are normalised the same way: the shared word
 * folds (text/words.ts: spelling, typography, numbers as digits, stemming),
 * company names folded by their mention rules, and the synonyms this story's
 * coverage uses mapped to one term. Features are the content words plus
 * adjacent pairs of them ("master admin", "seen china").
 */
import { COMPANIES } from '../lexicon.ts';
import { compileMatcher } from '../mentions.ts';
import { normalize as normalizeWords, STOP_WORDS, termOf, words } from '../text/words.ts';

// Variant stem → the term claims and coverage share.
const SYNONYMS: Record<string, string> = {
  employe: 'staff',
  staffer: 'staff',
  worker: 'staff',
  personnel: 'staff',
  engineer: 'staff',
  team: 'staff',
  chinese: 'china',
  beijing: 'china',
  prc: 'china',
  america: 'usa',
  american: 'usa',
  united_states: 'usa',
  nonpublic: 'private',
  audio: 'record',
  tape: 'record',
  footage: 'record',
  clip: 'record',
  trove: 'record',
  information: 'data',
  info: 'data',
  customer: 'user',
  reach: 'access',
  routine: 'repeat',
  regular: 'repeat',
  repeated: 'repeat',
  again: 'repeat',
  multiple: 'repeat',
  frequent: 'repeat',
  remark: 'statement',
  prohibit: 'ban',
  bar: 'ban',
  barr: 'ban',
  block: 'ban',
  outlaw: 'ban',
  pentagon: 'defense',
  dod: 'defense',
  dea: 'defense',
  military: 'military',
  troop: 'military',
  soldier: 'military',
  lawmaker: 'lawmaker',
  legislator: 'lawmaker',
  congress: 'lawmaker',
  senator: 'senate',
  misled: 'mislead',
  authority: 'government',
  regime: 'government',
  facility: 'center',
  centre: 'center',
  server: 'server',
  scrutiniz: 'scrutiniz',
  visible: 'seen',
  see: 'seen',
  backdoor: 'backdoor',
  back_door: 'backdoor',
  keep: 'store',
  kept: 'store',
  hold: 'store',
  held: 'store',
  hous: 'store',
  own: 'parent',
  owner: 'parent',
  teen: 'young',
  teenager: 'young',
  youth: 'young',
  gen_z: 'young',
  generation_z: 'young',
  recruit: 'recruit',
  recruitment: 'recruit',
  recruiting: 'recruit',
  geotagg: 'geotag',
  geo_tagg: 'geotag',
};

/**
 * The companies' names as terms, one per company: every spelling its mention rules accept ("Tik Tok",
 * "TIKTOK", "字节跳动") becomes the one term `entity_<id>`, derived from seeds/companies.json. They say which
 * company, not what is said about it.
 */
const NAME_PREFIX = 'entity_';
const NAMES = compileMatcher(COMPANIES);
export const COMPANY_TERMS: readonly string[] = COMPANIES.map((company) => `${NAME_PREFIX}${company.id}`);
const isName = (word: string) => word.startsWith(NAME_PREFIX);

/** Each company mention, as the content script's rules find it, replaced by its company's term. */
function foldNames(text: string): string {
  const pattern = new RegExp(NAMES.pattern.source, NAMES.pattern.flags);
  return text.replace(pattern, (...args: unknown[]) => {
    const groups = args.at(-1) as Record<string, string | undefined>;
    const id = COMPANIES.find((company) => groups[company.id] !== undefined)?.id;
    return id === undefined ? String(args[0]) : ` ${NAME_PREFIX}${id} `;
  });
}

/** The text as the matcher reads it: company names folded to their terms, then the shared folds. */
export function normalize(text: string): string {
  return normalizeWords(foldNames(text));
}

/** The content terms of a text, in order: the shared terms, then the story's synonyms mapped to one term. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const word of words(foldNames(text))) {
    const term = termOf(word, isName);
    if (term === null) continue;
    const synonym = SYNONYMS[word] ?? SYNONYMS[term] ?? term;
    if (!STOP_WORDS.has(synonym)) out.push(synonym);
  }
  return out;
}

/** Distinct features of a text: its terms and the pairs of adjacent terms. */
export function features(text: string): Set<string> {
  const list = terms(text);
  const out = new Set(list);
  for (let i = 0; i + 1 < list.length; i++) {
    const a = list[i] ?? '';
    const b = list[i + 1] ?? '';
    if (a !== b) out.add(`${a} ${b}`);
  }
  return out;
}

/**
 * Terms that the given texts only ever write capitalised, away from the start of a sentence (names of people,
 * places and bodies: "Trump", "Senate", "US"): who or where, not what was said or done. A term written in
 * lower case anywhere is not one.
 */
export function properTerms(texts: readonly string[]): Set<string> {
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  for (const text of texts) {
    // Each word with what precedes it, to tell a name from a capital that only starts a sentence.
    for (const match of text.matchAll(/(^|[.!?:"“]\s*|\s+|[^\s\p{L}\p{N}]+)([\p{L}\p{N}][\p{L}\p{N}.'’]*)/gu)) {
      const before = match[1] ?? '';
      const word = match[2] ?? '';
      const term = terms(word)[0];
      if (term === undefined || /^\d+$/.test(term)) continue;
      const first = word[0] ?? '';
      if (first === first.toLowerCase()) lower.add(term);
      else if (before !== '' && !/[.!?:"“]\s*$/.test(before)) capitalised.add(term);
    }
  }
  return new Set([...capitalised].filter((term) => !lower.has(term)));
}
