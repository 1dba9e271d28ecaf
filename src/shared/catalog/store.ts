/**
 * The claim sets in storage.local: reading them into a catalog (every extension page and the background),
 * importing, switching and removing packs (the options page). Every read is checked: a stored pack that no
 * longer parses is set aside, never trusted, and never costs the built-in claims or the other packs.
 */
import type { Storage } from 'webextension-polyfill';
import browser from '../browser.ts';
import { BUILT_IN_COMPANIES, BUILT_IN_IDS } from '../lexicon.ts';
import { preTestSources } from '../mentions.ts';
import { parseStoredPack } from '../packs/parseStoredPack.ts';
import type { PackResult, VerifiedPack } from '../packs/types.ts';
import { verifyPack } from '../packs/verifyPack.ts';
import type { VerifyProblem } from '../verify/problems.ts';
import { BUILT_IN } from './builtIn.ts';
import { buildCatalog, type Catalog } from './catalog.ts';
import {
  ACTIVE_COMPANIES_KEY,
  isCatalogKey,
  MAX_PACKS,
  packKey,
  PACK_STATE_KEY,
  parsePackState,
  type ActiveCompanies,
  type PackState,
} from './state.ts';

/**
 * All stored packs together stay under this, well inside the 10 MiB storage.local gives an extension
 * without the `unlimitedStorage` permission, leaving room for everything else Claimlight keeps.
 */
export const MAX_STORED_BYTES = 8 * 1024 * 1024;

async function readState(): Promise<PackState> {
  const stored = await browser.storage.local.get(PACK_STATE_KEY);
  return parsePackState(stored[PACK_STATE_KEY]);
}

async function readPacks(state: PackState): Promise<Map<string, VerifiedPack | null>> {
  const keys = state.packs.map((p) => packKey(p.id));
  const stored = keys.length ? await browser.storage.local.get(keys) : {};
  return new Map(
    state.packs.map(({ id }) => {
      const pack = parseStoredPack(stored[packKey(id)]);
      return [id, pack && pack.id === id ? pack : null];
    }),
  );
}

export async function loadCatalog(): Promise<Catalog> {
  const state = await readState();
  return buildCatalog(BUILT_IN, state, await readPacks(state));
}

/** Calls `listener` whenever the claim sets change (an import, a switch, a removal, in any context). */
export function onCatalogChanged(listener: () => void): () => void {
  const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area === 'local' && Object.keys(changes).some(isCatalogKey)) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

/** What importing a pack came to: stored, or refused with the verifier's problems (nothing kept). */
export type ImportResult = PackResult;

/** The id of the installed pack `problems` say this one would take the place of, if they say so. */
function alreadyInstalled(problems: readonly VerifyProblem[]): string | null {
  return problems.find((problem) => problem.code === 'already-installed')?.file ?? null;
}

/**
 * Verifies `text` as a pack and, only when it passes, stores it (enabled). A pack whose id is already
 * installed replaces it when `replace` is set (a new version from its maker), and is refused otherwise.
 */
export async function importPack(text: string, replace = false): Promise<ImportResult> {
  const state = await readState();
  const packs = await readPacks(state);
  const verify = (except: string | null) =>
    verifyPack(text, {
      builtIn: BUILT_IN_COMPANIES,
      installed: [...packs.values()].flatMap((pack) =>
        pack && pack.id !== except ? [{ id: pack.id, name: pack.name, companies: pack.companies }] : [],
      ),
    });
  let result = await verify(null);
  // A new version of an installed pack: verified again as if the old one were gone.
  const installedId = result.ok ? null : alreadyInstalled(result.problems);
  if (replace && installedId !== null) result = await verify(installedId);
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
  // The pack first, then the state that lists it: a pack stored but not listed is harmless.
  await browser.storage.local.set({ [packKey(pack.id)]: pack });
  await saveState(next);
  return result;
}

function refused(message: string): ImportResult {
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
  await browser.storage.local.remove(packKey(id));
}

/** Saves the state, and the companies the content script highlights when they are not the built-in ones. */
async function saveState(state: PackState): Promise<void> {
  const catalog = buildCatalog(BUILT_IN, state, await readPacks(state));
  await browser.storage.local.set({ [PACK_STATE_KEY]: state });
  const ids = catalog.companies.map((c) => c.id);
  if (ids.length === BUILT_IN_IDS.length && ids.every((id, i) => id === BUILT_IN_IDS[i]))
    await browser.storage.local.remove(ACTIVE_COMPANIES_KEY);
  else {
    const active: ActiveCompanies = { companies: catalog.companies, pretest: preTestSources(catalog.companies) };
    await browser.storage.local.set({ [ACTIVE_COMPANIES_KEY]: active });
  }
}

export type { Catalog };

export { builtInCatalog } from './builtIn.ts';
