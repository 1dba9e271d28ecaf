/** The company lexicon shipped in seeds/companies.json (verified by the build), typed. */
import data from '../../seeds/companies.json' with { type: 'json' };
import type { Company, EntityId } from './entities.ts';

export const COMPANIES = data.companies as Company[];

export const COMPANY_BY_ID = /* @__PURE__ */ new Map<EntityId, Company>(COMPANIES.map((c) => [c.id, c]));

/** The companies' names, in display order. */
export function companyNames(): string[] {
  return COMPANIES.map((company) => company.name);
}
