/**
 * The one way Claimlight reads words, wherever it compares texts: the claim
 * matcher (claimMatch/features.ts adds the story's synonyms on top), the
 * claims search, the "does this quote restate its claim" check and the
 * build's closest-passage hint. Text on both sides of a comparison goes
 * through the same folds, so only agreement matters, never the exact form.
 */

/** Function words and reporting verbs: they say who is talking, not what was said. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but nor of to in on at by for from with as into onto about over than then that this these those ' +
    'it its is are was were be been being has have had do does did not no so such very just only also even still ' +
    'he she they them their his her we our you your i me my who whom which what when where why how us ' +
    'will would can could may might must should shall there here if while after before since until up out off ' +
    'say said says tell told telling report reported reports reporting according write writes wrote note notes ' +
    'claim claimed claims per via one another other some any all each every more most much many among ' +
    'new now last year week today reportedly apparently company firm platform app social media video service ' +
    'blog outlet post article news story site based between through during within across against toward towards upon behind beyond despite'
  ).split(' '),
);

const NUMBER_WORDS: Readonly<Record<string, string>> = {
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

const UNITS: Readonly<Record<string, string>> = { bn: 'billion', m: 'million' };

const MONTHS: Readonly<Record<string, string>> = {
  jan: 'january',
  feb: 'february',
  aug: 'august',
  sept: 'september',
  sep: 'september',
  oct: 'october',
  nov: 'november',
  dec: 'december',
};

/**
 * Folds typography and spelling so "U.S.-based", "US based" and "u.s. based"
 * agree, and so do "scrutinised" and "scrutinized", "1,000" and "1000".
 */
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
      .replace(/(\d),(\d{3})/g, '$1$2')
      // A quantity is one term with its unit, so "8 percent" never agrees with "100 percent" on "percent".
      .replace(/\b(?:a|one)\s+(hundred|thousand|million|billion)\b/g, '1 $1')
      .replace(/(\d)\s*(?:%|percent\b|per cent\b)/g, '$1_percent')
      .replace(
        /(\d)\s*(hundred|thousand|million|billion|bn|m)\b/g,
        (_, digit: string, unit: string) => `${digit}_${UNITS[unit] ?? unit}`,
      )
      .replace(/'s\b/g, '')
      // British -ise spellings to -ize; applied to both sides, so only agreement matters.
      .replace(/([a-z]{3})is(e|ed|es|ing|ation)\b/g, '$1iz$2')
      .replace(/([a-z]{3})tre\b/g, '$1ter')
  );
}

/** A text's words after `normalize`, in order: letters, digits and "_" (which joins folded phrases). */
export function words(text: string): string[] {
  return splitWords(normalize(text));
}

/** The words of a text already normalized. */
export function splitWords(normalized: string): string[] {
  return normalized.split(/[^\p{L}\p{N}_]+/u).filter((word) => word !== '');
}

/** Letters with their accents taken off, for search: "Pâté" finds "pate". */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '');
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

/**
 * One word as a term: stop words are dropped (null), number words become
 * digits, month abbreviations whole months, and other words their stems.
 * `keep` says which words are terms already (folded names) and pass unchanged.
 */
export function termOf(word: string, keep?: (word: string) => boolean): string | null {
  if (STOP_WORDS.has(word)) return null;
  if (keep?.(word)) return word;
  const whole = NUMBER_WORDS[word] ?? MONTHS[word] ?? word;
  if (/^\d/.test(whole)) return whole;
  if (whole.length < 2) return null;
  const stemmed = stem(whole);
  return STOP_WORDS.has(stemmed) ? null : stemmed;
}

/** The content terms of a text, in order: its words less the stop words, numbers as digits, stemmed. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    const term = termOf(word);
    if (term !== null) out.push(term);
  }
  return out;
}
