/** Reading the JSON files of a claim set: each value is checked before it is trusted. */
import type { VerifyProblem } from './problems.ts';

export type Json = Record<string, unknown>;

export const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

export interface JsonFile {
  /** How problems name the file ("seeds/claims.json"). */
  path: string;
  text: string;
}

export function parseJson(file: JsonFile, problems: VerifyProblem[]): unknown {
  try {
    return JSON.parse(file.text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    problems.push({ file: file.path, message: `malformed JSON: ${detail}` });
    return undefined;
  }
}

export function unknownKeys(value: Json, allowed: readonly string[]): string[] {
  return Object.keys(value).filter((k) => !allowed.includes(k));
}
