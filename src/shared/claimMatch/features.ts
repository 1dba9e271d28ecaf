/**
 * Text → matching features, shared by the build (claims) and the page
 * (sentences) so both sides are normalised the same way: the shared word
 * folds (text/words.ts: spelling, typography, numbers as digits, stemming),
 * company names folded by their mention rules, and the synonyms this story's
 * coverage uses mapped to one term. Features are the content words plus
 * adjacent pairs of them ("master admin", "seen china").
 */
import { BUILT_IN_COMPANIES } from '../lexicon.ts';
import { compileMatcher } from '../mentions.ts';
import { normalize as normalizeWords, splitWords, stem, STOP_WORDS, termOf } from '../text/words.ts';

/**
 * Words coverage of this story uses for the same thing, each → the one term claims and pages share. Written
 * as words; each is looked up as written and by its stem, so "routinely", "routine" and "routines" all agree.
 */
const SYNONYM_GROUPS: Readonly<Record<string, readonly string[]>> = {
  staff: [
    'staff',
    'staffer',
    'employee',
    'worker',
    'personnel',
    'engineer',
    'team',
    'coder',
    'developer',
    'programmer',
  ],
  china: ['chinese', 'beijing', 'prc'],
  usa: ['america', 'american', 'united_states'],
  private: ['nonpublic'],
  record: ['audio', 'tape', 'footage', 'clip', 'trove'],
  data: ['information', 'info'],
  user: ['customer'],
  access: ['access', 'reach', 'view', 'retrieve', 'pull', 'dip', 'tap'],
  route: ['route', 'reroute', 'send', 'sent', 'funnel', 'channel'],
  move: ['move', 'shift', 'migrate', 'transfer'],
  repeat: ['routine', 'regular', 'repeated', 'again', 'multiple', 'frequent', 'occasion'],
  statement: ['remark'],
  ban: ['prohibit', 'bar', 'barred', 'block', 'outlaw'],
  defense: ['defense', 'defence', 'pentagon', 'dod'],
  military: ['military', 'troop', 'soldier'],
  lawmaker: ['legislator', 'congress'],
  senate: ['senator'],
  mislead: ['misled'],
  government: ['authority', 'regime'],
  center: ['facility', 'centre'],
  seen: ['visible', 'see'],
  backdoor: ['back_door'],
  store: ['keep', 'kept', 'hold', 'held', 'house', 'housed'],
  parent: ['own', 'owner'],
  young: ['teen', 'teenager', 'youth', 'gen_z', 'generation_z'],
  recruit: ['recruitment', 'recruiting'],
  geotag: ['geotagged', 'geo_tagged'],
};

/** A word's inflections as the stemmer leaves them ("move", "moved" → "mov", "moving" → "mov", "moves"). */
const inflections = (word: string) =>
  [word, `${word}s`, `${word}d`, `${word}ed`, `${word}ing`, `${word.replace(/e$/, '')}ing`].map(stem);

const SYNONYMS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SYNONYM_GROUPS).flatMap(([term, variants]) =>
    variants.flatMap((word) => [[word, term] as const, ...inflections(word).map((form) => [form, term] as const)]),
  ),
);

/**
 * The companies' names as terms, one per company: every spelling its mention rules accept ("Tik Tok",
 * "TIKTOK", "字节跳动") becomes the one term `entity_<id>`, derived from seeds/companies.json. They say which
 * company, not what is said about it.
 */
const NAME_PREFIX = 'entity_';
const NAMES = compileMatcher(BUILT_IN_COMPANIES);
export const COMPANY_TERMS: readonly string[] = BUILT_IN_COMPANIES.map((company) => `${NAME_PREFIX}${company.id}`);
const isName = (word: string) => word.startsWith(NAME_PREFIX);

/** Each company mention, as the content script's rules find it, replaced by its company's term. */
function foldNames(text: string): string {
  const pattern = new RegExp(NAMES.pattern.source, NAMES.pattern.flags);
  return text.replace(pattern, (...args: unknown[]) => {
    const groups = args.at(-1) as Record<string, string | undefined>;
    const id = BUILT_IN_COMPANIES.find((company) => groups[company.id] !== undefined)?.id;
    return id === undefined ? String(args[0]) : ` ${NAME_PREFIX}${id} `;
  });
}

/**
 * How coverage phrases the story's central acts, folded to the words the claims use, tense kept: "got at",
 * "dipped into", "looked at" and "saw the data" are "accessed"; "get at" is "access"; "again and again" and
 * "on several occasions" are "repeatedly"; "in a position to" is "able to".
 */
const PHRASES: readonly [RegExp, string][] = [
  [/\b(?:got|gotten|gained|looked|peeked|peered|dipped|tapped)\s+(?:at|into|in to|hold of|access to)\b/g, 'accessed'],
  [
    /\b(?:get|gets|getting|gain|gains|gaining|look|looks|looking|peek|peer|dip|dips|dipping|tap|taps|tapping)\s+(?:at|into|in to|hold of|access to)\b/g,
    'access',
  ],
  [/\b(?:saw|viewed)\b(?=(?:\s+\S+){0,4}\s+(?:data|information|info|details|records)\b)/g, 'accessed'],
  [
    /\b(?:see|sees|seeing|view|views|viewing)\b(?=(?:\s+\S+){0,4}\s+(?:data|information|info|details|records)\b)/g,
    'access',
  ],
  [
    /\b(?:again and again|time and again|over and over(?: again)?|(?:many|multiple|several|numerous) times(?: over)?|on (?:a number of|several|multiple|many|numerous|repeated) occasions|on a regular basis)\b/g,
    'repeatedly',
  ],
  [/\bin a position to\b|\bhad the means to\b|\bhave the means to\b/g, 'able to'],
];

/** The story's phrasings folded, case kept (verbs are told from names by case). */
function phrased(text: string): string {
  let out = foldNames(text);
  for (const [pattern, replacement] of PHRASES) out = out.replace(new RegExp(pattern.source, 'gi'), replacement);
  return out;
}

/** The text as the matcher reads it: company names folded to their terms, the shared folds, the story's phrasings. */
export function normalize(text: string): string {
  let out = normalizeWords(foldNames(text));
  for (const [pattern, replacement] of PHRASES) out = out.replace(pattern, replacement);
  return out;
}

/** Words that say someone could do something: one term, "able", which claims about an ability share. */
const ABLE_WORDS = new Set(['could', 'can', 'cannot', 'able', 'ability', 'capable', 'capability', 'capacity']);

/** The content terms of a text, in order: the shared terms, then the story's synonyms mapped to one term. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const word of splitWords(normalize(text))) {
    // Modality is content here: "could access" and "were able to access" agree, "accessed" says more.
    if (ABLE_WORDS.has(word)) {
      out.push('able');
      continue;
    }
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

/** Words after which a verb says what someone could do, not what they did ("could access", "able to see"). */
const ABILITY_MARKERS = new Set([
  'could',
  'can',
  'cannot',
  'able',
  'unable',
  'ability',
  'capable',
  'capability',
  'capacity',
  'permission',
  'means',
  'position',
]);
/** "Had access", "with access", "gave … access": access as something held, not used. */
const HELD_ACCESS = /\b(?:had|has|have|having|with|given|granted|gave|gives|give)\s+(?:\S+\s+){0,2}?access\b/;
/** How far after an ability marker its verb may come ("could, in principle, access"). */
const ABILITY_REACH = 4;

/**
 * The terms a text says someone could do rather than did: those within a few words after "could", "can",
 * "able", "permission"…, and "access" when it is had or given. "Accessed" and "could access" are different
 * claims (docs/claims.md, rule 4).
 */
export function abilityTerms(text: string): Set<string> {
  const out = new Set<string>();
  const list = splitWords(normalize(text));
  list.forEach((word, i) => {
    if (!ABILITY_MARKERS.has(word)) return;
    for (const next of list.slice(i + 1, i + 1 + ABILITY_REACH)) {
      const term = termOf(next, isName);
      if (term !== null) out.add(SYNONYMS[next] ?? SYNONYMS[term] ?? term);
    }
  });
  if (HELD_ACCESS.test(normalize(text))) out.add('access');
  return out;
}

/**
 * The terms of the acts a text says were done: its past-tense verbs ("accessed", "stored", "routed"), as
 * terms. A claim that something was done is not repeated by a sentence saying only that it could be.
 */
export function actTerms(text: string): Set<string> {
  const out = new Set<string>();
  // Verbs are written in lower case: "BuzzFeed" is a name, not an act.
  for (const word of phrased(text).match(/(?<![\p{L}\p{N}_])[a-z]{3,}ed(?![\p{L}\p{N}_])/gu) ?? []) {
    const term = termOf(word, isName);
    if (term !== null) out.add(SYNONYMS[word] ?? SYNONYMS[term] ?? term);
  }
  return out;
}

/**
 * Terms that are part of how a company is named in the given texts: every time they occur, they come right
 * after one of the companies' names ("Oracle Cloud Infrastructure", "Oracle's cloud servers"). Like the
 * name itself, they say which product, not what is said about it, so "cloud infrastructure revenue" in an
 * earnings report agrees with no claim on them.
 */
export function nameParts(texts: readonly string[]): Set<string> {
  const after = new Set<string>();
  const elsewhere = new Set<string>();
  for (const text of texts) {
    const list = terms(text);
    list.forEach((term, i) => {
      if (isName(term)) return;
      const nearName = list.slice(Math.max(0, i - 2), i).some(isName);
      (nearName ? after : elsewhere).add(term);
    });
  }
  return new Set([...after].filter((term) => !elsewhere.has(term)));
}

/** Verbs of saying: who says something, not what. */
const SAYING =
  '(?:said|says|say|insisted|insists|insist|claimed|claims|maintained|maintains|promised|promises|told|tells|denied|denies|stated|states|argued|argues|assured|assures|pledged|pledges|announced|announces|responded|wrote|writes|added|acknowledged|countered|contends|contended)';
/** Who a company speaks through. */
const COMPANY_VOICE = `(?:entity_\\w+|the company|the firm|the app|its? (?:spokes(?:wo)?man|spokesperson|representative|executive|chief \\w+ officer)|a (?:spokes(?:wo)?man|spokesperson|representative) for entity_\\w+)`;
const COMPANY_SAYS = new RegExp(
  `\\b${COMPANY_VOICE}(?:\\s+\\S+){0,3}?\\s+(?:has |had |have )?(?:long |repeatedly |consistently |always |previously |publicly )?${SAYING}\\b|\\b${SAYING},?\\s+${COMPANY_VOICE}|\\baccording to (?:a )?${COMPANY_VOICE}`,
);
/** What reporting says through: the recordings, a report, an outlet's finding. */
const REPORT_SAYS =
  /\b(?:recordings?|tapes?|audio|footage|documents|report|reporting|investigation|leak|buzzfeed(?: news)?)\s+(?:\S+\s+){0,2}?(?:show|shows|showed|suggest|suggests|suggested|reveal|reveals|revealed|indicate|indicates|indicated|found|finds|reported|reports|confirm|confirms|said|says)\b|\baccording to (?:the )?(?:leaked |internal )?(?:recordings|tapes|audio|report|buzzfeed)/;

/**
 * Who a sentence says is speaking: a company (its own statement, "TikTok said", "according to the company"),
 * the reporting ("the recordings show", "BuzzFeed reported"), or neither. A company's statement and a reported
 * finding about the same thing are different claims.
 */
export function speakerOf(text: string): 'company' | 'reporting' | null {
  const plain = normalize(text);
  const company = COMPANY_SAYS.test(plain);
  const reporting = REPORT_SAYS.test(plain);
  return company === reporting ? null : company ? 'company' : 'reporting';
}

/**
 * The passages a text quotes: words between double quotation marks, or single ones that are not
 * apostrophes ("'master admin'", but not "TikTok's").
 */
export function quotedPassages(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/["\u201C\u201D\u201E]([^"\u201C\u201D\u201E]{3,300})["\u201C\u201D\u201E]/g))
    out.push(match[1] ?? '');
  for (const match of text.matchAll(/(?<![\p{L}\p{N}])['\u2018]([^'\u2018\u2019]{3,300}?)['\u2019](?![\p{L}\p{N}])/gu))
    out.push(match[1] ?? '');
  return out;
}

/** Words that deny what follows them. */
const NEGATORS = new Set([
  'not',
  'never',
  'no',
  'cannot',
  'without',
  'nobody',
  'neither',
  'nor',
  'none',
  'deny',
  'denies',
  'denied',
  'denying',
  'lacked',
  'lacks',
  'lack',
]);
/** How far after a negator the denied term may come ("did not have access", "no one should be surprised"). */
const NEGATION_REACH = 5;

/**
 * The terms a text denies: the first content term within a few words after "not", "never", "no", "cannot",
 * "without", "denied", "lacked"… ("did not have access" denies access; "not only" denies nothing). A
 * sentence denying what a claim plainly asserts does not repeat it.
 */
export function deniedTerms(text: string): Set<string> {
  const out = new Set<string>();
  const list = splitWords(normalize(text).replace(/n't\b/g, ' not'));
  list.forEach((word, i) => {
    if (!NEGATORS.has(word) || list[i + 1] === 'only') return;
    for (const next of list.slice(i + 1, i + 1 + NEGATION_REACH)) {
      const term = termOf(next, isName);
      if (term === null) continue;
      out.add(SYNONYMS[next] ?? SYNONYMS[term] ?? term);
      return;
    }
  });
  return out;
}

/** "X shows that …", "A report says that …": a statement that reports what someone found or said. */
const REPORTED_CLAUSE =
  /\b(?:show|shows|showed|say|says|said|report|reports|reported|write|writes|wrote|note|notes|noted|suggest|suggests|suggested|reveal|reveals|revealed|found|finds|argue|argues|conclude|concludes|told|tells|claim|claims|claimed|insist|insists|insisted)\b[^.;]*?\bthat\b/i;

/**
 * What a statement says, without who found or reported it: the clause after "… shows that", "… says that";
 * the whole statement when it has no such frame. A page sentence must agree with this part of a claim, not
 * only with how the reports know it ("leaked audio of internal meetings").
 */
export function coreTerms(statement: string): Set<string> {
  const frame = REPORTED_CLAUSE.exec(statement);
  return new Set(terms(frame ? statement.slice(frame.index + frame[0].length) : statement));
}
