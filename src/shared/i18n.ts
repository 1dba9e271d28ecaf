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
 * A message that depends on a count, in the reader's language. browser.i18n has no plurals, so each form is
 * its own key, named by the form `Intl.PluralRules` picks for the UI language and the count: `key_one`,
 * `key_other` (and `_zero`, `_two`, `_few`, `_many` where a language has them), falling back to `key_other`.
 * The substitutions default to the count.
 */
export function tPlural(key: string, count: number, substitutions: string | string[] = String(count)): string {
  const form = new Intl.PluralRules(browser.i18n.getUILanguage().replace('_', '-')).select(count);
  return browser.i18n.getMessage(`${key}_${form}`, substitutions) || t(`${key}_other`, substitutions);
}
