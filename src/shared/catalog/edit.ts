/**
 * Changing the claim sets (the options page): importing a pack, which verifies it first, switching the
 * built-in claims and packs, removing a pack. Reading them is store.ts, which every context loads.
 */
import browser from '../browser.ts';
import { BUILT_IN_COMPANIES, BUILT_IN_IDS } from '../lexicon.ts';
import { preTestSources } from '../mentions.ts';
import type { PackResult, VerifiedPack } from '../packs/types.ts';
import { verifyPack } from '../packs/verifyPack.ts';
import { BUILT_IN } from './builtIn.ts';
import { buildCatalog } from './catalog.ts';
import { MAX_PACKS, packKey, PACK_STATE_KEY, type ActiveCompanies, type PackState } from './state.ts';
import { ACTIVE_COMPANIES_KEY } from './activeCompanies.ts';
import { readPacks, readState } from './store.ts';

/**
 * All stored packs together stay under this, well inside the 10 MiB storage.local gives an extension
 * without the `unlimitedStorage` permission, leaving room for everything else Claimlight keeps.
 */
export const MAX_STORED_BYTES = 8 * 1024 * 1024;

/**
 * Verifies `text` as a pack and, only when it passes, stores it (enabled). A pack whose id is already
 * installed replaces it when `replace` is set (a new version from its maker), and is refused otherwise.
 */
export async function importPack(text: string, replace = false): Promise<PackResult> {
  const state = await readState();
  const packs = await readPacks(state);
  const installed = [...packs.values()].flatMap((pack) =>
    pack ? [{ id: pack.id, name: pack.name, companies: pack.companies }] : [],
  );
  const result = await verifyPack(text, { builtIn: BUILT_IN_COMPANIES, installed }, { replace });
  if (!result.ok) return result;
  const { pack } = result;
  const others = state.packs.filter((p) => p.id !== pack.id);
  if (others.length >= MAX_PACKS) return refused(`Claimlight keeps at most ${MAX_PACKS} packs (remove one first)`);
  const size = JSON.stringify(pack).length;
  const used = [...packs.entries()]
    .filter(([id]) => id !== pack.id)
    .reduce((sum, [, other]) => sum + (other ? JSON.stringify(other).length : 0), 0);
  if (used + size > MAX_STORED_BYTES) return refused(tooLarge(used, size));
  const next: PackState = {
    builtIn: state.builtIn,
    packs: [...others, { id: pack.id, enabled: true, added: new Date().toISOString() }],
  };
  // The pack and the state that lists it in one write: every context rebuilds its catalog once.
  await saveState(next, new Map(packs).set(pack.id, pack), { [packKey(pack.id)]: pack });
  return result;
}

function refused(message: string): PackResult {
  return { ok: false, problems: [{ file: 'pack file', code: 'over-limit', message }] };
}

function tooLarge(used: number, size: number): string {
  const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  return `the packs would take ${mib(used + size)} MiB; Claimlight keeps at most ${mib(MAX_STORED_BYTES)} MiB of packs (remove one first)`;
}

export async function setBuiltInEnabled(on: boolean): Promise<void> {
  const state = await readState();
  await saveState({ ...state, builtIn: on });
}

export async function setPackEnabled(id: string, on: boolean): Promise<void> {
  const state = await readState();
  await saveState({ ...state, packs: state.packs.map((p) => (p.id === id ? { ...p, enabled: on } : p)) });
}

export async function removePack(id: string): Promise<void> {
  const state = await readState();
  await saveState({ ...state, packs: state.packs.filter((p) => p.id !== id) });
  // After the state no longer lists it: a pack stored but not listed is harmless.
  await browser.storage.local.remove(packKey(id));
}

/**
 * Saves the state (with `extra` keys, in the same write), and the companies the content script highlights
 * when they are not the built-in ones. `packs`: the packs the state lists, when the caller has them already.
 */
async function saveState(
  state: PackState,
  packs?: ReadonlyMap<string, VerifiedPack | null>,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const catalog = buildCatalog(BUILT_IN, state, packs ?? (await readPacks(state)));
  const ids = catalog.companies.map((c) => c.id);
  const builtInOnly = ids.length === BUILT_IN_IDS.length && ids.every((id, i) => id === BUILT_IN_IDS[i]);
  const active: ActiveCompanies | null = builtInOnly
    ? null
    : { companies: catalog.companies, pretest: preTestSources(catalog.companies) };
  await browser.storage.local.set({
    ...extra,
    [PACK_STATE_KEY]: state,
    ...(active && { [ACTIVE_COMPANIES_KEY]: active }),
  });
  if (!active) await browser.storage.local.remove(ACTIVE_COMPANIES_KEY);
}
