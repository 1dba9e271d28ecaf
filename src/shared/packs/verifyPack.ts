/**
 * Verifies a claim pack file in the reader's browser (and in the pack builder) before anything of it is kept:
 * the limits first, then the very verifier the build runs on seeds/, then what depends on the packs already
 * installed. Pure: no storage, no network; nothing in a pack is ever fetched.
 */
import { PACK_ID_PATTERN, publishers } from '../claims.ts';
import { buildSignatures, claimText } from '../claimMatch/signatures.ts';
import type { Company, MentionRule } from '../entities.ts';
import type { VerifyProblem } from '../verify/problems.ts';
import { verifyPackFiles, type SeedFiles } from '../verify/verify.ts';
import { checkPackInfo, PACK_FORMAT, PACK_VERSION, type PackFiles, type PackInfo } from './format.ts';
import { namespaced, namespaceIndex } from './namespace.ts';
import { countProblems, fileSizeProblem, readPackFiles } from './sizes.ts';
import type { PackContext, PackResult, VerifiedPack } from './types.ts';
import { isRecord } from '../validate.ts';

export interface VerifyPackOptions {
  /**
   * How problems name the pack's files ("<where>/claims.json"). Default: the pack's id. The pack builder gives
   * its folder, so a problem names the file to fix.
   */
  where?: string;
  /** The pack is a new version of an installed one with its id, which it replaces: that id is no refusal. */
  replace?: boolean;
}

/** SHA-256 of the text's UTF-8 bytes, in lowercase hex: what the pack builder prints for the file it wrote. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const refuse = (problems: VerifyProblem[]): PackResult => ({ ok: false, problems });

/**
 * Verifies `text`, a pack file, against the built-in companies and the packs already installed. A pack whose id
 * is installed is refused with the code `already-installed` (and every other problem it has): to replace it,
 * the caller verifies again with `installed` leaving it out.
 */
export async function verifyPack(
  text: string,
  context: PackContext,
  options: VerifyPackOptions = {},
): Promise<PackResult> {
  const whole = options.where ?? 'pack file';
  const tooBig = fileSizeProblem(text, whole);
  if (tooBig) return refuse([tooBig]);
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refuse([{ file: whole, code: 'not-json', message: `not JSON, so not a Claimlight pack: ${detail}` }]);
  }
  if (!isRecord(data) || data['format'] !== PACK_FORMAT)
    return refuse([
      { file: whole, code: 'not-a-pack', message: `not a Claimlight pack: "format" must be "${PACK_FORMAT}"` },
    ]);
  const version = data['version'];
  if (version !== PACK_VERSION)
    return refuse([
      {
        file: whole,
        code: 'unknown-version',
        message: `pack format version ${JSON.stringify(version)} is not one this Claimlight reads (it reads version ${PACK_VERSION})`,
      },
    ]);
  const id = data['id'];
  const label = options.where ?? (typeof id === 'string' && PACK_ID_PATTERN.test(id) ? id : 'pack');
  const problems: VerifyProblem[] = [];
  const info = checkPackInfo(data, label, problems, ['format', 'version', 'files']);
  const files = readPackFiles(data['files'], label, problems);
  if (!info || !files) return refuse(problems);
  countProblems(files, label, problems);
  if (problems.length > 0) return refuse(problems);

  const other = options.replace ? undefined : context.installed.find((pack) => pack.id === info.id);
  if (other)
    problems.push({
      file: label,
      code: 'already-installed',
      message: `a pack with the id "${info.id}" is already installed ("${other.name}")`,
    });
  const result = verifyPackFiles(seedFiles(files, label), context.builtIn);
  if (!result.ok)
    return refuse([...problems, ...result.problems.map((p) => ({ ...p, code: p.code ?? 'verification' }))]);
  problems.push(...companyConflicts(info.id, result.companies, context, `${label}/companies.json`));
  if (problems.length > 0) return refuse(problems);
  return { ok: true, pack: await verifiedPack(text, info, files, result) };
}

/** The pack's files as the verifier reads a folder, documents in name order. */
function seedFiles(files: PackFiles, label: string): SeedFiles {
  const names = Object.keys(files.documents).sort();
  return {
    claims: { path: `${label}/claims.json`, text: files['claims.json'] },
    sources: { path: `${label}/sources.json`, text: files['sources.json'] },
    companies: { path: `${label}/companies.json`, text: files['companies.json'] },
    documents: new Map(names.map((name) => [name, files.documents[name] ?? ''])),
  };
}

/** Whether two mention rules find the same mentions: the same spellings, case rule and exclusions. */
function sameRules(a: MentionRule, b: MentionRule): boolean {
  const same = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && [...x].sort().every((v, i) => v === [...y].sort()[i]);
  return a.ignoreCase === b.ignoreCase && same(a.spellings, b.spellings) && same(a.notFollowedBy, b.notFollowedBy);
}

/**
 * A company id is one company wherever it is used: two packs may share one with the same mention rules, never
 * with different ones (a page would count one company two ways).
 */
function companyConflicts(
  id: string,
  companies: readonly Company[],
  context: PackContext,
  file: string,
): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  for (const company of companies) {
    for (const pack of context.installed) {
      // An installed version of this same pack is replaced whole, companies included.
      if (pack.id === id) continue;
      const theirs = pack.companies.find((c) => c.id === company.id);
      if (theirs && !sameRules(theirs.mentions, company.mentions))
        problems.push({
          file,
          subject: `company "${company.id}"`,
          code: 'company-conflict',
          message:
            `the installed pack "${pack.name}" (${pack.id}) defines the company "${company.id}" with other mention ` +
            'rules: give this company another id, or the same spellings, case rule and exclusions',
        });
    }
  }
  return problems;
}

async function verifiedPack(
  text: string,
  info: PackInfo,
  files: PackFiles,
  result: Extract<ReturnType<typeof verifyPackFiles>, { ok: true }>,
): Promise<VerifiedPack> {
  const index = namespaceIndex(info.id, result.index);
  const documents: Record<string, string> = {};
  for (const source of result.sources) documents[namespaced(info.id, source.file)] = files.documents[source.file] ?? '';
  return {
    id: info.id,
    name: info.name,
    description: info.description,
    sha256: await sha256Hex(text),
    companies: result.companies.map((c) => ({ ...c, mentions: { ...c.mentions } })),
    index,
    signatures: buildSignatures(index.claims.map(claimText), publishers(index)),
    documents,
  };
}
