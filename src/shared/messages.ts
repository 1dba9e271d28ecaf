/**
 * Messages between the extension's contexts. Every receiver parses what it
 * gets with `parseMessage`, so a malformed or foreign message is dropped.
 */
import { ENTITY_IDS, isEntityId, type MentionCounts } from './entities.ts';

/** A content script's count of the mentions in its frame. */
export interface MentionsReport {
  type: 'mentions/report';
  counts: MentionCounts;
}

/** The popup asks what the background knows about a tab. */
export interface TabStateRequest {
  type: 'tab/get-state';
  tabId: number;
}

export type Message = MentionsReport | TabStateRequest;

export interface TabState {
  tabId: number;
  counts: MentionCounts;
}

/** No page holds more mentions than this; bigger numbers are lies or bugs. */
export const MAX_COUNT = 10_000_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT;
}

export function parseCounts(value: unknown): MentionCounts | null {
  if (!isRecord(value)) return null;
  const keys = Object.keys(value);
  if (keys.length !== ENTITY_IDS.length || !keys.every(isEntityId)) return null;
  const counts = {} as MentionCounts;
  for (const id of ENTITY_IDS) {
    const n = value[id];
    if (!isCount(n)) return null;
    counts[id] = n;
  }
  return counts;
}

export function parseMessage(value: unknown): Message | null {
  if (!isRecord(value)) return null;
  switch (value['type']) {
    case 'mentions/report': {
      const counts = parseCounts(value['counts']);
      return counts && Object.keys(value).length === 2 ? { type: 'mentions/report', counts } : null;
    }
    case 'tab/get-state': {
      const tabId = value['tabId'];
      return Number.isSafeInteger(tabId) && (tabId as number) >= 0 && Object.keys(value).length === 2
        ? { type: 'tab/get-state', tabId: tabId as number }
        : null;
    }
    default:
      return null;
  }
}

export function parseTabState(value: unknown): TabState | null {
  if (!isRecord(value)) return null;
  const counts = parseCounts(value['counts']);
  const tabId = value['tabId'];
  return counts && Number.isSafeInteger(tabId) ? { tabId: tabId as number, counts } : null;
}
