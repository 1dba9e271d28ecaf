/**
 * The companies Claimlight highlights: the built-in ones, as seeds/companies.json lists them, and those the
 * reader's claim packs add at run time (see src/shared/catalog/). A company is known by its id everywhere
 * (messages, settings, counts, `data-claimlight-entity`); which companies exist is data, never code.
 */
import { hasExactly, isCount, isRecord, isTextUpTo } from './validate.ts';

/** A company's id: lowercase letters and digits, starting with a letter ("tiktok", "larkspur"). */
export type EntityId = string;

/** The form every company id has; it is also a valid regular-expression group name (see mentions.ts). */
export const COMPANY_ID_PATTERN = /^[a-z][a-z0-9]{0,39}$/;

/** No page can name more companies than this: the built-in three and every pack's, with room to spare. */
export const MAX_COMPANIES = 128;

export function isEntityId(value: unknown): value is EntityId {
  return typeof value === 'string' && COMPANY_ID_PATTERN.test(value);
}

/** Mentions found per company; a company the page does not mention may be absent. */
export type MentionCounts = Partial<Record<EntityId, number>>;

export function emptyCounts(): MentionCounts {
  return {};
}

export function countOf(counts: MentionCounts, id: EntityId): number {
  return counts[id] ?? 0;
}

export function totalMentions(counts: MentionCounts): number {
  return Object.values(counts).reduce<number>((sum, n) => sum + (n ?? 0), 0);
}

/** Adds `more` into `into`. */
export function addCounts(into: MentionCounts, more: MentionCounts): MentionCounts {
  for (const [id, n] of Object.entries(more)) into[id] = countOf(into, id) + (n ?? 0);
  return into;
}

/** Counts keyed by well-formed company ids, each a plausible whole number; anything else is null. */
export function parseCounts(value: unknown): MentionCounts | null {
  if (!isRecord(value)) return null;
  const entries = Object.entries(value);
  if (entries.length > MAX_COMPANIES) return null;
  const counts: MentionCounts = {};
  for (const [id, n] of entries) {
    if (!isEntityId(id) || !isCount(n)) return null;
    counts[id] = n;
  }
  return counts;
}

/** How a company is written in running text; compiled by `mentions.ts`. */
export interface MentionRule {
  /** Exact spellings. Spaces match any single whitespace, hyphens any hyphen. */
  spellings: string[];
  /** True when "TIKTOK" and "tiktok" count as well as "TikTok". */
  ignoreCase: boolean;
  /** Words that, when they come next, make the match something else ("Oracle of Delphi"). */
  notFollowedBy: string[];
}

export interface Company {
  id: EntityId;
  name: string;
  description: string;
  mentions: MentionRule;
}

/** How long a stored company's texts and lists may be (each reader of stored companies sets its own). */
export interface CompanyBounds {
  name: number;
  description: number;
  spelling: number;
  spellings: number;
  notFollowedBy: number;
}

/** A stored company: exactly these fields, typed, within `bounds`. Storage is never trusted. */
export function isCompany(value: unknown, bounds: CompanyBounds): value is Company {
  if (!isRecord(value) || !hasExactly(value, ['id', 'name', 'description', 'mentions'])) return false;
  const { id, name, description, mentions } = value;
  const words = (v: unknown, max: number, min: number) =>
    Array.isArray(v) && v.length >= min && v.length <= max && v.every((w) => isTextUpTo(w, bounds.spelling));
  if (!isEntityId(id) || !isTextUpTo(name, bounds.name) || !isTextUpTo(description, bounds.description)) return false;
  if (!isRecord(mentions) || !hasExactly(mentions, ['spellings', 'ignoreCase', 'notFollowedBy'])) return false;
  return (
    words(mentions['spellings'], bounds.spellings, 1) &&
    typeof mentions['ignoreCase'] === 'boolean' &&
    words(mentions['notFollowedBy'], bounds.notFollowedBy, 0)
  );
}
