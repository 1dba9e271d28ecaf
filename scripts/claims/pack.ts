/**
 * `npm run claim-pack -- <folder> --out <file>`: builds a claim pack file from a folder laid out like seeds/
 * plus pack.json, after verifying it exactly as the browser will (src/shared/packs/verifyPack.ts, with the
 * same limits). On a problem it prints each one, naming the file and the claim, and exits 1; on success it
 * writes the file and prints its SHA-256 and counts.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOCUMENT_FILE_PATTERN } from '../../src/shared/claims.ts';
import { BUILT_IN_COMPANIES } from '../../src/shared/lexicon.ts';
import {
  checkPackInfo,
  PACK_EXTENSION,
  PACK_JSON_FILES,
  packText,
  type PackFiles,
} from '../../src/shared/packs/format.ts';
import { formatPackProblems } from '../../src/shared/packs/report.ts';
import { verifyPack } from '../../src/shared/packs/verifyPack.ts';
import type { VerifyProblem } from '../../src/shared/verify/problems.ts';

const USAGE = `usage: npm run claim-pack -- <folder> --out <file${PACK_EXTENSION}>`;

export interface Output {
  log: (line: string) => void;
  error: (line: string) => void;
}

function parseArgs(args: readonly string[]): { folder: string; out: string } | null {
  const rest = [...args];
  const at = rest.indexOf('--out');
  if (at < 0 || at + 1 >= rest.length) return null;
  const [out] = rest.splice(at, 2).slice(1);
  return rest.length === 1 && rest[0] && out ? { folder: rest[0], out } : null;
}

/** The folder's files, or the problems that keep it from being a pack folder. */
async function readFolder(folder: string): Promise<{ info: unknown; files: PackFiles } | VerifyProblem[]> {
  const problems: VerifyProblem[] = [];
  const entries = await readdir(folder, { withFileTypes: true });
  const known = new Set<string>(['pack.json', ...PACK_JSON_FILES]);
  const documents: Record<string, string> = {};
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    // Hidden files (.DS_Store, editors' swap files) are the system's, not the pack maker's.
    if (entry.name.startsWith('.') || known.has(entry.name)) continue;
    if (entry.isFile() && DOCUMENT_FILE_PATTERN.test(entry.name))
      documents[entry.name] = await readFile(join(folder, entry.name), 'utf8');
    else
      problems.push({
        file: join(folder, entry.name),
        code: 'not-a-pack',
        message:
          'is not part of a pack: a pack folder holds pack.json, claims.json, sources.json, companies.json ' +
          'and documents named NNN_<hex>.txt',
      });
  }
  const read = async (name: string): Promise<string> => {
    try {
      return await readFile(join(folder, name), 'utf8');
    } catch {
      problems.push({ file: join(folder, name), code: 'not-a-pack', message: 'is missing' });
      return '';
    }
  };
  const [info, claims, sources, companies] = await Promise.all(
    ['pack.json', 'claims.json', 'sources.json', 'companies.json'].map(read),
  );
  if (problems.length > 0) return problems;
  let parsed: unknown;
  try {
    parsed = JSON.parse(info ?? '') as unknown;
  } catch (error) {
    return [{ file: join(folder, 'pack.json'), code: 'not-json', message: `malformed JSON: ${String(error)}` }];
  }
  return {
    info: parsed,
    files: { 'claims.json': claims ?? '', 'sources.json': sources ?? '', 'companies.json': companies ?? '', documents },
  };
}

/** Runs the command; returns the exit code (0 written, 1 refused, 2 misused). */
export async function main(args: readonly string[], output: Output = console): Promise<number> {
  const parsed = parseArgs(args);
  if (!parsed) {
    output.error(USAGE);
    return 2;
  }
  // "pack/" and "pack" name the same folder, and problems name its files as "pack/claims.json".
  const folder = parsed.folder.replace(/(?<=.)\/+$/, '');
  const { out } = parsed;
  const read = await readFolder(folder).catch((error: unknown) => [
    { file: folder, code: 'not-a-pack' as const, message: `cannot be read: ${String(error)}` },
  ]);
  if (Array.isArray(read)) {
    output.error(formatPackProblems(read));
    return 1;
  }
  const problems: VerifyProblem[] = [];
  const info = checkPackInfo(read.info, join(folder, 'pack.json'), problems);
  if (!info) {
    output.error(formatPackProblems(problems));
    return 1;
  }
  const text = packText(info, read.files);
  const result = await verifyPack(text, { builtIn: BUILT_IN_COMPANIES, installed: [] }, { where: folder });
  if (!result.ok) {
    output.error(formatPackProblems(result.problems));
    return 1;
  }
  await writeFile(out, text, 'utf8');
  // The hash of the bytes as written, read back: what a reader compares with what the options page shows.
  const written = createHash('sha256')
    .update(await readFile(out))
    .digest('hex');
  if (written !== result.pack.sha256) {
    output.error(`${out}: the file on disk does not hash to what was verified; write it again`);
    return 1;
  }
  const { id, name, index, companies } = result.pack;
  output.log(`Wrote ${out}: pack "${id}" (${name})`);
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  output.log(
    `  ${plural(index.claims.length, 'claim', 'claims')}, ${plural(index.sources.length, 'source', 'sources')}, ` +
      `${plural(companies.length, 'company', 'companies')} of its own`,
  );
  output.log(`  SHA-256 ${written}`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main(process.argv.slice(2));
