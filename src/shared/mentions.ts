/**
 * Compiles the companies' mention rules into one regular expression, so a
 * page's text is scanned once for all three companies.
 */
import type { Company, EntityId, MentionRule } from './entities.ts';

/**
 * A word character for boundary purposes: a letter, digit, mark or "_" that is
 * not CJK. CJK scripts are written without spaces, so "Oracle Cloud対応" holds
 * a mention. (A nested lookahead instead of a set difference compiles faster.)
 */
const CJK = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}`;
const WORD_CHAR = String.raw`(?:(?![${CJK}])[\p{L}\p{N}\p{M}_])`;
const HYPHENS = String.raw`[\-\u2010\u2011]`;

function escapeChar(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

function caseClass(ch: string, ignoreCase: boolean): string {
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (!ignoreCase || lower === upper) return escapeChar(ch);
  return `[${lower}${upper}]`;
}

export function spellingPattern(spelling: string, ignoreCase: boolean): string {
  let out = '';
  for (const ch of spelling) {
    if (/\s/.test(ch)) out += String.raw`\s`;
    else if (ch === '-') out += HYPHENS;
    else out += caseClass(ch, ignoreCase);
  }
  return out;
}

/** One company's spellings and exclusions; word boundaries are added around all companies at once. */
export function rulePattern(rule: MentionRule): string {
  if (rule.spellings.length === 0) throw new Error('a mention rule needs at least one spelling');
  // Longest first, so "Tik Tok" wins over any shorter spelling sharing its start.
  const spellings = [...rule.spellings].sort((a, b) => b.length - a.length);
  const alternatives = spellings.map((s) => spellingPattern(s, rule.ignoreCase)).join('|');
  const exclusions = rule.notFollowedBy
    .map((word) => String.raw`(?!\s+${spellingPattern(word, true)}(?!${WORD_CHAR}))`)
    .join('');
  return `(?:${alternatives})${exclusions}`;
}

/**
 * The cheap pre-test, generated from the same rules: whole words, each rule's
 * cases and exclusions, but with a small ASCII-and-Latin word class instead of
 * Unicode properties, so it compiles in microseconds and scans a whole page's
 * text fast. It over-approximates the rules (fewer characters count as word
 * characters, so more places count as word breaks): whatever the rules find,
 * it finds; a user name like "TheMoonOracle" or the noun "oracle" it does not.
 */
const PRETEST_WORD_CHAR = String.raw`[A-Za-z0-9_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]`;
/** For the end of an excluded word ("Oracle of"): only the end of text, a space or ASCII punctuation ends it, so an exclusion applies no more often than the rule's own. */
const PRETEST_WORD_END = String.raw`[^\s!-/:-@[-^\x60{-~]`;

/**
 * `wholeWords` for the text of one text node, which is what the rules match:
 * boundaries and exclusions apply. Without it, for text read across nodes
 * (`textContent` glues "<b>TikTok</b><i>Oracle</i>" into "TikTokOracle",
 * and splits "Oracle" from " of" only in the DOM): spellings and cases only.
 */
function preTestSource(companies: readonly Pick<Company, 'mentions'>[], wholeWords = true): string {
  const rules = companies.map(({ mentions }) => {
    const spellings = [...mentions.spellings].sort((a, b) => b.length - a.length);
    const alternatives = spellings.map((s) => spellingPattern(s, mentions.ignoreCase)).join('|');
    if (!wholeWords) return alternatives;
    const exclusions = mentions.notFollowedBy
      .map((word) => String.raw`(?!\s+${spellingPattern(word, true)}(?!${PRETEST_WORD_END}))`)
      .join('');
    return `(?:${alternatives})${exclusions}`;
  });
  const body = rules.length ? rules.join('|') : '(?!)';
  return wholeWords ? `(?<!${PRETEST_WORD_CHAR})(?:${body})(?!${PRETEST_WORD_CHAR})` : body;
}

/** Both pre-tests' sources: for the text of one node, and for text read across nodes. */
export interface PreTestSources {
  oneNode: string;
  acrossNodes: string;
}

export function preTestSources(companies: readonly Pick<Company, 'mentions'>[]): PreTestSources {
  return { oneNode: preTestSource(companies), acrossNodes: preTestSource(companies, false) };
}

export interface MentionMatcher {
  /** Global regex over all companies; one named group per company. */
  readonly pattern: RegExp;
  /** Which company a match of `pattern` belongs to. */
  entityOf(match: RegExpExecArray): EntityId;
}

/**
 * One named group per company, named by its id (the verifier keeps ids to
 * lowercase letters and digits), in the order given.
 */
export function compileMatcher(companies: readonly Company[]): MentionMatcher {
  const groups = companies.map((company) => `(?<${company.id}>${rulePattern(company.mentions)})`);
  // No company switched on: a pattern that never matches.
  const body = groups.length ? groups.join('|') : '(?!)';
  const pattern = new RegExp(`(?<!${WORD_CHAR})(?:${body})(?!${WORD_CHAR})`, 'gu');
  return {
    pattern,
    entityOf(match) {
      const company = companies.find((c) => match.groups?.[c.id] !== undefined);
      if (!company) throw new Error(`match "${match[0]}" belongs to no company`);
      return company.id;
    },
  };
}

export interface Mention {
  entity: EntityId;
  start: number;
  end: number;
  text: string;
}

/** One private copy of each matcher's pattern: its lastIndex is findMentions' own. */
const scanners = new WeakMap<MentionMatcher, RegExp>();

/** Every mention in a string, in order. */
export function findMentions(matcher: MentionMatcher, text: string): Mention[] {
  let re = scanners.get(matcher);
  if (!re) scanners.set(matcher, (re = new RegExp(matcher.pattern.source, matcher.pattern.flags)));
  re.lastIndex = 0;
  const found: Mention[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    found.push({ entity: matcher.entityOf(m), start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return found;
}
