/**
 * Privacy, read off what ships: the built extensions (dist/chrome and
 * dist/firefox) hold no network API and no remote URL, declare no resource a
 * page can probe, allow no remote code or connection in their CSP, and ask for
 * no permission the README does not justify. privacy.chromium.spec.ts checks
 * the same at run time.
 *
 * These read the build, so they live with the end-to-end tests, which run
 * after a fresh one (`npm run test:e2e` builds first), once: the "build"
 * project of playwright.config.ts runs `*.build.spec.ts` without a browser.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { REPO_ROOT } from '../../scripts/harness/server.ts';

const TARGETS = ['chrome', 'firefox'] as const;

function distOf(target: string): string {
  const dir = join(REPO_ROOT, 'dist', target);
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir} is missing: run \`npm run build\` first`);
  return dir;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every way a script could send or fetch something. */
const NETWORK_APIS =
  /\b(?:fetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts|RTCPeerConnection|WebTransport|navigator\.connection)\b/;
/** URL literals other than XML namespaces (which name, not load) and the bare scheme prefix used to parse site names. */
const REMOTE_URL = /(?:https?|wss?|ftp):\/\/(?!www\.w3\.org\/|\$\{)[^\s`'"\\)]+/;

function manifestOf(target: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(distOf(target), 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

for (const target of TARGETS) {
  test.describe(`the ${target} build`, () => {
    test('holds no network API and no remote URL in any script or page', () => {
      const offenders: string[] = [];
      for (const file of filesUnder(distOf(target))) {
        if (!/\.(?:js|html|css|json)$/.test(file)) continue;
        const text = readFileSync(file, 'utf8');
        const api = NETWORK_APIS.exec(text);
        const url = REMOTE_URL.exec(text);
        if (api) offenders.push(`${relative(REPO_ROOT, file)}: ${api[0]}`);
        if (url) offenders.push(`${relative(REPO_ROOT, file)}: ${url[0]}`);
      }
      expect(offenders).toEqual([]);
    });

    test('declares nothing a page can probe or call, and only the permissions the README justifies', () => {
      const manifest = manifestOf(target);
      // One file is web-accessible, the engine the content script imports: in Chrome only at an address that
      // changes every session (Firefox's add-on host is random per installation).
      expect(manifest['web_accessible_resources']).toEqual([
        {
          resources: ['src/content/engine.js'],
          matches: ['<all_urls>'],
          ...(target === 'chrome' ? { use_dynamic_url: true } : {}),
        },
      ]);
      expect(manifest['externally_connectable']).toBeUndefined();
      expect(manifest['host_permissions']).toBeUndefined();
      expect(manifest['optional_permissions']).toBeUndefined();
      // Firefox's sidebar needs no permission; Chrome's side panel needs `sidePanel`.
      const expected = ['storage', 'activeTab', 'contextMenus', ...(target === 'chrome' ? ['sidePanel'] : [])];
      expect(manifest['permissions']).toEqual(expected);
      const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
      const section = /## Permissions\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
      for (const permission of [...(manifest['permissions'] as string[]), '<all_urls>'])
        expect(section, `README justifies ${permission}`).toContain(`\`${permission}\``);
    });

    test('allows no remote code, no connection and no framing from extension pages', () => {
      const csp = (manifestOf(target)['content_security_policy'] as { extension_pages: string }).extension_pages;
      const directives = new Map(
        csp.split(';').map((d) => {
          const [name = '', ...values] = d.trim().split(/\s+/);
          return [name, values] as const;
        }),
      );
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('connect-src')).toEqual(["'none'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('frame-src')).toEqual(["'none'"]);
    });

    test('injects one small script into pages, which imports only the engine, and only by its extension address', () => {
      const scripts = manifestOf(target)['content_scripts'] as { js: string[]; css?: string[] }[];
      expect(scripts).toHaveLength(1);
      expect(scripts[0]?.js).toEqual(['src/content/index.iife.js']);
      expect(scripts[0]?.css).toBeUndefined();
      const code = readFileSync(join(distOf(target), 'src/content/index.iife.js'), 'utf8');
      // One import, of an address the browser gives (runtime.getURL); no static import of anything.
      expect(code.match(/\bimport\s*\(/g)).toHaveLength(1);
      expect(code).toMatch(/\bimport\s*\(\s*[\w$.]+\.runtime\.getURL\(/);
      expect(code).not.toMatch(/\bimport\s+[\w{*]/);
      expect(code).toMatch(/[`'"]src\/content\/engine\.js[`'"]/);
      // The engine is self-contained: it imports nothing.
      const engine = readFileSync(join(distOf(target), 'src/content/engine.js'), 'utf8');
      expect(engine).not.toMatch(/\bimport(?:\s*\(|\s+[\w{*]|\s*["'`])/);
    });
  });
}
