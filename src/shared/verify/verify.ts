/**
 * Verifies a set of claims (seeds/ or a claim pack's folder): claims.json, sources.json and companies.json
 * against the set's documents, and compiles the index the extension shows. Every problem is reported with the
 * file and the claim it concerns. Pure (no file system), so the build and the browser run the same code.
 */
import {
  CLAIM_ID_PATTERN,
  CLAIM_KINDS,
  compileIndex,
  isClaimKind,
  type Claim,
  type ClaimsIndex,
  type Source,
} from '../claims.ts';
import type { Company, EntityId } from '../entities.ts';
import { compileMatcher, findMentions, type MentionMatcher } from '../mentions.ts';
import { checkCompanies } from './companies.ts';
import { isText, parseJson, unknownKeys, type JsonFile } from './json.ts';
import { reporter, type VerifyProblem } from './problems.ts';
import { claimTextProblems, type ReportSet } from './rules.ts';
import { checkSources, PACK_WORDS, SEED_WORDS } from './sources.ts';
import { closestFinder, containsVerbatim, normalizeForMatch, type ClosestFinder } from './text.ts';
import { isRecord } from '../validate.ts';

export { COMPANY_ID_PATTERN } from './companies.ts';
export { formatProblem, formatProblems, type ProblemCode, type VerifyProblem } from './problems.ts';

export interface SeedFiles {
  /** Path label -> JSON text, for claims, sources and companies. */
  claims: JsonFile;
  sources: JsonFile;
  companies: JsonFile;
  /** Document file name -> its text. */
  documents: ReadonlyMap<string, string>;
}

export type VerifyResult =
  | { ok: true; claims: Claim[]; sources: Source[]; companies: Company[]; index: ClaimsIndex }
  | { ok: false; problems: VerifyProblem[] };

/** A claim id: a lowercase slug whose hyphens stand alone, so it never holds a pack's "--". */
const MIN_QUOTE_LENGTH = 12;
/** How many missing quotes of a claim pack get a closest passage (the seeds' all do). */
const PACK_CLOSEST_PASSAGES = 25;

function checkClaims(
  file: JsonFile,
  documents: ReadonlyMap<string, string>,
  knownSources: Set<string>,
  companyIds: Set<EntityId>,
  matcher: MentionMatcher | null,
  set: ReportSet,
  closest: ClosestFinder,
  problems: VerifyProblem[],
): Claim[] {
  const data = parseJson(file, problems);
  if (data === undefined) return [];
  if (!isRecord(data) || !Array.isArray(data['claims'])) {
    problems.push({ file: file.path, message: 'expected {"claims": [...]}' });
    return [];
  }
  const claims: Claim[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of data['claims'].entries()) {
    const subject = isRecord(raw) && isText(raw['id']) ? `claim "${raw['id']}"` : `claims[${i}]`;
    const before = problems.length;
    const fail = reporter(
      problems,
      file.path,
      subject,
      isRecord(raw) && isText(raw['statement']) ? { statement: raw['statement'] } : {},
    );
    if (!isRecord(raw)) {
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
    else if (!CLAIM_ID_PATTERN.test(id)) fail(`id "${id}" must be a lowercase slug (a-z, 0-9, hyphens)`);
    else if (seen.has(id)) fail(`id "${id}" is used by more than one claim`);
    else seen.add(id);

    if (!isText(statement)) fail('needs a statement');
    else if (!/[.?!]$/.test(statement.trim())) fail('statement must be one complete sentence ending in a full stop');

    if (!Array.isArray(entities) || entities.length === 0) fail('needs a non-empty list of entities');
    else {
      for (const e of entities) {
        if (typeof e !== 'string' || !companyIds.has(e))
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
        if (!isRecord(item) || !isText(item['source']) || !isText(item['quote'])) {
          fail(`evidence[${j}] must be {"source": "<${set.words.file}>", "quote": "<verbatim passage>"}`);
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
        else if (!containsVerbatim(document, quote)) fail(`quote is not in ${source}`, quote, closest(document, quote));
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
      for (const problem of claimTextProblems(claim, [...documents.keys()], named, set, context)) fail(problem);
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
    const fail = reporter(problems, file, `claim "${claim.id}"`, { statement: claim.statement });
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

/** Verifies seeds/: the built-in claims, whose companies.json is the built-in list. */
export function verifySeeds(files: SeedFiles): VerifyResult {
  return verifySet(files, null);
}

/**
 * Verifies a claim pack's folder exactly as the seeds are, except that its companies.json lists only the
 * companies it adds (none, perhaps, and never a built-in one), its claims may also name the built-in companies,
 * and its sources may state `url` and `retrieved`.
 */
export function verifyPackFiles(files: SeedFiles, builtIn: readonly Company[]): VerifyResult {
  return verifySet(files, builtIn);
}

/** The years the sources state ("2022-06-18" -> "2022"), for messages that say when the reports spoke. */
function statedYears(sources: readonly Source[]): string[] {
  return sources.flatMap((s) => (s.date ? [s.date.value.slice(0, 4)] : []));
}

function verifySet(files: SeedFiles, builtIn: readonly Company[] | null): VerifyResult {
  const pack = builtIn !== null;
  const words = pack ? PACK_WORDS : SEED_WORDS;
  // Sources first, for the years a description is dated against; problems stay in file order.
  const sourceProblems: VerifyProblem[] = [];
  const closest = closestFinder(pack ? PACK_CLOSEST_PASSAGES : Infinity);
  const sources = checkSources(files.sources, files.documents, { pack, words, closest }, sourceProblems);
  const problems: VerifyProblem[] = [];
  const companies = checkCompanies(files.companies, { years: statedYears(sources), builtIn }, problems);
  problems.push(...sourceProblems);
  const known = [...(builtIn ?? []), ...companies];
  let matcher: MentionMatcher | null = null;
  try {
    matcher = compileMatcher(known);
  } catch {
    // Reported by checkCompanies.
  }
  const publisher = sources.find((s) => s.publisher)?.publisher?.value;
  const set: ReportSet = { reports: files.documents.size, words, ...(publisher !== undefined && { publisher }) };
  const claims = checkClaims(
    files.claims,
    files.documents,
    new Set(sources.map((s) => s.file)),
    new Set(known.map((c) => c.id)),
    matcher,
    set,
    closest,
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
