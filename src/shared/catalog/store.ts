/**
 * The claim sets in storage.local, read into a catalog (every extension page and the background; the options
 * page changes them through edit.ts, which alone loads the verifier). Every read is checked: a stored pack that
 * no longer parses is set aside, never trusted, and never costs the built-in claims or the other packs.
 */
import type { Storage } from 'webextension-polyfill';
import browser from '../browser.ts';
import { parseStoredPack } from '../packs/parseStoredPack.ts';
import type { VerifiedPack } from '../packs/types.ts';
import { BUILT_IN, builtInCatalog } from './builtIn.ts';
import { buildCatalog, type Catalog } from './catalog.ts';
import { isCatalogKey, packKey, PACK_STATE_KEY, parsePackState, type PackState } from './state.ts';

export async function readState(): Promise<PackState> {
  const stored = await browser.storage.local.get(PACK_STATE_KEY);
  return parsePackState(stored[PACK_STATE_KEY]);
}

/** The packs `state` lists, each parsed afresh; null for one that no longer parses (set aside). */
export async function readPacks(state: PackState): Promise<Map<string, VerifiedPack | null>> {
  const keys = state.packs.map((p) => packKey(p.id));
  const stored = keys.length ? await browser.storage.local.get(keys) : {};
  return new Map(
    state.packs.map(({ id }) => {
      const pack = parseStoredPack(stored[packKey(id)]);
      return [id, pack && pack.id === id ? pack : null];
    }),
  );
}

/** The reader's claim sets; the built-in claims alone when storage cannot be read at all. */
export async function loadCatalog(): Promise<Catalog> {
  try {
    const state = await readState();
    return buildCatalog(BUILT_IN, state, await readPacks(state));
  } catch {
    return builtInCatalog();
  }
}

/** Calls `listener` whenever the claim sets change (an import, a switch, a removal, in any context). */
export function onCatalogChanged(listener: () => void): () => void {
  const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area === 'local' && Object.keys(changes).some(isCatalogKey)) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

export { builtInCatalog };
