/**
 * The companies Claimlight knows about, as seeds/companies.json lists them:
 * adding one there adds it everywhere (ids, counts, settings, mention rules).
 */
import data from '../../seeds/companies.json' with { type: 'json' };
import type { EntityId } from './entityId.generated.ts';
import { hasExactly, isCount, isRecord } from './validate.ts';

export type { EntityId };

/** The companies' ids in the order of the data, which is display order. */
export const ENTITY_IDS: readonly EntityId[] = data.companies.map((company) => company.id as EntityId);

export type MentionCounts = Record<EntityId, number>;

export function isEntityId(value: unknown): value is EntityId {
  return typeof value === 'string' && (ENTITY_IDS as readonly string[]).includes(value);
}

/** One value per company. */
export function perCompany<T>(value: T): Record<EntityId, T> {
  return Object.fromEntries(ENTITY_IDS.map((id) => [id, value])) as Record<EntityId, T>;
}

export function emptyCounts(): MentionCounts {
  return perCompany(0);
}

export function totalMentions(counts: MentionCounts): number {
  return ENTITY_IDS.reduce((sum, id) => sum + counts[id], 0);
}

/** Counts for exactly the known companies, each a plausible whole number; anything else is null. */
export function parseCounts(value: unknown): MentionCounts | null {
  if (!isRecord(value) || !hasExactly(value, ENTITY_IDS)) return null;
  const counts = emptyCounts();
  for (const id of ENTITY_IDS) {
    const n = value[id];
    if (!isCount(n)) return null;
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
