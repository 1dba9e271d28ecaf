/**
 * Mention counts per tab and frame. Kept in storage.session so that a
 * service-worker restart does not blank the badge, and never written to disk.
 */
import browser from 'webextension-polyfill';
import { ENTITY_IDS, emptyCounts, type MentionCounts } from '../shared/entities.ts';
import { parseCounts } from '../shared/messages.ts';

type FrameCounts = Record<string, MentionCounts>;

const key = (tabId: number) => `tab:${tabId}`;

async function readFrames(tabId: number): Promise<FrameCounts> {
  const stored = (await browser.storage.session.get(key(tabId)))[key(tabId)];
  const frames: FrameCounts = {};
  if (typeof stored === 'object' && stored !== null) {
    for (const [frameId, value] of Object.entries(stored)) {
      const counts = parseCounts(value);
      if (counts) frames[frameId] = counts;
    }
  }
  return frames;
}

function sum(frames: FrameCounts): MentionCounts {
  const total = emptyCounts();
  for (const counts of Object.values(frames)) for (const id of ENTITY_IDS) total[id] += counts[id];
  return total;
}

export async function recordFrameCounts(tabId: number, frameId: number, counts: MentionCounts): Promise<MentionCounts> {
  const frames = await readFrames(tabId);
  frames[String(frameId)] = counts;
  await browser.storage.session.set({ [key(tabId)]: frames });
  return sum(frames);
}

export async function countsForTab(tabId: number): Promise<MentionCounts> {
  return sum(await readFrames(tabId));
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
