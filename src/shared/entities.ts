/** The three companies Claimlight knows about. Order is display order. */
export const ENTITY_IDS = ['tiktok', 'bytedance', 'oracle'] as const;
export type EntityId = (typeof ENTITY_IDS)[number];

export type MentionCounts = Record<EntityId, number>;

export function isEntityId(value: unknown): value is EntityId {
  return typeof value === 'string' && (ENTITY_IDS as readonly string[]).includes(value);
}

export function emptyCounts(): MentionCounts {
  return { tiktok: 0, bytedance: 0, oracle: 0 };
}

export function totalMentions(counts: MentionCounts): number {
  return ENTITY_IDS.reduce((sum, id) => sum + counts[id], 0);
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
