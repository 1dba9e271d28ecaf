/**
 * Text → matching features, shared by the build (claims) and the page
 * (sentences) so both sides are normalised the same way: spelling and
 * typography folded, numbers as digits, light stemming, and the synonyms this
 * story's coverage uses mapped to one term. Features are the content words
 * plus adjacent pairs of them ("master admin", "seen china").
 */

// Function words and reporting verbs: they say who is talking, not what was said.
const STOP = new Set(
  (
    'a an the and or but nor of to in on at by for from with as into onto about over than then that this these those ' +
    'it its is are was were be been being has have had do does did not no so such very just only also even still ' +
    'he she they them their his her we our you your i me my who whom which what when where why how us ' +
    'will would can could may might must should shall there here if while after before since until up out off ' +
    'say said says tell told telling report reported reports reporting according write writes wrote note notes ' +
    'claim claimed claims per via one another other some any all each every more most much many among ' +
    'new now last year week today reportedly apparently company firm platform app social media video service ' +
    'cybernews clearancejobs blog outlet post article news story site'
  ).split(' '),
);

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

const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fifty: '50',
  sixty: '60',
  seventy: '70',
  eighty: '80',
  ninety: '90',
  hundred: '100',
  dozens: 'dozen',
};

const MONTHS: Record<string, string> = { jan: 'january', sept: 'september', sep: 'september', oct: 'october' };

/** The companies' names as terms: they say which company, not what is said about it. */
export const COMPANY_TERMS: readonly string[] = ['tiktok', 'bytedanc', 'oracl'];

/** Folds typography and spelling so "U.S.-based", "US based" and "u.s. based" agree. */
export function normalize(text: string): string {
  return (
    text
      .normalize('NFKC')
      // Country before case folding: "US" and "U.S." are the country, "us" is a pronoun.
      .replace(/\bU\.\s?S\.(?:\s?A\.)?|\bUSA?\b/g, ' usa ')
      .toLowerCase()
      .replace(/[\u2018\u2019\u201A\u201B\u2032`]/g, "'")
      .replace(/[\u201C\u201D\u201E\u201F\u2033«»]/g, '"')
      .replace(/\bunited states\b/g, 'united_states')
      .replace(/\bgeneration[- ]z\b|\bgen[- ]z\b/g, 'gen_z')
      .replace(/\bback[- ]door/g, 'back_door')
      .replace(/\bnon[- ]public\b/g, 'nonpublic')
      .replace(/\bgeo[- ]tag/g, 'geotag')
      .replace(/(\d)\s*(%|percent\b|per cent\b)/g, '$1 percent')
      .replace(/(\d),(\d{3})/g, '$1$2')
      .replace(/'s\b/g, '')
      // British -ise spellings to -ize; applied to both sides, so only agreement matters.
      .replace(/([a-z]{3})is(e|ed|es|ing|ation)\b/g, '$1iz$2')
      .replace(/([a-z]{3})tre\b/g, '$1ter')
  );
}

/** A light suffix stripper: enough to make "accessed", "accessing" and "access" agree. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ly')) w = w.slice(0, -2);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** The content terms of a text, in order. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const raw of normalize(text).split(/[^\p{L}\p{N}_]+/u)) {
    if (!raw || STOP.has(raw)) continue;
    const word = NUMBER_WORDS[raw] ?? MONTHS[raw] ?? raw;
    if (/^\d+$/.test(word)) {
      out.push(word);
      continue;
    }
    if (word.length < 2) continue;
    const stemmed = stem(word);
    const term = SYNONYMS[word] ?? SYNONYMS[stemmed] ?? stemmed;
    if (!STOP.has(term)) out.push(term);
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
