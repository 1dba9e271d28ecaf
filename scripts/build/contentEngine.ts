/**
 * Builds the content script's engine (src/content/engine.ts: highlighter,
 * card, page matching) as a module of its own, which the dormant entry
 * imports only on a page that may mention a company. Pages without a mention
 * never load or evaluate it.
 *
 * A secondary Vite library build (ES format, every import inlined), run from
 * the main build's generateBundle and emitted as an asset: the same approach
 * crxjs takes for IIFE content scripts, with the main build's defines, target
 * and resolution. The manifest declares the file web-accessible, so the entry
 * can import it (see scripts/build/manifest.ts for how its address is kept
 * from pages).
 */
import type { OutputChunk, RolldownOutput } from 'rolldown';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import { ENGINE_FILE } from '../../src/content/constants.ts';

export function contentEngine(entry: string): Plugin {
  let config: ResolvedConfig | null = null;
  return {
    name: 'claimlight:content-engine',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    async generateBundle() {
      if (!config) throw new Error('content engine: the build was not configured');
      const result = await build({
        configFile: false,
        root: config.root,
        mode: config.mode,
        logLevel: 'warn',
        define: config.define ?? {},
        resolve: {
          alias: config.resolve.alias,
          extensions: config.resolve.extensions,
          conditions: config.resolve.conditions,
        },
        plugins: [],
        build: {
          write: false,
          emptyOutDir: false,
          copyPublicDir: false,
          // Not library mode, which keeps an ES module's whitespace: the engine ships minified like the rest.
          rolldownOptions: {
            input: entry,
            preserveEntrySignatures: 'strict',
            output: { format: 'es', entryFileNames: ENGINE_FILE, inlineDynamicImports: true },
          },
          minify: config.build.minify,
          sourcemap: false,
          target: config.build.target,
        },
      });
      const outputs = (Array.isArray(result) ? result : [result]) as RolldownOutput[];
      const chunk = outputs
        .flatMap((output) => output.output)
        .find((item): item is OutputChunk => item.type === 'chunk' && item.isEntry);
      if (!chunk) throw new Error(`content engine: building ${entry} produced no module`);
      this.emitFile({ type: 'asset', fileName: ENGINE_FILE, source: chunk.code });
    },
  };
}
