/** Mention matchers for the companies being highlighted, compiled once per combination. */
import type { Company } from '../../shared/entities.ts';
import { BUILT_IN_COMPANIES } from '../../shared/lexicon.ts';
import { compileMatcher, type MentionMatcher } from '../../shared/mentions.ts';

const cache = new Map<string, MentionMatcher>();

/** `companies`: those to highlight, in display order (a company id always has the same rules). */
export function matcherFor(companies: readonly Company[]): MentionMatcher {
  const key = companies.map((company) => company.id).join(',');
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
