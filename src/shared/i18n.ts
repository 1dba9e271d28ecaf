/**
 * UI text comes from _locales through browser.i18n. A missing key shows the
 * key itself, so a gap is visible in tests instead of rendering blank.
 */
import browser from './browser.ts';

export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
