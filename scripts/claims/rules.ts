/**
 * The fidelity rules a machine can check: a statement is exactly as strong as
 * its sources, says who asserts it, and names reports the way the reader sees
 * them. See docs/claims.md for the rules a person applies on top of these.
 */
import { REPORT_REF, type Claim } from '../../src/shared/claims.ts';
import type { EntityId } from '../../src/shared/entities.ts';

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

/** Words that date a statement to the moment of reading, which these 2022 reports cannot support. */
const TIMELESS_NOW = /\b(?:now|today|currently|at present|presently|nowadays)\b/i;

/**
 * A statement that counts reports ("two reports say", "three of the reports", "both outlets"): the count is
 * derived from the evidence and shown as "In N of 5 reports", so a written one can only disagree with it.
 * "A report says" counts nothing and is allowed.
 */
const COUNTED_REPORTS = new RegExp(
  String.raw`\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|both|all|several|many|most|some|few|multiple|various|numerous|each|every|no|none|another|other|single|second|third|fourth|fifth|only)` +
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

/** `{002}` references in a text, as file codes. */
function refsIn(text: string): string[] {
  return [...text.matchAll(REPORT_REF)].map((m) => m[1] ?? '');
}

/** File codes written bare ("report 002", "000 and 003") instead of as `{002}`. */
function bareCodes(text: string, codes: readonly string[]): string[] {
  const outside = text.replace(REPORT_REF, ' ');
  return codes.filter((code) => new RegExp(`(?<![\\d.,])${code}(?![\\d%])`).test(outside));
}

export function descriptionProblems(description: string): string[] {
  const word = TIMELESS_NOW.exec(description)?.[0];
  return word
    ? [`description says "${word}": the reports date from 2022, so say when (for example "in 2022, TikTok said")`]
    : [];
}

/**
 * Problems with one claim's wording against its own evidence. `files` are the
 * seed documents; `named` the companies the statement's text mentions.
 */
export function claimTextProblems(claim: Claim, files: readonly string[], named: ReadonlySet<EntityId>): string[] {
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
      `statement counts reports ("${counted}"): counts are derived from the evidence ("In N of 5 reports"); ` +
        'drop the count and let the attribution say who asserts it ("A report says…", or the publisher: "Cybernews writes…")',
    );
  if (refsIn(claim.statement).length > 0)
    problems.push('statement must read on its own: name who says it in words, not with {NNN}');
  for (const [field, text] of [
    ['attribution', claim.attribution],
    ['note', note],
  ] as const) {
    for (const code of refsIn(text)) {
      if (!codes.includes(code)) problems.push(`${field} refers to {${code}}, which is not a seed document`);
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

  for (const entity of named) {
    if (!claim.entities.includes(entity)) problems.push(`statement names ${entity}, so entities must list "${entity}"`);
  }
  problems.push(...attributionProblems(claim));
  if (SPOKEN_BY_A_REPORT.has(claim.kind) && refsIn(claim.attribution).length === 0)
    problems.push(`a claim of kind "${claim.kind}" is the report's own: name the report in the attribution with {NNN}`);
  return problems;
}
