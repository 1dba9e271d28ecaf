/**
 * The claim pack file: one JSON document holding pack.json's fields and the folder's files as they are, so the
 * browser verifies exactly the inputs the pack builder verified.
 */
import { BUILT_IN_SET, PACK_ID_PATTERN } from '../claims.ts';
import type { VerifyProblem } from '../verify/problems.ts';
import { PACK_LIMITS } from './limits.ts';
import { isRecord } from '../validate.ts';

export const PACK_FORMAT = 'claimlight-pack';
export const PACK_VERSION = 1;
/** The extension the pack builder suggests for a pack file. */
export const PACK_EXTENSION = '.claimlight.json';
/** Ids a pack may not take: they name Claimlight's own claims. */
export const RESERVED_PACK_IDS: readonly string[] = ['claimlight', BUILT_IN_SET, 'built-in'];

/** pack.json: what the pack is called and says it is about. */
export interface PackInfo {
  id: string;
  name: string;
  description: string;
}

/** The folder's files, by name, as text. */
export interface PackFiles {
  'claims.json': string;
  'sources.json': string;
  'companies.json': string;
  /** Document file name ("001_3fa2.txt") -> its text. */
  documents: Record<string, string>;
}

export const PACK_JSON_FILES = ['claims.json', 'sources.json', 'companies.json'] as const;

export interface PackDocument extends PackInfo {
  format: typeof PACK_FORMAT;
  version: typeof PACK_VERSION;
  files: PackFiles;
}

/**
 * The pack file's text: the same inputs always give the same bytes (fixed key order, documents sorted by
 * name), so a pack's SHA-256 identifies its contents.
 */
export function packText(info: PackInfo, files: PackFiles): string {
  const documents = Object.fromEntries(
    Object.keys(files.documents)
      .sort()
      .map((name) => [name, files.documents[name] ?? '']),
  );
  const pack: PackDocument = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    id: info.id,
    name: info.name,
    description: info.description,
    files: {
      'claims.json': files['claims.json'],
      'sources.json': files['sources.json'],
      'companies.json': files['companies.json'],
      documents,
    },
  };
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/** Characters that would let a name display as something else: controls and bidirectional overrides. */
const DISGUISING = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** One line of text with no disguising characters, at most `max` characters. */
function lineProblem(value: unknown, field: string, max: number): string | null {
  if (typeof value !== 'string' || value.trim() === '') return `${field} must be text`;
  if (value.length > max) return `${field} is ${value.length} characters, over the limit of ${max}`;
  if (DISGUISING.test(value)) return `${field} must be one line, with no control or text-direction characters`;
  if (value !== value.trim()) return `${field} must not start or end with spaces`;
  return null;
}

/** Problems with a pack id: a slug (`PACK_ID_PATTERN`) not reserved for Claimlight's own claims. */
export function packIdProblem(id: unknown): string | null {
  if (typeof id !== 'string' || !PACK_ID_PATTERN.test(id))
    return (
      `id ${JSON.stringify(typeof id === 'string' ? id.slice(0, 60) : id)} must be a lowercase slug of 2 to 40 ` +
      'characters: a letter, then letters, digits and single hyphens ("harbor-ledger")'
    );
  if (RESERVED_PACK_IDS.includes(id)) return `id "${id}" is reserved for Claimlight's own claims`;
  return null;
}

/** pack.json's fields (or a pack file's), checked: exactly id, name and description. */
export function checkPackInfo(
  value: unknown,
  file: string,
  problems: VerifyProblem[],
  extraKeys: readonly string[] = [],
): PackInfo | null {
  if (!isRecord(value)) {
    problems.push({ file, code: 'not-a-pack', message: 'expected {"id": ..., "name": ..., "description": ...}' });
    return null;
  }
  const unknown = Object.keys(value).filter((k) => !['id', 'name', 'description', ...extraKeys].includes(k));
  if (unknown.length > 0)
    problems.push({
      file,
      code: 'not-a-pack',
      message: `has unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`,
    });
  const before = problems.length;
  const idProblem = packIdProblem(value['id']);
  if (idProblem) problems.push({ file, code: 'bad-pack-id', message: idProblem });
  for (const [field, max] of [
    ['name', PACK_LIMITS.packNameChars],
    ['description', PACK_LIMITS.packDescriptionChars],
  ] as const) {
    const problem = lineProblem(value[field], field, max);
    if (problem) problems.push({ file, code: 'bad-pack-info', message: problem });
  }
  if (problems.length > before || unknown.length > 0) return null;
  return { id: value['id'] as string, name: value['name'] as string, description: value['description'] as string };
}
