/**
 * The build's virtual modules, made the way the build makes them from the repository's seeds, for unit
 * tests to mock them with: `vi.mock('virtual:…', () => import('./seeds.ts').then((s) => s.claimsIndexModule()))`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSeeds } from '../../scripts/claims/load.ts';
import { verifySeeds } from '../../src/shared/verify/verify.ts';
import type { Claim } from '../../src/shared/claims.ts';
import { buildSignatures } from '../../src/shared/claimMatch/signatures.ts';

const ROOT = join(import.meta.dirname, '../..');

/** The seeds' claims as written. */
export function seedClaims(): Claim[] {
  return (JSON.parse(readFileSync(join(ROOT, 'seeds/claims.json'), 'utf8')) as { claims: Claim[] }).claims;
}

/** `virtual:claimlight/claims-index`: the verified claims index. */
export async function claimsIndexModule() {
  const result = verifySeeds(await loadSeeds(join(ROOT, 'seeds'), ROOT));
  if (!result.ok) throw new Error('seeds do not verify');
  return { default: result.index };
}

/** `virtual:claimlight/claim-signatures`: the matcher's signatures. */
export function claimSignaturesModule() {
  return { default: buildSignatures(seedClaims(), seedPublishers()) };
}

/** The publishers sources.json states, which the build leaves out of the signatures. */
export function seedPublishers(): string[] {
  const { sources } = JSON.parse(readFileSync(join(ROOT, 'seeds/sources.json'), 'utf8')) as {
    sources: { publisher?: { value: string } }[];
  };
  return sources.flatMap((source) => (source.publisher ? [source.publisher.value] : []));
}

/** `virtual:claimlight/source-texts`: the seed documents' texts by file name. */
export async function sourceTextsModule() {
  const seeds = await loadSeeds(join(ROOT, 'seeds'), ROOT);
  return { default: Object.fromEntries([...seeds.documents].map(([file, doc]) => [file, doc])) };
}
