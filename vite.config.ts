import { resolve } from 'node:path';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { deriveManifest, isBuildTarget, sidePanelPage, type BuildTarget } from './scripts/build/manifest.ts';
import { contentEngine } from './scripts/build/contentEngine.ts';
import { localeCompanies } from './scripts/build/localeCompanies.ts';
import { noRawHtml } from './scripts/build/noRawHtml.ts';
import { claimsIndex } from './scripts/claims/vitePlugin.ts';
import { BUILT_IN_COMPANIES } from './src/shared/lexicon.ts';
import { preTestSources } from './src/shared/mentions.ts';

// `vite build --mode firefox` builds dist/firefox; any other mode builds Chrome.
export default defineConfig(({ command, mode }) => {
  const target: BuildTarget = isBuildTarget(mode) ? mode : 'chrome';
  // CLAIMLIGHT_BENCH=1 builds dist/bench-<target>: the same code plus performance marks for `npm run bench`.
  const bench = process.env['CLAIMLIGHT_BENCH'] === '1';
  const panelPage = sidePanelPage(baseManifest);
  return {
    define: {
      __CLAIMLIGHT_BENCH__: JSON.stringify(bench),
      // The content script's pre-tests, generated here once rather than in every page (src/content/detect.ts).
      __CLAIMLIGHT_PRETEST__: JSON.stringify(preTestSources(BUILT_IN_COMPANIES)),
    },
    plugins: [
      claimsIndex(resolve(import.meta.dirname, 'seeds'), import.meta.dirname),
      preact(),
      crx({ manifest: deriveManifest(baseManifest, target, { dev: command === 'serve' }), browser: target }),
      contentEngine(resolve(import.meta.dirname, 'src/content/engine.ts')),
      noRawHtml(),
      localeCompanies(BUILT_IN_COMPANIES.map((company) => company.name)),
    ],
    build: {
      outDir: bench ? `dist/bench-${target}` : `dist/${target}`,
      emptyOutDir: true,
      target: ['chrome120', 'firefox128'],
      sourcemap: false,
      // Both browsers preload modules natively; Vite's polyfill is the only fetch() the bundles would hold.
      modulePreload: { polyfill: false },
      // Extension pages the manifest does not name; crxjs builds the ones it does (not Firefox's sidebar page).
      rolldownOptions: {
        input: {
          library: 'src/library/index.html',
          viewer: 'src/viewer/index.html',
          ...(target === 'firefox' && panelPage ? { panel: panelPage } : {}),
        },
      },
    },
    server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
  };
});
