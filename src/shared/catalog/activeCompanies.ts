/**
 * The key under which the options page stores, for the content script, the companies of the enabled claim
 * sets when they differ from the built-in ones, and the one check of its pre-tests' sources. Apart from
 * state.ts so that the content script's dormant entry, injected into every page, takes only this: the
 * company records are the engine's to parse, on the pages that load it.
 */
import type { PreTestSources } from '../mentions.ts';
import { isRecord, isTextUpTo } from '../validate.ts';

export const ACTIVE_COMPANIES_KEY = 'packs:companies';

const MAX_PATTERN = 200_000;

/** The stored pre-tests' sources, or null when absent or corrupt (the built-in pre-tests then stand). */
export function parsePackPreTest(value: unknown): PreTestSources | null {
  if (!isRecord(value) || !isRecord(value['pretest'])) return null;
  const { oneNode, acrossNodes } = value['pretest'];
  return isTextUpTo(oneNode, MAX_PATTERN) && isTextUpTo(acrossNodes, MAX_PATTERN) ? { oneNode, acrossNodes } : null;
}
