/**
 * Verifies seeds/claims.json, seeds/sources.json and seeds/companies.json
 * against the five seed documents, and compiles the index the extension
 * ships. Every problem is reported with the file and the claim it concerns.
 */
import {
  CLAIM_KINDS,
  compileIndex,
  isClaimKind,
  MAX_NAME,
  type Claim,
  type ClaimsIndex,
  type Source,
  type StatedFact,
} from '../claims.ts';
import type { Company, EntityId } from '../entities.ts';
import { compileMatcher, findMentions, type MentionMatcher } from '../mentions.ts';
import { claimTextProblems, descriptionProblems } from './rules.ts';
import { closestPassage, containsVerbatim, firstLine, normalizeForMatch } from './text.ts';

export interface SeedFiles {
  /** Path label -> JSON text, for claims, sources and companies. */
  claims: { path: string; text: string };
  sources: { path: string; text: string };
  companies: { path: string; text: string };
  /** Seed document file name -> its text. */
  documents: Map<string, string>;
}

export interface VerifyProblem {
  file: string;
  /** The claim (or source, or company) the problem is in, when there is one. */
  subject?: string;
  message: string;
  quote?: string;
  closest?: string;
}

export type VerifyResult =
  | { ok: true; claims: Claim[]; sources: Source[]; companies: Company[]; index: ClaimsIndex }
  | { ok: false; problems: VerifyProblem[] };

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A company id names a group of the mention pattern and a settings field: lowercase letters and digits. */
export const COMPANY_ID_PATTERN = /^[a-z][a-z0-9]*$/;
const MIN_QUOTE_LENGTH = 12;
const MAX_SHORT_TITLE = 60;

export function formatProblem(p: VerifyProblem): string {
  const lines = [`${p.file}${p.subject ? `: ${p.subject}` : ''}: ${p.message}`];
  if (p.quote !== undefined) lines.push(`  quote:   "${p.quote}"`);
  if (p.closest !== undefined) lines.push(`  closest passage in the source: "${p.closest}"`);
  return lines.join('\n');
}

export function formatProblems(problems: VerifyProblem[]): string {
  return `Claims verification failed (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems
    .map(formatProblem)
    .join('\n')}`;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

type Fail = (message: string, quote?: string, closest?: string) => void;

/** Records problems about one subject (a claim, a source) of one file. */
function reporter(problems: VerifyProblem[], file: string, subject: string): Fail {
  return (message, quote, closest) =>
    problems.push({
      file,
      subject,
      message,
      ...(quote !== undefined && { quote }),
      ...(closest !== undefined && { closest }),
    });
}

function parseJson(file: { path: string; text: string }, problems: VerifyProblem[]): unknown {
  try {
    return JSON.parse(file.text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    problems.push({ file: file.path, message: `malformed JSON: ${detail}` });
    return undefined;
  }
}

function unknownKeys(value: Json, allowed: readonly string[]): string[] {
  return Object.keys(value).filter((k) => !allowed.includes(k));
}

function checkCompanies(file: SeedFiles['companies'], problems: VerifyProblem[]): Company[] {
  const data = parseJson(file, problems);
  if (data === undefined) return [];
  if (!isObject(data) || !Array.isArray(data['companies'])) {
    problems.push({ file: file.path, message: 'expected {"companies": [...]}' });
    return [];
  }
  const companies: Company[] = [];
  for (const [i, raw] of data['companies'].entries()) {
    const subject = isObject(raw) && typeof raw['id'] === 'string' ? `company "${raw['id']}"` : `companies[${i}]`;
    const fail = (message: string) => problems.push({ file: file.path, subject, message });
    if (!isObject(raw)) {
      fail('is not an object');
      continue;
    }
    const { id, name, description, mentions } = raw;
    if (typeof id !== 'string' || !COMPANY_ID_PATTERN.test(id)) fail('id must be lowercase letters and digits');
    if (!isText(name)) fail('needs a name');
    if (!isText(description)) fail('needs a one-line description');
    else if (description.includes('\n')) fail('description must be one line');
    else for (const problem of descriptionProblems(description)) fail(problem);
    const rule = isObject(mentions) ? mentions : undefined;
    const spellings = rule?.['spellings'];
    const notFollowedBy = rule?.['notFollowedBy'];
    if (!rule) fail('needs mention rules ("mentions")');
    else {
      if (!Array.isArray(spellings) || spellings.length === 0 || !spellings.every(isText))
        fail('mentions.spellings must be a non-empty list of strings');
      if (typeof rule['ignoreCase'] !== 'boolean') fail('mentions.ignoreCase must be true or false');
      if (!Array.isArray(notFollowedBy) || !notFollowedBy.every(isText))
        fail('mentions.notFollowedBy must be a list of strings');
    }
    if (
      typeof id === 'string' &&
      COMPANY_ID_PATTERN.test(id) &&
      isText(name) &&
      isText(description) &&
      rule &&
      Array.isArray(spellings)
    ) {
      companies.push({
        // The data defines the ids; src/shared/entityId.generated.ts types them.
        id: id as EntityId,
        name,
        description,
        mentions: {
          spellings: spellings as string[],
          ignoreCase: rule['ignoreCase'] === true,
          notFollowedBy: Array.isArray(notFollowedBy) ? (notFollowedBy as string[]) : [],
        },
      });
    }
  }
  if (companies.length === 0) problems.push({ file: file.path, message: 'lists no company' });
  if (new Set(companies.map((c) => c.id)).size !== companies.length)
    problems.push({ file: file.path, message: 'a company is listed twice' });
  try {
    compileMatcher(companies);
  } catch (error) {
    problems.push({ file: file.path, message: `mention rules do not compile: ${String(error)}` });
  }
  return companies;
}

function checkStatedFact(value: unknown, field: string, document: string, fail: Fail): StatedFact | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value) || !isText(value['value']) || !isText(value['evidence'])) {
    fail(`${field} must be {"value": ..., "evidence": "<passage of the document stating it>"}`);
    return undefined;
  }
  if (!containsVerbatim(document, value['evidence'])) {
    fail(`${field} evidence is not in the document`, value['evidence'], closestPassage(document, value['evidence']));
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

function checkSources(file: SeedFiles['sources'], documents: Map<string, string>, problems: VerifyProblem[]): Source[] {
  const data = parseJson(file, problems);
  if (data === undefined) return [];
  if (!isObject(data) || !Array.isArray(data['sources'])) {
    problems.push({ file: file.path, message: 'expected {"sources": [...]}' });
    return [];
  }
  const sources: Source[] = [];
  for (const [i, raw] of data['sources'].entries()) {
    const subject = isObject(raw) && typeof raw['file'] === 'string' ? `source "${raw['file']}"` : `sources[${i}]`;
    const fail = reporter(problems, file.path, subject);
    if (!isObject(raw)) {
      fail('is not an object');
      continue;
    }
    const extra = unknownKeys(raw, ['file', 'name', 'title', 'shortTitle', 'publisher', 'date', 'author']);
    if (extra.length) fail(`has unknown field${extra.length > 1 ? 's' : ''} ${extra.join(', ')}`);
    const { file: name, title } = raw;
    const document = typeof name === 'string' ? documents.get(name) : undefined;
    if (document === undefined) {
      fail(`file ${String(name)} is not one of the seed documents (${[...documents.keys()].join(', ')})`);
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
      const fact = checkStatedFact(raw[field], field, document, fail);
      if (fact) source[field] = fact;
    }
    source.name = checkName(raw['name'], source, document, fail);
    sources.push(source);
  }
  const names = sources.map((s) => s.name).filter(Boolean);
  for (const [i, name] of names.entries()) {
    if (names.indexOf(name) !== i) problems.push({ file: file.path, message: `two sources have the name "${name}"` });
  }
  const files = sources.map((s) => s.file);
  for (const name of documents.keys()) {
    if (!files.includes(name)) problems.push({ file: file.path, message: `seed document ${name} is not described` });
  }
  if (new Set(files).size !== files.length) problems.push({ file: file.path, message: 'a source is described twice' });
  return sources;
}

function checkClaims(
  file: SeedFiles['claims'],
  documents: Map<string, string>,
  knownSources: Set<string>,
  companyIds: Set<EntityId>,
  matcher: MentionMatcher | null,
  problems: VerifyProblem[],
): Claim[] {
  const data = parseJson(file, problems);
  if (data === undefined) return [];
  if (!isObject(data) || !Array.isArray(data['claims'])) {
    problems.push({ file: file.path, message: 'expected {"claims": [...]}' });
    return [];
  }
  const claims: Claim[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of data['claims'].entries()) {
    const subject = isObject(raw) && isText(raw['id']) ? `claim "${raw['id']}"` : `claims[${i}]`;
    const before = problems.length;
    const fail = reporter(problems, file.path, subject);
    if (!isObject(raw)) {
      fail('is not an object');
      continue;
    }
    const extra = unknownKeys(raw, [
      'id',
      'statement',
      'entities',
      'kind',
      'attribution',
      'evidence',
      'note',
      'entails',
    ]);
    if (extra.length) fail(`has unknown field${extra.length > 1 ? 's' : ''} ${extra.join(', ')}`);
    const { id, statement, entities, kind, attribution, evidence, note } = raw;

    if (!isText(id)) fail('needs an id');
    else if (!ID_PATTERN.test(id)) fail(`id "${id}" must be a lowercase slug (a-z, 0-9, hyphens)`);
    else if (seen.has(id)) fail(`id "${id}" is used by more than one claim`);
    else seen.add(id);

    if (!isText(statement)) fail('needs a statement');
    else if (!/[.?!]$/.test(statement.trim())) fail('statement must be one complete sentence ending in a full stop');

    if (!Array.isArray(entities) || entities.length === 0) fail('needs a non-empty list of entities');
    else {
      for (const e of entities) {
        if (typeof e !== 'string' || !companyIds.has(e as EntityId))
          fail(`names unknown company ${JSON.stringify(e)} (known: ${[...companyIds].join(', ')})`);
      }
      if (new Set(entities).size !== entities.length) fail('lists a company twice');
    }

    if (!isClaimKind(kind)) fail(`kind ${JSON.stringify(kind)} must be one of: ${CLAIM_KINDS.join(', ')}`);
    if (!isText(attribution)) fail('needs an attribution (who asserts it)');
    if (note !== undefined && !isText(note)) fail('note, when present, must be text');
    const entails = raw['entails'];
    if (entails !== undefined && (!Array.isArray(entails) || entails.length === 0 || !entails.every(isText)))
      fail('entails, when present, must be a non-empty list of claim ids');

    if (!Array.isArray(evidence) || evidence.length === 0) fail('needs at least one piece of evidence');
    else {
      const pairs = new Set<string>();
      for (const [j, item] of evidence.entries()) {
        if (!isObject(item) || !isText(item['source']) || !isText(item['quote'])) {
          fail(`evidence[${j}] must be {"source": "<seed file>", "quote": "<verbatim passage>"}`);
          continue;
        }
        const { source, quote } = item as { source: string; quote: string };
        const extraKeys = unknownKeys(item, ['source', 'quote', 'support']);
        if (extraKeys.length) fail(`evidence[${j}] has unknown field ${extraKeys.join(', ')}`);
        if (item['support'] !== undefined && item['support'] !== 'partial')
          fail(`evidence[${j}] support must be "partial" or left out (full support)`, quote);
        const document = documents.get(source);
        if (document === undefined || !knownSources.has(source)) {
          fail(`cites unknown source ${source} (known: ${[...knownSources].join(', ')})`, quote);
          continue;
        }
        if (normalizeForMatch(quote).length < MIN_QUOTE_LENGTH)
          fail(`quote is too short to attribute (under ${MIN_QUOTE_LENGTH} characters)`, quote);
        else if (!containsVerbatim(document, quote))
          fail(`quote is not in ${source}`, quote, closestPassage(document, quote));
        const pair = `${source}\n${normalizeForMatch(quote)}`;
        if (pairs.has(pair)) fail(`cites the same quote from ${source} twice`, quote);
        pairs.add(pair);
      }
    }
    if (problems.length === before) {
      const claim = raw as unknown as Claim;
      const named = matcher
        ? new Set(findMentions(matcher, claim.statement).map((m) => m.entity))
        : new Set<EntityId>();
      const context = { documents, mentionsIn: (text: string) => (matcher ? findMentions(matcher, text) : []) };
      for (const problem of claimTextProblems(claim, [...documents.keys()], named, context)) fail(problem);
    }
    if (problems.length === before) claims.push(raw as unknown as Claim);
  }
  return claims;
}

/** Every id a claim entails is another claim's, and no claim entails itself through others. */
function checkEntailments(claims: readonly Claim[], file: string, problems: VerifyProblem[]): void {
  const ids = new Set(claims.map((c) => c.id));
  const entails = new Map(claims.map((c) => [c.id, c.entails ?? []]));
  for (const claim of claims) {
    const fail = reporter(problems, file, `claim "${claim.id}"`);
    for (const id of claim.entails ?? []) {
      if (id === claim.id) fail('entails itself');
      else if (!ids.has(id)) fail(`entails unknown claim "${id}"`);
    }
    if (new Set(claim.entails).size !== (claim.entails ?? []).length) fail('lists a claim it entails twice');
    // A cycle would make two claims the same claim: say so, merge them, or drop one entailment.
    const seen = new Set<string>();
    const stack = [...(claim.entails ?? [])];
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      if (id === claim.id) {
        fail('entails itself through the claims it entails: two claims that entail each other are one claim');
        break;
      }
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(entails.get(id) ?? []));
    }
  }
}

export function verifySeeds(files: SeedFiles): VerifyResult {
  const problems: VerifyProblem[] = [];
  const companies = checkCompanies(files.companies, problems);
  let matcher: MentionMatcher | null = null;
  try {
    matcher = compileMatcher(companies);
  } catch {
    // Reported by checkCompanies.
  }
  const sources = checkSources(files.sources, files.documents, problems);
  const claims = checkClaims(
    files.claims,
    files.documents,
    new Set(sources.map((s) => s.file)),
    new Set(companies.map((c) => c.id)),
    matcher,
    problems,
  );
  checkEntailments(claims, files.claims.path, problems);
  if (problems.length > 0) return { ok: false, problems };
  const cited = new Set(claims.flatMap((c) => c.evidence.map((e) => e.source)));
  for (const source of sources) {
    if (!cited.has(source.file)) problems.push({ file: files.claims.path, message: `no claim cites ${source.file}` });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, claims, sources, companies, index: compileIndex(claims, sources) };
}
