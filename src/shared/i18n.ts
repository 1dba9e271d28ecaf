/**
 * UI text comes from _locales through browser.i18n. A missing key shows the
 * key itself, so a gap is visible in tests instead of rendering blank.
 */
import browser from './browser.ts';

export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** Names joined as the reader's language lists them: "TikTok, ByteDance or Oracle" (`or`), "… and …" (`and`). */
export function listOf(names: readonly string[], kind: 'and' | 'or'): string {
  const type = kind === 'or' ? 'disjunction' : 'conjunction';
  return new Intl.ListFormat(browser.i18n.getUILanguage(), { type }).format(names);
}

/**
 * The message for `count` by the reader's plural rules (browser.i18n has none): `<key>_one`, `<key>_few`…,
 * falling back to `<key>_other`.
 */
export function tn(key: string, count: number, substitutions?: string | string[]): string {
  const form = new Intl.PluralRules(browser.i18n.getUILanguage()).select(count);
  return (
    browser.i18n.getMessage(`${key}_${form}`, substitutions) ||
    browser.i18n.getMessage(`${key}_other`, substitutions) ||
    key
  );
}
