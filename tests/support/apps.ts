/**
 * Builds the framework test apps (tests/fixtures/apps) into self-contained
 * HTML pages: the bundle is inlined, so a page needs nothing but the test
 * server. React is bundled in its development build for its extra checks.
 */
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import { REPO_ROOT } from '../../scripts/harness/server.ts';

export type AppName = 'react' | 'preact';

const cache = new Map<AppName, string>();

export function appPage(name: AppName): string {
  const cached = cache.get(name);
  if (cached) return cached;
  const result = buildSync({
    entryPoints: [join(REPO_ROOT, `tests/fixtures/apps/${name}-app.tsx`)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: name === 'react' ? 'react' : 'preact',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  // A page-level net for anything the app's own handlers do not catch.
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name} feed</title></head>
<body><div id="app"></div>
<script>window.__pageErrors = []; addEventListener('error', (e) => window.__pageErrors.push(String(e.message)));</script>
<script>${code.replace(/<\/script/gi, '<\\/script')}</script></body></html>`;
  cache.set(name, html);
  return html;
}
