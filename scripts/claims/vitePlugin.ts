/**
 * Verifies the seeds at the start of every build and serves the compiled
 * claims index as `virtual:claimlight/claims-index`. A claim that fails
 * verification stops the build with the verifier's message.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { publishers, type ClaimsIndex } from '../../src/shared/claims.ts';
import { buildSignatures, claimText } from '../../src/shared/claimMatch/signatures.ts';
import { loadSeeds } from './load.ts';
import { formatProblems, verifySeeds } from '../../src/shared/verify/verify.ts';

export const CLAIMS_INDEX_MODULE = 'virtual:claimlight/claims-index';
/** The five documents' full text, for the source viewer only. */
export const SOURCE_TEXTS_MODULE = 'virtual:claimlight/source-texts';
/** The claim matcher's signature data; import it only from the lazily loaded matching chunk. */
export const CLAIM_SIGNATURES_MODULE = 'virtual:claimlight/claim-signatures';
const RESOLVED = `\0${CLAIMS_INDEX_MODULE}`;
const RESOLVED_SIGNATURES = `\0${CLAIM_SIGNATURES_MODULE}`;
const RESOLVED_TEXTS = `\0${SOURCE_TEXTS_MODULE}`;

export function claimsIndex(seedDir: string, root = process.cwd()): Plugin {
  let index: ClaimsIndex | undefined;
  let texts: Record<string, string> = {};
  return {
    name: 'claimlight:claims-index',
    async buildStart() {
      const seeds = await loadSeeds(seedDir, root);
      texts = Object.fromEntries(seeds.documents);
      const result = verifySeeds(seeds);
      for (const name of await readdir(seedDir)) this.addWatchFile(join(seedDir, name));
      if (!result.ok) this.error(formatProblems(result.problems));
      index = result.index;
    },
    resolveId(id) {
      if (id === CLAIMS_INDEX_MODULE) return RESOLVED;
      if (id === CLAIM_SIGNATURES_MODULE) return RESOLVED_SIGNATURES;
      return id === SOURCE_TEXTS_MODULE ? RESOLVED_TEXTS : undefined;
    },
    load(id) {
      if (id === RESOLVED_TEXTS) return `export default JSON.parse(${JSON.stringify(JSON.stringify(texts))});`;
      if (id !== RESOLVED && id !== RESOLVED_SIGNATURES) return undefined;
      if (!index) throw new Error('claims index requested before verification');
      // Signatures come from the verified claims only, so they never describe a claim the build refused.
      if (id === RESOLVED_SIGNATURES)
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(buildSignatures(index.claims.map(claimText), publishers(index))))});`;
      // JSON.parse of a string literal parses faster than the equivalent object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(index))});`;
    },
  };
}
