/**
 * Compiles the companies' mention rules into one regular expression, so a
 * page's text is scanned once for all three companies.
 */
import type { Company, EntityId } from './entities.ts';

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

/**
 * The three patterns built from the mention rules, by one function (`mentionSource`), so they cannot drift
 * apart. They differ only in what counts as a word character:
 * - EXACT, the rules themselves: Unicode letters, digits and marks (not CJK, which is written without spaces,
 *   so "Oracle Cloud対応" holds a mention), one named group per company.
 * - ONE_NODE, the cheap pre-test for the text of one node: a small ASCII-and-Latin word class instead of
 *   Unicode properties, so it compiles in microseconds and scans a page's text fast. It over-approximates
 *   the rules (fewer characters count as word characters, so more places count as word breaks): whatever
 *   the rules find, it finds; a user name like "TheMoonOracle" or the noun "oracle" it does not. An
 *   excluded word ("Oracle of") ends only at the end of text, a space or ASCII punctuation, so an exclusion
 *   applies no more often than the rule's own.
 * - ACROSS_NODES, for text read across nodes (`textContent` glues "<b>TikTok</b><i>Oracle</i>" into
 *   "TikTokOracle", and splits "Oracle" from " of" only in the DOM): spellings and cases only.
 */
interface PatternStyle {
  /** A word character: none may come right before or after a mention (null: no boundaries at all). */
  wordChar: string | null;
  /** Where an excluded following word ends (null: exclusions are not applied). */
  wordEnd: string | null;
  /** One named group per company (its id), to tell which company matched. */
  named: boolean;
}

const EXACT: PatternStyle = { wordChar: WORD_CHAR, wordEnd: WORD_CHAR, named: true };
const PRETEST_WORD_CHAR = String.raw`[A-Za-z0-9_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]`;
const ONE_NODE: PatternStyle = {
  wordChar: PRETEST_WORD_CHAR,
  wordEnd: String.raw`[^\s!-/:-@[-^\x60{-~]`,
  named: false,
};
const ACROSS_NODES: PatternStyle = { wordChar: null, wordEnd: null, named: false };

/** The source of a pattern matching any of `companies`' mentions, in `style`. */
function mentionSource(companies: readonly Pick<Company, 'id' | 'mentions'>[], style: PatternStyle): string {
  const rules = companies.map(({ id, mentions }) => {
    if (mentions.spellings.length === 0) throw new Error(`the mention rule of "${id}" needs at least one spelling`);
    // Longest first, so "Tik Tok" wins over any shorter spelling sharing its start.
    const spellings = [...mentions.spellings].sort((a, b) => b.length - a.length);
    const alternatives = spellings.map((s) => spellingPattern(s, mentions.ignoreCase)).join('|');
    const { wordEnd } = style;
    const exclusions =
      wordEnd === null
        ? ''
        : mentions.notFollowedBy
            .map((word) => String.raw`(?!\s+${spellingPattern(word, true)}(?!${wordEnd}))`)
            .join('');
    return style.named ? `(?<${id}>(?:${alternatives})${exclusions})` : `(?:${alternatives})${exclusions}`;
  });
  // No company switched on: a pattern that never matches.
  const body = rules.length ? rules.join('|') : '(?!)';
  return style.wordChar === null ? body : `(?<!${style.wordChar})(?:${body})(?!${style.wordChar})`;
}

/** Both pre-tests' sources: for the text of one node, and for text read across nodes. */
export interface PreTestSources {
  oneNode: string;
  acrossNodes: string;
}

export function preTestSources(companies: readonly Pick<Company, 'id' | 'mentions'>[]): PreTestSources {
  return { oneNode: mentionSource(companies, ONE_NODE), acrossNodes: mentionSource(companies, ACROSS_NODES) };
}

export interface MentionMatcher {
  /** Global regex over all companies; one named group per company. */
  readonly pattern: RegExp;
  /** Which company a match of `pattern` belongs to. */
  entityOf(match: RegExpExecArray): EntityId;
}

/**
 * The exact rules: one named group per company, named by its id (the verifier keeps ids to lowercase
 * letters and digits), in the order given.
 */
export function compileMatcher(companies: readonly Company[]): MentionMatcher {
  const pattern = new RegExp(mentionSource(companies, EXACT), 'gu');
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
