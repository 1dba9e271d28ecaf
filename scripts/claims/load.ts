/** Reads the seed folder from disk for the verifier. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { DOCUMENT_FILE_PATTERN } from '../../src/shared/claims.ts';
import type { SeedFiles } from '../../src/shared/verify/verify.ts';

export async function loadSeeds(seedDir: string, root = process.cwd()): Promise<SeedFiles> {
  const read = async (name: string) => ({
    path: relative(root, join(seedDir, name)),
    text: await readFile(join(seedDir, name), 'utf8'),
  });
  const documents = new Map<string, string>();
  for (const name of (await readdir(seedDir)).filter((n) => DOCUMENT_FILE_PATTERN.test(n)).sort()) {
    documents.set(name, await readFile(join(seedDir, name), 'utf8'));
  }
  return {
    claims: await read('claims.json'),
    sources: await read('sources.json'),
    companies: await read('companies.json'),
    documents,
  };
}
