/**
 * Messages between the extension's contexts. Every receiver parses what it
 * gets with the parse functions here, so a malformed or foreign message is
 * dropped, never half-handled.
 */
import { isClaimKind, type ClaimKind } from './claims.ts';
import { ENTITY_IDS, isEntityId, type EntityId, type MentionCounts } from './entities.ts';

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

/** The hover card asks for a company's claims. */
export interface CardRequest {
  type: 'claims/card';
  entity: EntityId;
}

/** The hover card's "all claims" link: open the claims library filtered to a company. */
export interface OpenLibraryRequest {
  type: 'library/open';
  entity: EntityId;
}

/** A quote in the hover card: open the source viewer at that passage. */
export interface OpenViewerRequest {
  type: 'viewer/open';
  source: string;
  quote: string;
}

/** Background or popup to a content script: go to the next mention (of one company, or of any). */
export interface NextMentionCommand {
  type: 'mention/next';
  entity: EntityId | null;
}

export type Message = MentionsReport | TabStateRequest | CardRequest | OpenLibraryRequest | OpenViewerRequest;
export type ContentCommand = NextMentionCommand;

export interface TabState {
  tabId: number;
  counts: MentionCounts;
  /** Host name of the tab's page, when its content script has reported from it. */
  site: string | null;
}

export interface CardQuote {
  text: string;
  /** How the caption names the report (publisher where stated, and its short title). */
  sourceTitle: string;
  sourceFile: string;
}

export interface CardClaim {
  id: string;
  statement: string;
  kind: ClaimKind;
  attribution: string;
  /** Reports that carry the whole statement. */
  reports: number;
  /** Further reports that carry only part of it. */
  partialReports: number;
  /** How the reports differ, with reports named as the reader sees them. */
  note: string | null;
  quote: CardQuote | null;
}

export interface CardData {
  entity: EntityId;
  name: string;
  description: string;
  /** When the reports spoke, so a 2022 claim is not read as today's fact. */
  timeframe: string;
  totalClaims: number;
  claims: CardClaim[];
}

/** No page holds more mentions than this; bigger numbers are lies or bugs. */
export const MAX_COUNT = 10_000_000;
const MAX_TEXT = 10_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT;
}

function isShortText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_TEXT;
}

function hasExactly(value: Record<string, unknown>, keys: string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((k) => own.includes(k));
}

export function parseCounts(value: unknown): MentionCounts | null {
  if (!isRecord(value) || !hasExactly(value, [...ENTITY_IDS])) return null;
  const counts: MentionCounts = { tiktok: 0, bytedance: 0, oracle: 0 };
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
      return counts && hasExactly(value, ['type', 'counts']) ? { type: 'mentions/report', counts } : null;
    }
    case 'tab/get-state': {
      const tabId = value['tabId'];
      return typeof tabId === 'number' &&
        Number.isSafeInteger(tabId) &&
        tabId >= 0 &&
        hasExactly(value, ['type', 'tabId'])
        ? { type: 'tab/get-state', tabId }
        : null;
    }
    case 'claims/card':
    case 'library/open': {
      const entity = value['entity'];
      return isEntityId(entity) && hasExactly(value, ['type', 'entity']) ? { type: value['type'], entity } : null;
    }
    case 'viewer/open': {
      const { source, quote } = value;
      return typeof source === 'string' &&
        /^\d{3}_[0-9a-f]+\.txt$/.test(source) &&
        typeof quote === 'string' &&
        quote.length > 0 &&
        quote.length <= 2000 &&
        hasExactly(value, ['type', 'source', 'quote'])
        ? { type: 'viewer/open', source, quote }
        : null;
    }
    default:
      return null;
  }
}

export function parseContentCommand(value: unknown): ContentCommand | null {
  if (!isRecord(value) || value['type'] !== 'mention/next' || !hasExactly(value, ['type', 'entity'])) return null;
  const entity = value['entity'];
  return entity === null || isEntityId(entity) ? { type: 'mention/next', entity } : null;
}

export function parseTabState(value: unknown): TabState | null {
  if (!isRecord(value)) return null;
  const counts = parseCounts(value['counts']);
  const tabId = value['tabId'];
  const site = value['site'];
  if (site !== null && !(typeof site === 'string' && site.length <= 253)) return null;
  return counts && typeof tabId === 'number' && Number.isSafeInteger(tabId) ? { tabId, counts, site } : null;
}

function parseCardClaim(value: unknown): CardClaim | null {
  if (!isRecord(value)) return null;
  const { id, statement, kind, attribution, reports, partialReports, note, quote } = value;
  if (!isShortText(id) || !isShortText(statement) || !isClaimKind(kind) || !isShortText(attribution)) return null;
  if (!isCount(reports) || !isCount(partialReports)) return null;
  if (note !== null && !isShortText(note)) return null;
  let parsedQuote: CardQuote | null = null;
  if (quote !== null) {
    if (!isRecord(quote)) return null;
    const { text, sourceTitle, sourceFile } = quote;
    if (!isShortText(text) || !isShortText(sourceTitle) || !isShortText(sourceFile)) return null;
    parsedQuote = { text, sourceTitle, sourceFile };
  }
  return { id, statement, kind, attribution, reports, partialReports, note, quote: parsedQuote };
}

export function parseCardData(value: unknown): CardData | null {
  if (!isRecord(value)) return null;
  const { entity, name, description, timeframe, totalClaims, claims } = value;
  if (!isEntityId(entity) || !isShortText(name) || !isShortText(description) || !isCount(totalClaims)) return null;
  if (!isShortText(timeframe)) return null;
  if (!Array.isArray(claims)) return null;
  const parsed = claims.map(parseCardClaim);
  if (parsed.some((c) => c === null)) return null;
  return { entity, name, description, timeframe, totalClaims, claims: parsed as CardClaim[] };
}
