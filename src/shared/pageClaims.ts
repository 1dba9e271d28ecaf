/**
 * What a page repeats from the reports: the shapes that cross between the
 * content script, the background (which matches, see background/pageClaims.ts)
 * and the popup, with their parsers.
 */
import { isEntityId, type EntityId } from './entities.ts';
import { isRecord, listOf } from './validate.ts';

/** The page's readable text, one string per block (paragraph, item, heading, cell). */
export const MAX_BLOCKS = 5000;
export const MAX_BLOCK_CHARS = 20_000;

/**
 * A sentence's identity across the contexts it crosses (content script → background → popup and side panel →
 * content script): its text's hash and which occurrence of that text on the page it is ("9f3a1c2b-0"). Never
 * a list position: two contexts' lists of a page's sentences can differ while the page changes.
 */
export type SentenceId = string;

const SENTENCE_ID = /^[0-9a-f]{8}-\d{1,5}$/;

export function isSentenceId(value: unknown): value is SentenceId {
  return typeof value === 'string' && SENTENCE_ID.test(value);
}

/** The FNV-1a hash of a sentence's text, whitespace folded, as eight hex digits. */
function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text.replace(/\s+/g, ' ').trim()) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Ids for sentences in page order: each text's hash and its occurrence among the sentences before it. */
export function sentenceIds(texts: readonly string[]): SentenceId[] {
  const seen = new Map<string, number>();
  return texts.map((text) => {
    const hash = hashText(text);
    const occurrence = seen.get(hash) ?? 0;
    seen.set(hash, occurrence + 1);
    return `${hash}-${String(occurrence)}`;
  });
}

/** A sentence of the page that repeats claims: its id, where it is (block, offsets) and which claims. */
export interface SentenceHit {
  id: SentenceId;
  block: number;
  start: number;
  end: number;
  claims: string[];
  /** The company whose card the sentence opens (its first claim's first company). */
  entity: EntityId;
}

/** What the popup shows about a tab's page: its sentences that repeat claims, and its claims ranked by its text. */
export interface PageClaims {
  sentences: { id: SentenceId; text: string; claims: string[] }[];
  /**
   * Whether the page relates to the reports' story: false only for a page about something else, which gets
   * no marker and whose popup and card say that nothing on it relates to the reports.
   */
  aboutStory: boolean;
  /** Claim ids, the most relevant to the page's text first; claims not listed come after, in their usual order. */
  ranked: string[];
}

/** A claim id's shape (the content script does not ship the claims; the views look ids up and skip unknown ones). */
const CLAIM_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;
const claimId = (value: unknown): string | null => (typeof value === 'string' && CLAIM_ID.test(value) ? value : null);
const index = (value: unknown, below: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < below;

export function parseBlocks(value: unknown): string[] | null {
  const blocks = listOf(value, (item) => (typeof item === 'string' && item.length <= MAX_BLOCK_CHARS ? item : null));
  return blocks && blocks.length <= MAX_BLOCKS ? blocks : null;
}

export function parseSentenceHits(value: unknown): SentenceHit[] | null {
  return listOf(value, (item) => {
    if (!isRecord(item)) return null;
    const { id, block, start, end, entity } = item;
    const claims = listOf(item['claims'], claimId);
    if (!claims || !index(block, MAX_BLOCKS) || !index(start, MAX_BLOCK_CHARS) || !index(end, MAX_BLOCK_CHARS + 1))
      return null;
    return end > start && isEntityId(entity) && isSentenceId(id) ? { id, block, start, end, claims, entity } : null;
  });
}

export function parsePageClaims(value: unknown): PageClaims | null {
  if (!isRecord(value) || typeof value['aboutStory'] !== 'boolean') return null;
  const sentences = listOf(value['sentences'], (item) => {
    if (!isRecord(item) || typeof item['text'] !== 'string' || item['text'].length > MAX_BLOCK_CHARS) return null;
    const claims = listOf(item['claims'], claimId);
    const id = item['id'];
    return claims && isSentenceId(id) ? { id, text: item['text'], claims } : null;
  });
  const ranked = listOf(value['ranked'], claimId);
  return sentences && ranked ? { sentences, aboutStory: value['aboutStory'], ranked } : null;
}

export const NO_PAGE_CLAIMS: PageClaims = { sentences: [], aboutStory: false, ranked: [] };
