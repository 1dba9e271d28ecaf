/**
 * Reads a verified pack back from storage. Storage is outside the verifier's reach (another extension version,
 * a bug, a hand edit), so every context checks the shape before using a stored pack, cheaply: each field typed
 * and bounded, ids well formed, every index in range. Anything else is null, to be set aside, never trusted.
 * The quotes are not searched again: that is verifyPack's work, done once, before the pack was stored.
 */
import {
  CLAIM_ID_PATTERN,
  DOCUMENT_FILE_PATTERN,
  isClaimKind,
  type ClaimsIndex,
  type IndexedClaim,
  type IndexedEvidence,
  type Source,
  type StatedFact,
} from '../claims.ts';
import type { SignatureModel } from '../claimMatch/signatures.ts';
import { isCompany, type Company, type CompanyBounds } from '../entities.ts';
import { BUILT_IN_IDS } from '../lexicon.ts';
import { hasExactly, isRecord, isTextUpTo } from '../validate.ts';
import { isIsoDate, isOriginUrl } from '../verify/origin.ts';
import { packIdProblem } from './format.ts';
import { PACK_LIMITS } from './limits.ts';
import { splitNamespaced } from './namespace.ts';
import type { VerifiedPack } from './types.ts';

const L = PACK_LIMITS;
/** Features and their weights in the matcher's data: generous bounds that no verified pack comes near. */
const MAX_VOCAB = 200_000;
const MAX_FEATURE = 200;
const MAX_WEIGHT = 100_000;

const isIndexIn = (value: unknown, size: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < size;
const listOf = (value: unknown, max: number, item: (v: unknown) => boolean, min = 0): value is unknown[] =>
  Array.isArray(value) && value.length >= min && value.length <= max && value.every(item);
/** Exactly `required`, plus any of `optional`. */
const keysAre = (value: Record<string, unknown>, required: readonly string[], optional: readonly string[] = []) =>
  required.every((k) => k in value) && Object.keys(value).every((k) => required.includes(k) || optional.includes(k));

/** A pack-namespaced name whose part after "--" matches `pattern`. */
function namespacedIn(pack: string, value: unknown, pattern: RegExp, max: number): value is string {
  if (typeof value !== 'string') return false;
  const parts = splitNamespaced(value);
  return parts !== null && parts.pack === pack && parts.name.length <= max && pattern.test(parts.name);
}

/** A pack's own company, within the pack limits. */
const PACK_COMPANY: CompanyBounds = {
  name: L.companyNameChars,
  description: L.companyDescriptionChars,
  spelling: L.spellingChars,
  spellings: L.spellingsPerCompany,
  notFollowedBy: L.notFollowedByPerCompany,
};
const isPackCompany = (value: unknown): value is Company => isCompany(value, PACK_COMPANY);

function isStatedFact(value: unknown): value is StatedFact {
  return (
    isRecord(value) &&
    hasExactly(value, ['value', 'evidence']) &&
    isTextUpTo(value['value'], L.sourceFieldChars) &&
    isTextUpTo(value['evidence'], L.sourceFieldChars)
  );
}

function isPackSource(value: unknown, pack: string): value is Source {
  if (!isRecord(value)) return false;
  if (
    !keysAre(
      value,
      ['file', 'title', 'shortTitle', 'name', 'pack'],
      ['publisher', 'date', 'author', 'url', 'retrieved'],
    )
  )
    return false;
  const { file, title, shortTitle, name, url, retrieved, date } = value;
  return (
    namespacedIn(pack, file, DOCUMENT_FILE_PATTERN, 64) &&
    value['pack'] === pack &&
    isTextUpTo(title, L.sourceFieldChars) &&
    isTextUpTo(shortTitle, L.sourceFieldChars) &&
    isTextUpTo(name, L.sourceFieldChars) &&
    ['publisher', 'date', 'author'].every((field) => value[field] === undefined || isStatedFact(value[field])) &&
    (date === undefined || isIsoDate((date as StatedFact).value)) &&
    (url === undefined || isOriginUrl(url)) &&
    (retrieved === undefined || isIsoDate(retrieved))
  );
}

function isEvidence(value: unknown, sources: number): value is IndexedEvidence {
  if (!Array.isArray(value) || (value.length !== 2 && value.length !== 3)) return false;
  const [at, quote, support] = value as unknown[];
  return isIndexIn(at, sources) && isTextUpTo(quote, L.quoteChars) && (value.length === 2 || support === 'partial');
}

function isPackClaim(
  value: unknown,
  pack: string,
  sources: number,
  entities: ReadonlySet<string>,
): value is IndexedClaim {
  if (!isRecord(value)) return false;
  if (!keysAre(value, ['id', 'statement', 'entities', 'kind', 'attribution', 'evidence', 'pack'], ['note', 'entails']))
    return false;
  const claimId = (v: unknown) => namespacedIn(pack, v, CLAIM_ID_PATTERN, L.claimIdChars);
  const { id, statement, kind, attribution, note, entails } = value;
  return (
    claimId(id) &&
    value['pack'] === pack &&
    isTextUpTo(statement, L.statementChars) &&
    listOf(value['entities'], L.entitiesPerClaim, (e) => typeof e === 'string' && entities.has(e), 1) &&
    isClaimKind(kind) &&
    isTextUpTo(attribution, L.attributionChars) &&
    listOf(value['evidence'], L.quotesPerClaim, (e) => isEvidence(e, sources), 1) &&
    (note === undefined || isTextUpTo(note, L.noteChars)) &&
    (entails === undefined || listOf(entails, L.entailsPerClaim, claimId, 1))
  );
}

function isPackIndex(value: unknown, pack: string, entities: ReadonlySet<string>): value is ClaimsIndex {
  if (!isRecord(value) || !hasExactly(value, ['sources', 'claims'])) return false;
  const { sources, claims } = value;
  if (!listOf(sources, L.documents, (s) => isPackSource(s, pack), 1)) return false;
  if (!listOf(claims, L.claims, (c) => isPackClaim(c, pack, sources.length, entities), 1)) return false;
  const ids = new Set((claims as IndexedClaim[]).map((c) => c.id));
  const files = new Set((sources as Source[]).map((s) => s.file));
  // Ids and files are unique, and what a claim entails is another claim of the pack.
  return (
    ids.size === claims.length &&
    files.size === sources.length &&
    (claims as IndexedClaim[]).every((c) => (c.entails ?? []).every((e) => ids.has(e) && e !== c.id))
  );
}

function isSignatures(value: unknown, index: ClaimsIndex): value is SignatureModel {
  const keys = ['ids', 'vocab', 'claims', 'implies', 'story', 'background', 'cores', 'denies', 'asserts', 'kinds'];
  if (!isRecord(value) || !hasExactly(value, [...keys, 'acts', 'proper', 'nameParts'])) return false;
  const claims = index.claims.length;
  const { ids, vocab } = value;
  if (!Array.isArray(ids) || ids.length !== claims || ids.some((id, i) => id !== index.claims[i]?.id)) return false;
  if (!listOf(vocab, MAX_VOCAB, (f) => isTextUpTo(f, MAX_FEATURE))) return false;
  const feature = (v: unknown) => isIndexIn(v, vocab.length);
  const claim = (v: unknown) => isIndexIn(v, claims);
  const perClaim = (v: unknown, item: (x: unknown) => boolean) =>
    Array.isArray(v) && v.length === claims && v.every((list) => listOf(list, MAX_VOCAB, item));
  const weighted = (list: unknown) =>
    Array.isArray(list) &&
    list.length % 2 === 0 &&
    list.length <= 2 * MAX_VOCAB &&
    list.every((n, i) => (i % 2 === 0 ? feature(n) : isIndexIn(n, MAX_WEIGHT + 1)));
  const kinds = value['kinds'];
  return (
    Array.isArray(value['claims']) &&
    value['claims'].length === claims &&
    value['claims'].every(weighted) &&
    listOf(value['implies'], claims * claims, (pair) => listOf(pair, 2, claim, 2)) &&
    ['story', 'proper', 'nameParts'].every((key) => listOf(value[key], MAX_VOCAB, feature)) &&
    listOf(value['background'], claims, claim) &&
    ['cores', 'denies', 'asserts', 'acts'].every((key) => perClaim(value[key], feature)) &&
    Array.isArray(kinds) &&
    kinds.length === claims &&
    kinds.every((kind, i) => kind === index.claims[i]?.kind)
  );
}

/** A stored pack, checked; null when anything about it is not what verifyPack stores. */
export function parseStoredPack(value: unknown): VerifiedPack | null {
  const fields = ['id', 'name', 'description', 'sha256', 'companies', 'index', 'signatures', 'documents'];
  if (!isRecord(value) || !hasExactly(value, fields)) return null;
  const { id, name, description, sha256, companies, documents } = value;
  if (typeof id !== 'string' || packIdProblem(id) !== null) return null;
  if (!isTextUpTo(name, L.packNameChars) || !isTextUpTo(description, L.packDescriptionChars)) return null;
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) return null;
  if (!listOf(companies, L.companies, isPackCompany)) return null;
  const own = (companies as Company[]).map((c) => c.id);
  if (new Set(own).size !== own.length || own.some((c) => BUILT_IN_IDS.includes(c))) return null;
  const entities = new Set([...BUILT_IN_IDS, ...own]);
  const stored = value['index'];
  if (!isPackIndex(stored, id, entities) || !isSignatures(value['signatures'], stored)) return null;
  // One document per source, under the source's file name.
  const files = stored.sources.map((s) => s.file);
  if (!isRecord(documents) || !hasExactly(documents, files)) return null;
  if (!files.every((file) => typeof documents[file] === 'string' && documents[file].length <= L.documentBytes))
    return null;
  // The stored object is exactly the shape checked above, every key accounted for.
  return value as unknown as VerifiedPack;
}
