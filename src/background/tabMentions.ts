/**
 * Mention counts per tab and frame, and the host name of each tab's page as
 * its content script reported from it. Kept in storage.session so that a
 * service-worker restart does not blank the badge, and never written to disk.
 */
import browser from '../shared/browser.ts';
import { addCounts, emptyCounts, parseCounts, type MentionCounts } from '../shared/entities.ts';
import { mentionsKey } from '../shared/sessionKeys.ts';
import { isHostName } from '../shared/validate.ts';

type FrameCounts = Record<string, MentionCounts>;

interface StoredTab {
  frames: FrameCounts;
  /** Host name of the tab's top document, from the browser's sender URL. */
  site: string | null;
}

async function readTab(tabId: number): Promise<StoredTab> {
  const stored: unknown = (await browser.storage.session.get(mentionsKey(tabId)))[mentionsKey(tabId)];
  const tab: StoredTab = { frames: {}, site: null };
  if (typeof stored !== 'object' || stored === null) return tab;
  const { frames, site } = stored as { frames?: unknown; site?: unknown };
  if (typeof frames === 'object' && frames !== null) {
    for (const [frameId, value] of Object.entries(frames)) {
      const counts = parseCounts(value);
      if (counts) tab.frames[frameId] = counts;
    }
  }
  if (isHostName(site)) tab.site = site;
  return tab;
}

function sum(frames: FrameCounts): MentionCounts {
  const total = emptyCounts();
  for (const counts of Object.values(frames)) addCounts(total, counts);
  return total;
}

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? hostname : null;
  } catch {
    return null;
  }
}

export async function recordFrameCounts(
  tabId: number,
  frameId: number,
  counts: MentionCounts,
  frameUrl: string | undefined,
): Promise<MentionCounts> {
  const tab = await readTab(tabId);
  tab.frames[String(frameId)] = counts;
  if (frameId === 0) tab.site = hostOf(frameUrl);
  await browser.storage.session.set({ [mentionsKey(tabId)]: tab });
  return sum(tab.frames);
}

export async function tabSummary(tabId: number): Promise<{ counts: MentionCounts; site: string | null }> {
  const tab = await readTab(tabId);
  return { counts: sum(tab.frames), site: tab.site };
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(mentionsKey(tabId));
}
