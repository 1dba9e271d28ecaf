import type { Action } from 'webextension-polyfill';
import { totalMentions, type MentionCounts } from '../shared/entities.ts';

/** Badges are four characters wide at most. */
export function badgeText(counts: MentionCounts): string {
  const total = totalMentions(counts);
  if (total === 0) return '';
  return total > 999 ? '999+' : String(total);
}

export type BadgeApi = Pick<Action.Static, 'setBadgeText' | 'setBadgeBackgroundColor'>;

export async function showBadge(action: BadgeApi, tabId: number, counts: MentionCounts): Promise<void> {
  await action.setBadgeBackgroundColor({ tabId, color: '#7c2d12' });
  await action.setBadgeText({ tabId, text: badgeText(counts) });
}
