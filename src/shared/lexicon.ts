/** The company lexicon shipped in seeds/companies.json (verified by the build), typed. */
import data from '../../seeds/companies.json' with { type: 'json' };
import type { Company, EntityId } from './entities.ts';
import { compileMatcher, type MentionMatcher } from './mentions.ts';

export const COMPANIES = data.companies as Company[];

export const COMPANY_BY_ID = new Map<EntityId, Company>(COMPANIES.map((c) => [c.id, c]));

let allCompanies: MentionMatcher | undefined;

/** The matcher for all three companies, compiled on first use: most pages never need it. */
export function mentionMatcher(): MentionMatcher {
  allCompanies ??= compileMatcher(COMPANIES);
  return allCompanies;
}
