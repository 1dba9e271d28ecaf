/** The built-in companies, as seeds/companies.json lists them (verified by the build), typed. */
import data from '../../seeds/companies.json' with { type: 'json' };
import type { Company } from './entities.ts';

export const BUILT_IN_COMPANIES = data.companies as Company[];

/** The built-in companies' ids, in display order. */
export const BUILT_IN_IDS: readonly string[] = BUILT_IN_COMPANIES.map((company) => company.id);
