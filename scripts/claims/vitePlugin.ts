/**
 * Verifies the seeds at the start of every build and serves the compiled
 * claims index as `virtual:claimlight/claims-index`. A claim that fails
 * verification stops the build with the verifier's message.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import type { ClaimsIndex } from '../../src/shared/claims.ts';
import { loadSeeds } from './load.ts';
import { formatProblems, verifySeeds } from './verify.ts';

export const CLAIMS_INDEX_MODULE = 'virtual:claimlight/claims-index';
const RESOLVED = `\0${CLAIMS_INDEX_MODULE}`;

export function claimsIndex(seedDir: string, root = process.cwd()): Plugin {
  let index: ClaimsIndex | undefined;
  return {
    name: 'claimlight:claims-index',
    async buildStart() {
      const result = verifySeeds(await loadSeeds(seedDir, root));
      for (const name of await readdir(seedDir)) this.addWatchFile(join(seedDir, name));
      if (!result.ok) this.error(formatProblems(result.problems));
      index = result.index;
    },
    resolveId(id) {
      return id === CLAIMS_INDEX_MODULE ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      if (!index) throw new Error('claims index requested before verification');
      // JSON.parse of a string literal parses faster than the equivalent object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(index))});`;
    },
  };
}
