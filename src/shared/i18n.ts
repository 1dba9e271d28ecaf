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
