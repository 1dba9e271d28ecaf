import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import baseManifest from '../../manifest.json' with { type: 'json' };
import { deriveManifest, GECKO_ID } from '../../scripts/build/manifest.ts';
import { COMPANIES_TOKEN, withCompanies } from '../../scripts/build/localeCompanies.ts';
import { findRawHtmlAssignment, stripRawHtml } from '../../scripts/build/noRawHtml.ts';
import { BUILT_IN_COMPANIES } from '../../src/shared/lexicon.ts';
import { badgeText } from '../../src/background/badge.ts';

describe('deriveManifest', () => {
  it('gives Chrome a service worker and nothing Firefox-specific', () => {
    const chrome = deriveManifest(baseManifest, 'chrome') as unknown as Record<string, unknown>;
    expect(chrome['background']).toEqual({ service_worker: 'src/background/index.ts', type: 'module' });
    expect(chrome['browser_specific_settings']).toBeUndefined();
  });

  it('gives Firefox background scripts, an add-on id and no data collection', () => {
    const firefox = deriveManifest(baseManifest, 'firefox') as unknown as Record<string, unknown>;
    expect(firefox['background']).toMatchObject({ scripts: ['src/background/index.ts'] });
    expect(firefox['browser_specific_settings']).toEqual({
      gecko: { id: GECKO_ID, strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    });
  });

  it('keeps the strict extension-page CSP except for the dev server', () => {
    expect(deriveManifest(baseManifest, 'chrome').content_security_policy?.extension_pages).toContain(
      "connect-src 'none'",
    );
    expect(deriveManifest(baseManifest, 'chrome', { dev: true }).content_security_policy).toBeUndefined();
  });

  it("turns Chrome's side panel into Firefox's sidebar, with the same page and shortcut and no permission", () => {
    const chrome = deriveManifest(baseManifest, 'chrome') as unknown as Record<string, unknown>;
    const panelPage = (chrome['side_panel'] as { default_path: string }).default_path;
    expect(chrome['permissions']).toContain('sidePanel');
    const shortcut = (chrome['commands'] as Record<string, unknown>)['open-side-panel'];
    expect(shortcut).toMatchObject({ suggested_key: { default: 'Alt+Shift+L' } });

    const firefox = deriveManifest(baseManifest, 'firefox') as unknown as Record<string, unknown>;
    expect(firefox['side_panel']).toBeUndefined();
    expect(firefox['permissions']).not.toContain('sidePanel');
    expect(firefox['sidebar_action']).toMatchObject({ default_panel: panelPage, open_at_install: false });
    const commands = firefox['commands'] as Record<string, unknown>;
    expect(commands['open-side-panel']).toBeUndefined();
    expect(commands['_execute_sidebar_action']).toEqual(shortcut);
    // The other shortcuts stay as they are.
    expect(Object.keys(commands).sort()).toEqual(
      Object.keys(chrome['commands'] as object)
        .map((name) => (name === 'open-side-panel' ? '_execute_sidebar_action' : name))
        .sort(),
    );
  });

  it('does not change the source manifest', () => {
    const before = JSON.stringify(baseManifest);
    deriveManifest(baseManifest, 'firefox', { dev: true });
    expect(JSON.stringify(baseManifest)).toBe(before);
  });
});

describe('noRawHtml', () => {
  it("disables Preact's raw-HTML branch in a minified bundle", () => {
    const preactLike = 'h?(l||(t.innerHTML=h.__html),r.__k=[]):x';
    const stripped = stripRawHtml(preactLike);
    expect(findRawHtmlAssignment(stripped)).toBeNull();
    expect(stripped).toContain('Claimlight renders no raw HTML');
  });

  it('finds any other raw-HTML assignment, and not comparisons', () => {
    expect(findRawHtmlAssignment('el.outerHTML = userText')).not.toBeNull();
    expect(findRawHtmlAssignment('a.innerHTML=b')).not.toBeNull();
    expect(findRawHtmlAssignment('if (a.innerHTML == b) {}')).toBeNull();
  });
});

describe('badgeText', () => {
  it('shows the total, blank for none, and fits four characters', () => {
    expect(badgeText({ tiktok: 0, bytedance: 0, oracle: 0 })).toBe('');
    expect(badgeText({ tiktok: 3, bytedance: 1, oracle: 2 })).toBe('6');
    expect(badgeText({ tiktok: 1000, bytedance: 0, oracle: 0 })).toBe('999+');
  });
});

describe('the store description', () => {
  it('names the companies seeds/companies.json lists, written in by the build', () => {
    const source = readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8');
    expect((JSON.parse(source) as Record<string, { message: string }>)['extensionDescription']?.message).toContain(
      COMPANIES_TOKEN,
    );
    const built = JSON.parse(
      withCompanies(
        source,
        BUILT_IN_COMPANIES.map((c) => c.name),
        'en',
      ),
    ) as Record<string, { message: string }>;
    expect(built['extensionDescription']?.message).toMatch(/^Sourced context for TikTok, ByteDance,? and Oracle:/);
    expect(withCompanies(source, ['Acme'], 'en')).toContain('Sourced context for Acme:');
  });
});
