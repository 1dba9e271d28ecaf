/**
 * The limits of a claim pack (limits.ts), checked in the order that keeps a hostile file cheap: the files'
 * sizes before their JSON is parsed, each document's size before anything is searched in it, and the counts
 * and lengths of claims, sources and companies before any of them is verified.
 */
import { DOCUMENT_FILE_PATTERN } from '../claims.ts';
import { type Json } from '../verify/json.ts';
import type { VerifyProblem } from '../verify/problems.ts';
import { PACK_JSON_FILES, type PackFiles } from './format.ts';
import { formatAmount, PACK_LIMITS, utf8Length } from './limits.ts';
import { isRecord } from '../validate.ts';

type Over = (message: string, subject?: string) => void;

function overLimit(problems: VerifyProblem[], file: string): Over {
  return (message, subject) =>
    problems.push({ file, code: 'over-limit', message, ...(subject !== undefined && { subject }) });
}

const bytesOver = (what: string, bytes: number, max: number) =>
  `${what} is ${formatAmount(bytes, 'bytes')}, over the limit of ${formatAmount(max, 'bytes')}`;

/** The whole pack file's size, before it is parsed. */
export function fileSizeProblem(text: string, file: string): VerifyProblem | null {
  const max = PACK_LIMITS.fileBytes;
  // A UTF-8 encoding is never shorter than the UTF-16 length, so a long text is refused without counting.
  if (text.length > max)
    return {
      file,
      code: 'over-limit',
      message: `the pack file is at least ${formatAmount(text.length, 'bytes')}, over the limit of ${formatAmount(max, 'bytes')}`,
    };
  const bytes = utf8Length(text);
  return bytes > max ? { file, code: 'over-limit', message: bytesOver('the pack file', bytes, max) } : null;
}

/** The pack file's `files`, checked for shape and size; null when they cannot be read. */
export function readPackFiles(value: unknown, label: string, problems: VerifyProblem[]): PackFiles | null {
  const before = problems.length;
  const notAPack = (message: string, file = label) => problems.push({ file, code: 'not-a-pack', message });
  if (!isRecord(value)) {
    notAPack('"files" must be {"claims.json": ..., "sources.json": ..., "companies.json": ..., "documents": {...}}');
    return null;
  }
  const unknown = Object.keys(value).filter((k) => ![...PACK_JSON_FILES, 'documents'].includes(k));
  if (unknown.length > 0) notAPack(`"files" has unknown entr${unknown.length > 1 ? 'ies' : 'y'} ${unknown.join(', ')}`);
  const maxBytes = {
    'claims.json': PACK_LIMITS.claimsFileBytes,
    'sources.json': PACK_LIMITS.sourcesFileBytes,
    'companies.json': PACK_LIMITS.companiesFileBytes,
  };
  for (const name of PACK_JSON_FILES) {
    const text = value[name];
    const file = `${label}/${name}`;
    if (typeof text !== 'string') notAPack(`"files" needs ${name} as text`, file);
    else if (utf8Length(text) > maxBytes[name])
      overLimit(problems, file)(bytesOver(name, utf8Length(text), maxBytes[name]));
  }
  const documents = value['documents'];
  if (!isRecord(documents)) notAPack('"files" needs "documents": {"001_<hex>.txt": "<text>", ...}');
  else {
    const names = Object.keys(documents);
    if (names.length > PACK_LIMITS.documents)
      overLimit(
        problems,
        label,
      )(`has ${formatAmount(names.length)} documents, over the limit of ${PACK_LIMITS.documents}`);
    else if (names.length === 0) notAPack('the pack has no document');
    else
      for (const name of names) {
        const file = `${label}/${name.slice(0, 80)}`;
        const text = documents[name];
        if (!DOCUMENT_FILE_PATTERN.test(name))
          notAPack(
            'a document is named NNN_<hex>.txt (a number, then hexadecimal digits), at most 64 characters',
            file,
          );
        else if (typeof text !== 'string') notAPack('a document must be text', file);
        else if (utf8Length(text) > PACK_LIMITS.documentBytes)
          overLimit(problems, file)(bytesOver('the document', utf8Length(text), PACK_LIMITS.documentBytes));
      }
  }
  return problems.length > before ? null : (value as unknown as PackFiles);
}

/** JSON that parses, or undefined: a file that does not parse is left for the verifier to report. */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function listIn(data: unknown, key: string): unknown[] {
  return isRecord(data) && Array.isArray(data[key]) ? data[key] : [];
}

/** Checks that `item[field]`, when it is a string, is at most `max` characters. */
function lengthChecker(over: Over) {
  return (item: Json, field: string, max: number, subject: string, label = field) => {
    const value = item[field];
    if (typeof value === 'string' && value.length > max)
      over(`${label} is ${formatAmount(value.length, 'characters')}, over the limit of ${formatAmount(max)}`, subject);
  };
}

function countOver(over: Over, what: string, count: number, max: number, subject?: string) {
  if (count > max) over(`has ${formatAmount(count)} ${what}, over the limit of ${formatAmount(max)}`, subject);
}

function claimLimits(text: string, file: string, problems: VerifyProblem[]): void {
  const over = overLimit(problems, file);
  const claims = listIn(parsed(text), 'claims');
  countOver(over, 'claims', claims.length, PACK_LIMITS.claims);
  if (claims.length > PACK_LIMITS.claims) return;
  const check = lengthChecker(over);
  let quotes = 0;
  for (const [i, claim] of claims.entries()) {
    if (!isRecord(claim)) continue;
    const id = claim['id'];
    const subject = typeof id === 'string' && id.length <= PACK_LIMITS.claimIdChars ? `claim "${id}"` : `claims[${i}]`;
    check(claim, 'id', PACK_LIMITS.claimIdChars, subject);
    check(claim, 'statement', PACK_LIMITS.statementChars, subject);
    check(claim, 'attribution', PACK_LIMITS.attributionChars, subject);
    check(claim, 'note', PACK_LIMITS.noteChars, subject);
    for (const [field, what, max] of [
      ['entities', 'entities', PACK_LIMITS.entitiesPerClaim],
      ['entails', 'entailed claims', PACK_LIMITS.entailsPerClaim],
      ['evidence', 'quotes', PACK_LIMITS.quotesPerClaim],
    ] as const) {
      const list = claim[field];
      if (Array.isArray(list)) countOver(over, what, list.length, max, subject);
    }
    const entails = claim['entails'];
    if (Array.isArray(entails))
      for (const [j, entailed] of entails.entries())
        if (typeof entailed === 'string' && entailed.length > PACK_LIMITS.claimIdChars)
          over(`entails[${j}] is over the limit of ${PACK_LIMITS.claimIdChars} characters`, subject);
    const evidence = claim['evidence'];
    if (!Array.isArray(evidence)) continue;
    quotes += evidence.length;
    for (const [j, item] of evidence.entries()) {
      if (isRecord(item)) check(item, 'quote', PACK_LIMITS.quoteChars, subject, `evidence[${j}] quote`);
    }
  }
  countOver(over, 'quotes in all its claims', quotes, PACK_LIMITS.quotes);
}

function sourceLimits(text: string, file: string, problems: VerifyProblem[]): void {
  const over = overLimit(problems, file);
  const sources = listIn(parsed(text), 'sources');
  countOver(over, 'sources', sources.length, PACK_LIMITS.documents);
  if (sources.length > PACK_LIMITS.documents) return;
  const check = lengthChecker(over);
  for (const [i, source] of sources.entries()) {
    if (!isRecord(source)) continue;
    const name = source['file'];
    const subject = typeof name === 'string' && name.length <= 80 ? `source "${name}"` : `sources[${i}]`;
    for (const field of ['file', 'name', 'title', 'shortTitle'])
      check(source, field, PACK_LIMITS.sourceFieldChars, subject);
    check(source, 'url', PACK_LIMITS.urlChars, subject);
    for (const field of ['publisher', 'date', 'author']) {
      const fact = source[field];
      if (!isRecord(fact)) continue;
      check(fact, 'value', PACK_LIMITS.sourceFieldChars, subject, `${field} value`);
      check(fact, 'evidence', PACK_LIMITS.sourceFieldChars, subject, `${field} evidence`);
    }
  }
}

function companyLimits(text: string, file: string, problems: VerifyProblem[]): void {
  const over = overLimit(problems, file);
  const companies = listIn(parsed(text), 'companies');
  countOver(over, 'companies', companies.length, PACK_LIMITS.companies);
  if (companies.length > PACK_LIMITS.companies) return;
  const check = lengthChecker(over);
  for (const [i, company] of companies.entries()) {
    if (!isRecord(company)) continue;
    const id = company['id'];
    const subject = typeof id === 'string' && id.length <= 40 ? `company "${id}"` : `companies[${i}]`;
    check(company, 'id', 40, subject);
    check(company, 'name', PACK_LIMITS.companyNameChars, subject);
    check(company, 'description', PACK_LIMITS.companyDescriptionChars, subject);
    const mentions = company['mentions'];
    if (!isRecord(mentions)) continue;
    for (const [field, max] of [
      ['spellings', PACK_LIMITS.spellingsPerCompany],
      ['notFollowedBy', PACK_LIMITS.notFollowedByPerCompany],
    ] as const) {
      const list = mentions[field];
      if (!Array.isArray(list)) continue;
      countOver(over, `mentions.${field} entries`, list.length, max, subject);
      for (const [j, word] of list.entries())
        if (typeof word === 'string' && word.length > PACK_LIMITS.spellingChars)
          over(`mentions.${field}[${j}] is over the limit of ${PACK_LIMITS.spellingChars} characters`, subject);
    }
  }
}

/** Counts and lengths in the three JSON files, before the verifier reads them claim by claim. */
export function countProblems(files: PackFiles, label: string, problems: VerifyProblem[]): void {
  claimLimits(files['claims.json'], `${label}/claims.json`, problems);
  sourceLimits(files['sources.json'], `${label}/sources.json`, problems);
  companyLimits(files['companies.json'], `${label}/companies.json`, problems);
}
