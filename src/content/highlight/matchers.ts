/** Mention matchers for the companies being highlighted, compiled once per combination. */
import type { Company } from '../../shared/entities.ts';
import { BUILT_IN_COMPANIES } from '../../shared/lexicon.ts';
import { compileMatcher, type MentionMatcher } from '../../shared/mentions.ts';

const cache = new Map<string, MentionMatcher>();

/**
 * What makes two lists of companies highlight alike: their ids in order, and their rules (a new version of a
 * claim pack may give its company other spellings under the same id).
 */
export function matcherKey(companies: readonly Company[]): string {
  return JSON.stringify(companies.map((company) => [company.id, company.mentions]));
}

/** `companies`: those to highlight, in display order. */
export function matcherFor(companies: readonly Company[]): MentionMatcher {
  const key = matcherKey(companies);
  let matcher = cache.get(key);
  if (!matcher) {
    matcher = compileMatcher(companies);
    cache.set(key, matcher);
  }
  return matcher;
}

/** The matcher with every built-in company on (the default settings): the reference for tests and the benchmark. */
export function mentionMatcher(): MentionMatcher {
  return matcherFor(BUILT_IN_COMPANIES);
}
