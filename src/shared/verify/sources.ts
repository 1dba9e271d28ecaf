/**
 * Verifies sources.json: each report is described by what its document states and nothing more. A claim
 * pack's sources may also say where the pack maker got the text (`url`, `retrieved`).
 */
import { DOCUMENT_FILE_PATTERN, MAX_NAME, type Source, type StatedFact } from '../claims.ts';
import { isText, parseJson, unknownKeys, type JsonFile } from './json.ts';
import { isIsoDate, isOriginUrl, MAX_URL } from './origin.ts';
import { reporter, type Fail, type VerifyProblem } from './problems.ts';
import { containsVerbatim, firstLine, normalizeForMatch, type ClosestFinder } from './text.ts';
import { isRecord } from '../validate.ts';

const MAX_SHORT_TITLE = 60;
/** The longest `url` a pack's source may state. */
const STATED_FIELDS = ['file', 'name', 'title', 'shortTitle', 'publisher', 'date', 'author'] as const;
/** What a pack maker may add: where the text came from, in their own words, never checked against it. */
const ORIGIN_FIELDS = ['url', 'retrieved'] as const;

/** How messages name the set's documents. */
export interface DocumentWords {
  /** "seed document", "document" */
  one: string;
  /** "seed file", "document file" */
  file: string;
  /** "the seed documents", "the pack's documents" */
  all: string;
}

export const SEED_WORDS: DocumentWords = { one: 'seed document', file: 'seed file', all: 'the seed documents' };
export const PACK_WORDS: DocumentWords = { one: 'document', file: 'document file', all: "the pack's documents" };

export interface SourceRules {
  /** A claim pack's sources may state `url` and `retrieved`. */
  pack: boolean;
  words: DocumentWords;
  closest: ClosestFinder;
}

function checkStatedFact(
  value: unknown,
  field: string,
  document: string,
  closest: ClosestFinder,
  fail: Fail,
): StatedFact | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value) || !isText(value['value']) || !isText(value['evidence'])) {
    fail(`${field} must be {"value": ..., "evidence": "<passage of the document stating it>"}`);
    return undefined;
  }
  if (!containsVerbatim(document, value['evidence'])) {
    fail(`${field} evidence is not in the document`, value['evidence'], closest(document, value['evidence']));
    return undefined;
  }
  // Dates are shown in the reader's calendar and give the years the reports date from.
  if (field === 'date' && !isIsoDate(value['value'])) {
    fail('date value must be the date the evidence states, written as YYYY-MM-DD', value['value']);
    return undefined;
  }
  return { value: value['value'], evidence: value['evidence'] };
}

/** Whether `part` is the start of `line`, ending where a word ends (whitespace and typographic variants aside). */
function startsLine(part: string, line: string): boolean {
  const full = normalizeForMatch(line);
  const start = normalizeForMatch(part);
  return full.startsWith(start) && !(start.length < full.length && /[\p{L}\p{N}]/u.test(full.charAt(start.length)));
}

/**
 * A report's `name`: the publisher the document states, or the start of its first line, cut after a word (no
 * trailing punctuation or ellipsis: the ellipsis is added where the name is shown) and at most `MAX_NAME`
 * characters.
 */
function checkName(name: unknown, source: Source, document: string, fail: Fail): string {
  if (!isText(name)) {
    fail('needs a name (the publisher the document states, or the start of its first line, cut at a word)');
    return '';
  }
  if (source.publisher !== undefined && name === source.publisher.value) return name;
  if (!startsLine(name, firstLine(document)))
    fail(
      `name must be the stated publisher${source.publisher ? ` ("${source.publisher.value}")` : ' (none is stated)'} or the start of the title, ending at a word boundary`,
      name,
      firstLine(document),
    );
  else if (!/[\p{L}\p{N}]$/u.test(name)) fail('name must end with a word, not punctuation (no ellipsis)', name);
  else if (normalizeForMatch(name).length > MAX_NAME) fail(`name must be at most ${MAX_NAME} characters`, name);
  return name;
}

/** A pack's `url` and `retrieved`: kept as written when well formed. */
function checkOrigin(raw: Record<string, unknown>, source: Source, fail: Fail): void {
  const { url, retrieved } = raw;
  if (url !== undefined) {
    if (isOriginUrl(url)) source.url = url;
    else
      fail(
        `url must be an http:// or https:// address of at most ${MAX_URL} characters, with no spaces, user name or password`,
        typeof url === 'string' ? url.slice(0, 200) : undefined,
      );
  }
  if (retrieved !== undefined) {
    if (isIsoDate(retrieved)) source.retrieved = retrieved;
    else fail('retrieved must be the date the text was retrieved, written as YYYY-MM-DD');
  }
}

export function checkSources(
  file: JsonFile,
  documents: ReadonlyMap<string, string>,
  rules: SourceRules,
  problems: VerifyProblem[],
): Source[] {
  for (const name of documents.keys()) {
    if (!DOCUMENT_FILE_PATTERN.test(name))
      problems.push({
        file: file.path,
        subject: `${rules.words.one} "${name.slice(0, 80)}"`,
        message: 'file name must be NNN_<hex>.txt (a number, then hexadecimal digits), at most 64 characters',
      });
  }
  // `{002}` names a report by its number, so no two documents share one.
  const codes = [...documents.keys()].map((name) => name.slice(0, 3));
  for (const [i, code] of codes.entries()) {
    if (codes.indexOf(code) !== i)
      problems.push({
        file: file.path,
        message: `two ${rules.words.one}s are numbered ${code}: give each its own number`,
      });
  }
  const data = parseJson(file, problems);
  if (data === undefined) return [];
  if (!isRecord(data) || !Array.isArray(data['sources'])) {
    problems.push({ file: file.path, message: 'expected {"sources": [...]}' });
    return [];
  }
  const allowed = rules.pack ? [...STATED_FIELDS, ...ORIGIN_FIELDS] : STATED_FIELDS;
  const sources: Source[] = [];
  for (const [i, raw] of (data['sources'] as unknown[]).entries()) {
    const subject = isRecord(raw) && typeof raw['file'] === 'string' ? `source "${raw['file']}"` : `sources[${i}]`;
    const fail = reporter(problems, file.path, subject);
    if (!isRecord(raw)) {
      fail('is not an object');
      continue;
    }
    const extra = unknownKeys(raw, allowed);
    if (extra.length) fail(`has unknown field${extra.length > 1 ? 's' : ''} ${extra.join(', ')}`);
    const { file: name, title } = raw;
    const document = typeof name === 'string' ? documents.get(name) : undefined;
    if (document === undefined) {
      fail(`file ${String(name)} is not one of ${rules.words.all} (${[...documents.keys()].join(', ')})`);
      continue;
    }
    if (!isText(title)) fail('needs a title');
    else if (normalizeForMatch(title) !== normalizeForMatch(firstLine(document)))
      fail("title must be the document's first line", title, firstLine(document));
    const shortTitle = raw['shortTitle'];
    if (!isText(shortTitle)) fail('needs a shortTitle (the start of the first line, cut at a word)');
    else if (isText(title)) {
      if (!startsLine(shortTitle, title))
        fail('shortTitle must be the start of the title, ending at a word boundary', shortTitle, title);
      else if (normalizeForMatch(shortTitle).length > MAX_SHORT_TITLE)
        fail(`shortTitle must be at most ${MAX_SHORT_TITLE} characters`, shortTitle);
    }
    const source: Source = {
      file: name as string,
      title: isText(title) ? title : '',
      shortTitle: isText(shortTitle) ? shortTitle : '',
      name: '',
    };
    for (const field of ['publisher', 'date', 'author'] as const) {
      const fact = checkStatedFact(raw[field], field, document, rules.closest, fail);
      if (fact) source[field] = fact;
    }
    source.name = checkName(raw['name'], source, document, fail);
    if (rules.pack) checkOrigin(raw, source, fail);
    sources.push(source);
  }
  const names = sources.map((s) => s.name).filter(Boolean);
  for (const [i, name] of names.entries()) {
    if (names.indexOf(name) !== i) problems.push({ file: file.path, message: `two sources have the name "${name}"` });
  }
  const files = sources.map((s) => s.file);
  for (const name of documents.keys()) {
    if (!files.includes(name))
      problems.push({ file: file.path, message: `${rules.words.one} ${name} is not described` });
  }
  if (new Set(files).size !== files.length) problems.push({ file: file.path, message: 'a source is described twice' });
  return sources;
}
