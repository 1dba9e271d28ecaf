/**
 * The companies the engine highlights: the built-in ones, or, when the reader's claim packs change them
 * (a pack adds a company, the built-in claims are switched off), the list the options page stored for
 * content scripts (ACTIVE_COMPANIES_KEY), kept current through storage.onChanged.
 */
import type { Storage } from 'webextension-polyfill';
import browser from '../shared/browser.ts';
import { ACTIVE_COMPANIES_KEY } from '../shared/catalog/activeCompanies.ts';
import { parseActiveCompanies } from '../shared/catalog/state.ts';
import type { Company } from '../shared/entities.ts';
import { BUILT_IN_COMPANIES } from '../shared/lexicon.ts';
import { BUILT_IN_PRETEST, usePreTest } from './detect/pretest.ts';

/**
 * The stored list, or the built-in companies when there is none or it is corrupt; the engine's pre-test
 * (which decides which changed text is worth matching) is set to the same companies.
 */
function companiesOf(stored: unknown): readonly Company[] {
  const active = parseActiveCompanies(stored);
  if (active && usePreTest(active.pretest)) return active.companies;
  usePreTest(BUILT_IN_PRETEST);
  return BUILT_IN_COMPANIES;
}

export class CompaniesSource {
  private current: Promise<readonly Company[]>;

  /** `stored`: the stored value as the entry read it alongside its probe, unparsed (the entry checks only its pre-tests). */
  constructor(stored: Promise<unknown>) {
    this.current = stored.then(companiesOf, () => BUILT_IN_COMPANIES);
  }

  get(): Promise<readonly Company[]> {
    return this.current;
  }

  /** For the page's life, like the settings' listener. */
  onChange(listener: (companies: readonly Company[]) => void): void {
    const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
      if (area !== 'local' || !(ACTIVE_COMPANIES_KEY in changes)) return;
      const companies = companiesOf(changes[ACTIVE_COMPANIES_KEY].newValue);
      this.current = Promise.resolve(companies);
      listener(companies);
    };
    browser.storage.onChanged.addListener(onChanged);
  }
}
