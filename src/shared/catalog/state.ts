/**
 * What the reader chose about their claim sets, kept in storage.local (packs are too large for sync, and a
 * pack is imported on one machine): whether the built-in claims are on, and each pack's id, switch and
 * import time, in import order. The packs themselves are stored one key each (`packKey`).
 * Deliberately free of the claims data, so the content script can import it.
 */
import { PACK_ID_PATTERN } from '../claims.ts';
import { isCompany, MAX_COMPANIES, type Company, type CompanyBounds } from '../entities.ts';
import type { PreTestSources } from '../mentions.ts';
import { isRecord, listOf } from '../validate.ts';
import { parsePackPreTest } from './activeCompanies.ts';

export const PACK_STATE_KEY = 'packs:state';
const PACK_KEY_PREFIX = 'pack:';

/** At most this many packs are kept. */
export const MAX_PACKS = 20;

export function packKey(id: string): string {
  return `${PACK_KEY_PREFIX}${id}`;
}

/** Whether a storage change concerns the claim sets (so every context's catalog must be rebuilt). */
export function isCatalogKey(key: string): boolean {
  return key === PACK_STATE_KEY || key.startsWith(PACK_KEY_PREFIX);
}

export interface PackSwitch {
  id: string;
  enabled: boolean;
  added: string;
}

export interface PackState {
  builtIn: boolean;
  packs: PackSwitch[];
}

export function defaultPackState(): PackState {
  return { builtIn: true, packs: [] };
}

function parseSwitch(value: unknown): PackSwitch | null {
  if (!isRecord(value)) return null;
  const { id, enabled, added } = value;
  return typeof id === 'string' &&
    PACK_ID_PATTERN.test(id) &&
    typeof enabled === 'boolean' &&
    typeof added === 'string' &&
    added.length <= 40
    ? { id, enabled, added }
    : null;
}

/** The stored state; anything corrupt falls back to the default (built-in claims on, no pack listed). */
export function parsePackState(value: unknown): PackState {
  if (!isRecord(value) || typeof value['builtIn'] !== 'boolean') return defaultPackState();
  const packs = listOf(value['packs'], parseSwitch);
  if (!packs || packs.length > MAX_PACKS || new Set(packs.map((p) => p.id)).size !== packs.length)
    return { builtIn: value['builtIn'], packs: [] };
  return { builtIn: value['builtIn'], packs };
}

/**
 * What the content script needs to highlight the companies of the enabled claim sets, written whenever they
 * differ from the built-in companies, and removed when they are the same (the common case: no pack): the
 * companies themselves, and the pre-tests' sources built from their rules.
 */
export interface ActiveCompanies {
  companies: Company[];
  pretest: PreTestSources;
}

/** The built-in companies and packs' alike: bounds no verified company comes near. */
const ACTIVE_COMPANY: CompanyBounds = { name: 200, description: 1000, spelling: 200, spellings: 40, notFollowedBy: 40 };

/** The stored active companies, or null when absent or corrupt (the content script then uses the built-in ones). */
export function parseActiveCompanies(value: unknown): ActiveCompanies | null {
  const pretest = parsePackPreTest(value);
  if (!pretest || !isRecord(value)) return null;
  const companies = listOf(value['companies'], (c) => (isCompany(c, ACTIVE_COMPANY) ? c : null));
  if (!companies || companies.length > MAX_COMPANIES) return null;
  return { companies, pretest };
}
