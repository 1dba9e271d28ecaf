/**
 * The fidelity rules a machine can check: a statement is exactly as strong as
 * its sources, says who asserts it, and names reports the way the reader sees
 * them. See docs/claims.md for the rules a person applies on top of these.
 */
import { splitSentences } from '../text/sentences.ts';
import { REPORT_REF, type Claim } from '../claims.ts';
import { terms } from '../claimMatch/features.ts';
import type { EntityId } from '../entities.ts';
import type { Mention } from '../mentions.ts';
import { locateQuote } from '../quoteMatch.ts';
import type { DocumentWords } from './sources.ts';

/** What messages say of the set of reports being verified (seeds/ or a claim pack), taken from the set itself. */
export interface ReportSet {
  /** How many reports the set has: "In N of <reports> reports". */
  reports: number;
  /** A publisher one of its reports states, to show how an attribution names one ("Cybernews writes…"). */
  publisher?: string;
  words: DocumentWords;
}

/**
 * Words that make a sentence weaker than a plain assertion of fact: a quote
 * that uses one carries a different claim ("could access" is not "accessed")
 * unless the statement keeps the hedge or a note names the report.
 */
const HEDGES: readonly [label: string, pattern: RegExp][] = [
  ['could', /\bcould\b/i],
  ['may', /\bmay\b(?!\s+\d)/i],
  ['might', /\bmight\b/i],
  ['suggest', /\bsuggest(?:s|ed|ing)?\b/i],
  ['expected', /\bexpected\b/i],
  ['able to', /\b(?:able to|ability)\b/i],
  ['supposedly', /\bsupposedly\b/i],
  ['reportedly', /\breportedly\b/i],
  ['allegedly', /\balleged(?:ly)?\b/i],
  ['appears', /\bappear(?:s|ed)?\b/i],
  ['probably', /\bprobabl[ey]\b/i],
  ['likely', /\blikely\b/i],
  ['possible', /\bpossibl[ey]\b/i],
  ['claimed', /\bclaim(?:s|ed|ing)?\b/i],
  ['feel', /\bfe(?:el|els|lt)\b/i],
];

/** Words that date a statement to the moment of reading, which dated reports cannot support. */
const TIMELESS_NOW = /\b(?:now|today|currently|at present|presently|nowadays)\b/i;

/**
 * A statement that counts reports ("two reports say", "three of the reports", "both outlets"): the count is
 * derived from the evidence and shown as "In N of M reports", so a written one can only disagree with it.
 * "A report says" counts nothing and is allowed, and so does a year ("the 2022 reports").
 */
const COUNTED_REPORTS = new RegExp(
  String.raw`\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3}(?!\d)|both|all|several|many|most|some|few|multiple|various|numerous|each|every|no|none|another|other|single|second|third|fourth|fifth|only)` +
    String.raw`(?:\s+(?:of|the|these|those|[\p{L}\p{N}-]+)){0,2}?\s+(?:reports?|outlets?|articles?|publications?|stor(?:y|ies)|newspapers?|news\s+sites?)\b`,
  'iu',
);

/** The kinds whose speaker is a report itself, so the attribution must name it. */
const SPOKEN_BY_A_REPORT = new Set<Claim['kind']>(['outlet statement', 'background']);

const codeOf = (file: string) => file.slice(0, 3);

/**
 * Openings that say how something was reported instead of who says it. An attribution is read after
 * "According to", so "As reported by {003}" shows "According to As reported by …" and names nobody.
 */
const REPORTING_OPENING =
  /^(?:as\s+(?:\p{L}+ed|told|said|written|seen|shown)\b|(?:reported|quoted|cited|relayed|printed|described|told|said|written|stated)\s+(?:by|to|in)\b|according\s+to\b|per\b|via\b|citing\b|quoting\b|from\b)/iu;

/** Capitalised words that name nobody: articles, prepositions and reporting words. */
const NOT_A_NAME = new Set(
  [
    'a an the and or as at by for from in of on to with',
    'per via according reported quoted cited citing quoting relayed said told',
  ]
    .join(' ')
    .split(' '),
);

/** What an attribution says besides the reports it names: text outside `{NNN}` and outside parentheses. */
function besidesReports(attribution: string): string {
  let text = attribution.replace(REPORT_REF, ' ');
  // Innermost parentheses first, so "(as reported by {003} (quoting X))" goes as a whole.
  while (/\([^()]*\)/.test(text)) text = text.replace(/\([^()]*\)/g, ' ');
  return text;
}

/**
 * Problems with how an attribution reads after "According to": it starts with who asserts the claim
 * (a name, or `{NNN}` for a report's own voice), never with a reporting phrase or lowercase text, and a
 * claim that is not a report's own voice names who acts besides the report.
 */
function attributionProblems(claim: Claim): string[] {
  const attribution = claim.attribution.trim();
  const code = refsIn(attribution)[0] ?? codeOf(claim.evidence[0]?.source ?? '');
  const example = `for example "Donald Trump (as reported by {${code}})"`;
  const shown = `"According to ${attribution}"`;
  const opening = REPORTING_OPENING.exec(attribution)?.[0];
  if (opening !== undefined)
    return [
      `attribution starts with "${opening}", so the card reads ${shown}: start with who acts, then the report, ${example}`,
    ];
  if (/^\P{Lu}/u.test(attribution) && /^\p{L}/u.test(attribution))
    return [`attribution starts with lowercase text, so the card reads ${shown}: start with a name, ${example}`];
  if (!SPOKEN_BY_A_REPORT.has(claim.kind)) {
    const words = besidesReports(attribution).match(/\p{Lu}[\p{L}\p{N}.'’-]*/gu) ?? [];
    if (!words.some((word) => !NOT_A_NAME.has(word.toLowerCase())))
      return [
        `attribution names only a report, but a claim of kind "${claim.kind}" is not the report's own voice: ` +
          `name who acts, then the report, ${example}`,
      ];
  }
  return [];
}

/** What the rule on quotes that start mid-sentence needs besides the claim. */
export interface QuoteContext {
  /** Seed document file name -> its text. */
  documents: ReadonlyMap<string, string>;
  /** The tracked companies a text names, found with the content script's mention rules. */
  mentionsIn: (text: string) => readonly Mention[];
}

const OPENING_OR_CLOSING_QUOTE = /["'“”‘’«»]/u;
/** A full stop that ends an abbreviation ("U.S.", "Mr."), not a sentence. */
const ABBREVIATION_END = /(?:^|[^\p{L}])(?:(?:\p{L}\.){2,}|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Inc|Ltd|Corp|Co|vs|No)\.)$/u;

/**
 * Whether `quote` starts inside a sentence of `document`: something of its sentence comes before it. A quote
 * starts a sentence when only whitespace and quotation marks stand between it and the document's start, a
 * line break, or a sentence's end (".", "!", "?", perhaps followed by a closing quotation mark).
 */
export function startsMidSentence(document: string, quote: string): boolean {
  const at = locateQuote(document, quote);
  if (at === null) return false;
  let i = at.start - 1;
  while (i >= 0) {
    const ch = document.charAt(i);
    if (ch === '\n') return false;
    if (!/\s/u.test(ch) && !OPENING_OR_CLOSING_QUOTE.test(ch)) break;
    i--;
  }
  if (i < 0) return false;
  if (!/[.!?…]/u.test(document.charAt(i))) return true;
  return ABBREVIATION_END.test(document.slice(Math.max(0, i - 12), i + 1));
}

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
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fifty: '50',
  sixty: '60',
  seventy: '70',
  eighty: '80',
  ninety: '90',
  hundred: '100',
  thousand: '1000',
  million: 'million',
  billion: 'billion',
  trillion: 'trillion',
  dozen: 'dozen',
  dozens: 'dozen',
};
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
/** Numbers as digits or words, and month names (capitalised, so the verb "may" is not May). */
const NUMBER_OR_MONTH = new RegExp(
  String.raw`(?<![\p{L}\p{N}])\d+(?:[.,]\d+)*(?![\p{L}\p{N}])|\b(?:${Object.keys(NUMBER_WORDS).join('|')})\b|` +
    String.raw`\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b`,
  'giu',
);
/** "one" that counts nothing: "one of", "no one", "one another". */
const PRONOUN_ONE = /^(?:of|another)\b/iu;
const NO_ONE = /\b(?:no|any|each|every|some)\s+$/iu;

/** The dates and numbers a text names: canonical key -> how the text writes it. */
function datesAndNumbers(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of text.matchAll(NUMBER_OR_MONTH)) {
    const written = match[0];
    const lower = written.toLowerCase();
    let key: string | undefined;
    if (/^\d/u.test(written)) key = written.replace(/,(?=\d{3}\b)/gu, '');
    else if (lower in NUMBER_WORDS) {
      const after = text.slice(match.index + written.length).trimStart();
      const before = text.slice(0, match.index);
      if (lower === 'one' && (PRONOUN_ONE.test(after) || NO_ONE.test(before))) continue;
      key = NUMBER_WORDS[lower];
    } else if (/^\p{Lu}/u.test(written)) {
      key = MONTHS.find((month) => month.startsWith(lower.slice(0, 3)));
    }
    if (key !== undefined && !found.has(key)) found.set(key, written);
  }
  return found;
}

/** Country and capital names that stand for the same actor once `terms` has folded them. */
const COUNTRY_TERMS = new Set(['usa', 'china']);
/** Variants `terms` leaves apart: "Defense" (stemmed) and "DoD"/"Pentagon" (folded to "defense"). */
const ACTOR_VARIANTS: Record<string, string> = { defens: 'defense' };

const actorTerms = (text: string) => terms(text).map((t) => ACTOR_VARIANTS[t] ?? t);

/** Words that say what kind of body or office a name is, not which: "Defense Department", "former President". */
const GENERIC_NAME_TERMS = new Set(
  [
    'former president department agency administration government house office court committee party',
    'official chief director head group technology national federal state',
  ]
    .join(' ')
    .split(' ')
    .flatMap(actorTerms),
);

/** A name as the statement writes it, without trailing punctuation or a possessive "'s". */
const writtenName = (words: readonly string[]) =>
  words
    .join(' ')
    .replace(/[.,;:'’]+$/u, '')
    .replace(/['’]s$/u, '');

interface Actor {
  written: string;
  /** The actor is named when the quote has any of these terms. */
  anyOf: string[];
}

/**
 * The actors a statement names: the tracked companies it mentions, and the names it writes capitalised away
 * from its start (people, bodies, places), each run of capitalised words one name; countries are actors of
 * their own ("US Senate" names the US and the Senate).
 */
function actorsIn(statement: string, mentions: readonly Mention[]): Actor[] {
  const actors: Actor[] = [];
  let masked = statement;
  for (const m of mentions) {
    actors.push({ written: m.text, anyOf: [`company:${m.entity}`] });
    masked = masked.slice(0, m.start) + '|'.repeat(m.end - m.start) + masked.slice(m.end);
  }
  // "United States" is one name, which `terms` folds only when it sees both words.
  masked = masked.replace(/\bUnited\s+States\b/gu, 'US');
  // Runs of capitalised words, each with what precedes it.
  const run = /(^|[.!?:;"“‘(]\s*|\s+|[,|—–-]+\s*)((?:\p{Lu}[\p{L}\p{N}.'’-]*)(?:\s+\p{Lu}[\p{L}\p{N}.'’-]*)*)/gu;
  for (const match of masked.matchAll(run)) {
    const before = match[1] ?? '';
    let words = (match[2] ?? '').split(/\s+/u);
    // A capital at the start of the statement or of quoted speech is not a name.
    if (match.index === 0 || /[.!?:"“‘]\s*$/u.test(before)) words = words.slice(1);
    // Words `terms` drops ("New" in "New York Post") still belong to how the name is written.
    const name: string[] = [];
    for (const word of words) {
      const country = actorTerms(word).find((t) => COUNTRY_TERMS.has(t));
      if (country !== undefined) actors.push({ written: writtenName([word]), anyOf: [country] });
      else name.push(word);
    }
    // The name's terms taken together, so that "Generation Z" folds as one.
    const nameTerms = actorTerms(name.join(' ')).filter((t) => !/^\d+$/u.test(t) && !MONTHS.includes(t));
    if (nameTerms.length === 0) continue;
    const specific = nameTerms.filter((t) => !GENERIC_NAME_TERMS.has(t));
    actors.push({ written: writtenName(name), anyOf: specific.length > 0 ? specific : nameTerms });
  }
  return actors;
}

/** What of the statement's dates, numbers and actors a quote leaves out, as the statement writes them. */
function leftOut(statement: string, quote: string, context: QuoteContext): string[] {
  const missing: string[] = [];
  const inQuote = datesAndNumbers(quote);
  for (const [key, written] of datesAndNumbers(statement)) if (!inQuote.has(key)) missing.push(written);
  const quoteTerms = new Set([...actorTerms(quote), ...context.mentionsIn(quote).map((m) => `company:${m.entity}`)]);
  const seen = new Set<string>();
  for (const actor of actorsIn(statement, context.mentionsIn(statement))) {
    const key = actor.anyOf.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    if (!actor.anyOf.some((t) => quoteTerms.has(t))) missing.push(actor.written);
  }
  return missing;
}

const listed = (items: readonly string[]) => {
  const quoted = items.map((item) => `"${item}"`);
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1) ?? ''}`;
};

/**
 * A full quote that starts mid-sentence has lost the start of its sentence, where the date, the number or
 * who acted often stands ("In 2019, … that same year, the Pentagon …"). It must still hold every date, number
 * and actor the statement names, or be marked partial.
 */
function midSentenceProblems(claim: Claim, context: QuoteContext): string[] {
  const problems: string[] = [];
  for (const e of claim.evidence) {
    if (e.support === 'partial') continue;
    const document = context.documents.get(e.source);
    if (document === undefined || !startsMidSentence(document, e.quote)) continue;
    const missing = leftOut(claim.statement, e.quote, context);
    if (missing.length > 0)
      problems.push(
        `quote from ${e.source} starts mid-sentence and leaves out ${listed(missing)}, which the statement names: ` +
          'extend the quote to the start of its sentence or mark it partial',
      );
  }
  return problems;
}

/**
 * A quote, full or partial, that starts inside one sentence and runs on into the next begins with the tail of
 * a sentence the reader never sees whole ("while another suggested … everything.” Exactly what …"): it must
 * start where its first sentence starts.
 */
function fragmentProblems(claim: Claim, context: QuoteContext): string[] {
  const problems: string[] = [];
  for (const e of claim.evidence) {
    const document = context.documents.get(e.source);
    if (document === undefined || !startsMidSentence(document, e.quote)) continue;
    if (splitSentences(e.quote).length > 1)
      problems.push(
        `quote from ${e.source} starts with the end of one sentence and runs into the next: ` +
          'start it where its first sentence starts, or end it before the next',
      );
  }
  return problems;
}

/** `{002}` references in a text, as file codes. */
function refsIn(text: string): string[] {
  return [...text.matchAll(REPORT_REF)].map((m) => m[1] ?? '');
}

/** File codes written bare ("report 002", "000 and 003") instead of as `{002}`. */
function bareCodes(text: string, codes: readonly string[]): string[] {
  const outside = text.replace(REPORT_REF, ' ');
  return codes.filter((code) => new RegExp(`(?<![\\d.,])${code}(?![\\d%])`).test(outside));
}

/** "2022", "2025 to 2026": the span of the years a set's reports state. */
function yearSpan(years: readonly string[]): string {
  const sorted = [...new Set(years)].sort();
  const first = sorted[0] ?? '';
  const last = sorted.at(-1) ?? first;
  return first === last ? first : `${first} to ${last}`;
}

/**
 * Problems with a company's description. `years`: the years the set's reports state; `example`: a company of
 * the set, to show how a dated description reads.
 */
export function descriptionProblems(description: string, years: readonly string[], example: string): string[] {
  const problems: string[] = [];
  const word = TIMELESS_NOW.exec(description)?.[0];
  if (word) {
    const when =
      years.length > 0
        ? `the reports date from ${yearSpan(years)}, so say when (for example "in ${[...years].sort()[0] ?? ''}, ${example} said")`
        : `the reports state no date, so say when (for example "at the time of the reports, ${example} said")`;
    problems.push(`description says "${word}": ${when}`);
  }
  const counted = COUNTED_REPORTS.exec(description)?.[0];
  if (counted)
    problems.push(`description counts reports ("${counted}"): say what the reports say, not how many say it`);
  return problems;
}

/**
 * Problems with one claim's wording against its own evidence. `files` are the
 * set's documents; `named` the companies the statement's text mentions; `set`
 * what messages say of the set; with `context`, full quotes that start
 * mid-sentence are checked too.
 */
export function claimTextProblems(
  claim: Claim,
  files: readonly string[],
  named: ReadonlySet<EntityId>,
  set: ReportSet,
  context?: QuoteContext,
): string[] {
  const problems: string[] = [];
  const codes = files.map(codeOf);
  const cited = new Set(claim.evidence.map((e) => codeOf(e.source)));
  const note = claim.note ?? '';

  for (const [field, text] of [
    ['statement', claim.statement],
    ['attribution', claim.attribution],
    ['note', note],
  ] as const) {
    for (const code of bareCodes(text, codes))
      problems.push(`${field} names a report by its file code ${code}: write {${code}} so the reader sees its name`);
  }
  const counted = COUNTED_REPORTS.exec(claim.statement)?.[0];
  if (counted !== undefined)
    problems.push(
      `statement counts reports ("${counted}"): counts are derived from the evidence ("In N of ${set.reports} reports"); ` +
        `drop the count and let the attribution say who asserts it ("A report says…"${set.publisher === undefined ? '' : `, or the publisher: "${set.publisher} writes…"`})`,
    );
  if (refsIn(claim.statement).length > 0)
    problems.push('statement must read on its own: name who says it in words, not with {NNN}');
  for (const [field, text] of [
    ['attribution', claim.attribution],
    ['note', note],
  ] as const) {
    for (const code of refsIn(text)) {
      if (!codes.includes(code)) problems.push(`${field} refers to {${code}}, which is not a ${set.words.one}`);
      else if (!cited.has(code)) problems.push(`${field} refers to {${code}}, a report this claim does not cite`);
    }
  }

  const full = claim.evidence.filter((e) => e.support !== 'partial');
  if (full.length === 0) problems.push('needs at least one quote that carries the whole statement (not all "partial")');
  const noted = new Set(refsIn(note));
  for (const e of claim.evidence.filter((x) => x.support === 'partial')) {
    const code = codeOf(e.source);
    if (!noted.has(code))
      problems.push(`quote from ${e.source} is partial: the note must say what it lacks, naming {${code}}`);
  }

  for (const e of full) {
    const code = codeOf(e.source);
    for (const [label, pattern] of HEDGES) {
      if (pattern.test(e.quote) && !pattern.test(claim.statement) && !noted.has(code))
        problems.push(
          `quote from ${e.source} hedges ("${label}") where the statement does not: keep the hedge, ` +
            `mark the quote partial, or say how {${code}} differs in the note`,
        );
    }
  }

  if (context) problems.push(...midSentenceProblems(claim, context));

  for (const entity of named) {
    if (!claim.entities.includes(entity)) problems.push(`statement names ${entity}, so entities must list "${entity}"`);
  }
  problems.push(...attributionProblems(claim));
  if (context) problems.push(...fragmentProblems(claim, context));
  if (SPOKEN_BY_A_REPORT.has(claim.kind) && refsIn(claim.attribution).length === 0)
    problems.push(`a claim of kind "${claim.kind}" is the report's own: name the report in the attribution with {NNN}`);
  return problems;
}
