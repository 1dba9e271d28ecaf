/** Mention matchers for the companies a user has switched on, compiled once per combination. */
import { ENTITY_IDS, perCompany, type EntityId } from '../../shared/entities.ts';
import { COMPANIES } from '../../shared/lexicon.ts';
import { compileMatcher, type MentionMatcher } from '../../shared/mentions.ts';

const cache = new Map<string, MentionMatcher>();

export function matcherFor(enabled: Record<EntityId, boolean>): MentionMatcher {
  const key = ENTITY_IDS.filter((id) => enabled[id]).join(',');
  let matcher = cache.get(key);
  if (!matcher) {
    matcher = compileMatcher(COMPANIES.filter((c) => enabled[c.id]));
    cache.set(key, matcher);
  }
  return matcher;
}

/** The matcher with every company on (the default settings): the reference for tests and the benchmark. */
export function mentionMatcher(): MentionMatcher {
  return matcherFor(perCompany(true));
}
