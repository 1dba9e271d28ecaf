import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  isActiveOn,
  isCompanyOn,
  isSiteDisabled,
  normalizeSite,
  parseSettings,
  siteMatches,
} from '../../src/shared/settings.ts';
import { BUILT_IN_IDS } from '../../src/shared/lexicon.ts';

describe('parseSettings', () => {
  it('gives the defaults for nothing stored', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, reset: [] });
  });

  it('keeps every valid field', () => {
    const stored = {
      paused: true,
      disabledSites: ['Example.com', 'https://www.news.example.org/path'],
      companies: { tiktok: true, bytedance: false, oracle: true },
      highlightStyle: 'contrast',
      hoverDelayMs: 250,
      markSentences: false,
    };
    expect(parseSettings(stored)).toEqual({
      settings: { ...stored, disabledSites: ['example.com', 'news.example.org'] },
      reset: [],
    });
  });

  it('resets each corrupt field to its default and says which, keeping the rest', () => {
    const { settings, reset } = parseSettings({
      paused: 'yes',
      disabledSites: 'example.com',
      companies: { tiktok: 0, oracle: false },
      highlightStyle: 'neon',
      hoverDelayMs: 5,
    });
    // A company left out, or reset, is on.
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, companies: { oracle: false } });
    expect(isCompanyOn(settings, 'tiktok')).toBe(true);
    expect(isCompanyOn(settings, 'oracle')).toBe(false);
    expect(reset).toEqual(['paused', 'disabledSites', 'companies.tiktok', 'highlightStyle', 'hoverDelayMs']);
  });

  it("keeps a pack company's switch, and drops a key that is no company id", () => {
    const { settings, reset } = parseSettings({ companies: { larkspur: false, 'Not An Id': true } });
    expect(settings.companies).toEqual({ larkspur: false });
    expect(isCompanyOn(settings, 'larkspur')).toBe(false);
    expect(reset).toEqual(['companies']);
  });

  it('treats a value that is not an object as corrupt', () => {
    expect(parseSettings('garbage')).toEqual({ settings: DEFAULT_SETTINGS, reset: ['settings'] });
    expect(parseSettings([1, 2])).toEqual({ settings: DEFAULT_SETTINGS, reset: ['settings'] });
  });

  it('rejects a list of sites with a bad entry, or one too long', () => {
    expect(parseSettings({ disabledSites: ['ok.com', 'not a site'] }).reset).toEqual(['disabledSites']);
    const many = Array.from({ length: 1001 }, (_, i) => `site${i}.com`);
    expect(parseSettings({ disabledSites: many }).reset).toEqual(['disabledSites']);
  });
});

describe('sites', () => {
  it('normalizes what people type', () => {
    expect(normalizeSite(' WWW.Example.COM ')).toBe('example.com');
    expect(normalizeSite('https://sub.example.com:8080/a?b')).toBe('sub.example.com');
    expect(normalizeSite('localhost')).toBe('localhost');
    expect(normalizeSite('')).toBeNull();
    expect(normalizeSite('no spaces allowed.com x')).toBeNull();
  });

  it('matches a site and its subdomains only', () => {
    expect(siteMatches('news.example.com', 'example.com')).toBe(true);
    expect(siteMatches('www.example.com', 'example.com')).toBe(true);
    expect(siteMatches('badexample.com', 'example.com')).toBe(false);
  });

  it('is off where paused, disabled, or with every company off', () => {
    const on = { ...DEFAULT_SETTINGS, disabledSites: ['example.com'] };
    expect(isSiteDisabled(on, 'a.example.com')).toBe(true);
    expect(isActiveOn(on, 'other.org', BUILT_IN_IDS)).toBe(true);
    expect(isActiveOn(on, 'example.com', BUILT_IN_IDS)).toBe(false);
    expect(isActiveOn({ ...on, paused: true }, 'other.org', BUILT_IN_IDS)).toBe(false);
    expect(
      isActiveOn({ ...on, companies: { tiktok: false, bytedance: false, oracle: false } }, 'other.org', BUILT_IN_IDS),
    ).toBe(false);
  });
});
