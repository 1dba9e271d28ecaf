/**
 * The claims a reader has: the built-in claims and every enabled claim pack, merged into one index, one
 * company list and one matcher model, so that every surface (card, popup, panel, library, viewer, exports)
 * works on one set. Pure: the stored state and packs come in, the merged catalog comes out (see store.ts for
 * where they come from).
 */
import { timeframeOf, type ClaimsIndex, type IndexedClaim, type Source, type Timeframe } from '../claims.ts';
import type { Company, EntityId } from '../entities.ts';
import { mergeModels } from '../claimMatch/mergeModels.ts';
import type { SignatureModel } from '../claimMatch/signatures.ts';
import type { VerifiedPack } from '../packs/types.ts';
import { splitNamespaced } from '../packs/namespace.ts';
import type { PackState } from './state.ts';

/** The built-in claims, as the build verified and compiled them. */
export interface BuiltIn {
  index: ClaimsIndex;
  companies: readonly Company[];
  signatures: SignatureModel;
  texts: Readonly<Record<string, string>>;
}

/** A stored pack as the options page lists it: verified and usable, or set aside with the reason. */
export interface PackEntry {
  id: string;
  enabled: boolean;
  /** When it was imported (ISO date and time). */
  added: string;
  /** Null when the stored pack no longer parses (corrupt storage): set aside, listed, never used. */
  pack: VerifiedPack | null;
}

export interface Catalog {
  builtInEnabled: boolean;
  packs: PackEntry[];
  /** Every company the enabled claims are about, built-in first, in display order. */
  companies: Company[];
  companyById: ReadonlyMap<EntityId, Company>;
  /** The enabled claims: the built-in ones first, then each enabled pack's, sources renumbered. */
  index: ClaimsIndex;
  /** The enabled claims' signatures, merged (see mergeModels). */
  signatures: SignatureModel;
  /** Pack names by pack id, for labels. */
  packNames: ReadonlyMap<string, string>;
  /** The full text of a source, by its file name (a pack's are namespaced `<pack>--<file>`). */
  sourceText(file: string): string | undefined;
}

export function buildCatalog(
  builtIn: BuiltIn,
  state: PackState,
  stored: ReadonlyMap<string, VerifiedPack | null>,
): Catalog {
  const packs: PackEntry[] = state.packs.map(({ id, enabled, added }) => {
    const pack = stored.get(id) ?? null;
    return { id, enabled, added, pack };
  });
  const enabled = packs.flatMap((entry) => (entry.enabled && entry.pack ? [entry.pack] : []));
  const sets = [...(state.builtIn ? [builtIn] : []), ...enabled];
  const index = mergeIndexes(sets.map((set) => set.index));
  const about = new Set(index.claims.flatMap((claim) => claim.entities));
  // A company is listed once, with its first definition (packs that share a company id share its rules).
  const companyById = new Map<EntityId, Company>();
  for (const company of [...builtIn.companies, ...enabled.flatMap((pack) => pack.companies)])
    if (about.has(company.id) && !companyById.has(company.id)) companyById.set(company.id, company);
  // A pack's files are namespaced ("harbor--001_….txt"), so no pack's text can stand for a built-in one.
  const packOf = new Map(enabled.map((pack) => [pack.id, pack]));
  const sourceText = (file: string): string | undefined => {
    const owner = splitNamespaced(file);
    if (owner === null) return Object.hasOwn(builtIn.texts, file) ? builtIn.texts[file] : undefined;
    const documents = packOf.get(owner.pack)?.documents;
    return documents && Object.hasOwn(documents, file) ? documents[file] : undefined;
  };
  return {
    builtInEnabled: state.builtIn,
    packs,
    companies: [...companyById.values()],
    companyById,
    index,
    // Merged on first use: only a context that matches text (the background, a search) pays for it.
    get signatures() {
      const merged = mergeModels(sets.map((set) => set.signatures));
      Object.defineProperty(this, 'signatures', { value: merged });
      return merged;
    },
    packNames: new Map(enabled.map((pack) => [pack.id, pack.name])),
    sourceText,
  };
}

/** Indexes one after another: each claim's evidence points at its own set's sources, renumbered. */
export function mergeIndexes(indexes: readonly ClaimsIndex[]): ClaimsIndex {
  // One set (a reader without packs): its index as it is.
  if (indexes.length === 1 && indexes[0]) return indexes[0];
  const sources: Source[] = [];
  const claims: IndexedClaim[] = [];
  for (const index of indexes) {
    const offset = sources.length;
    sources.push(...index.sources);
    for (const claim of index.claims)
      claims.push(
        offset === 0
          ? claim
          : {
              ...claim,
              evidence: claim.evidence.map((e) => [e[0] + offset, ...e.slice(1)] as typeof e),
            },
      );
  }
  return { sources, claims };
}

/** The name of the pack a claim or source comes from, or null for the built-in claims. */
export function packNameOf(catalog: Catalog, item: IndexedClaim | Source): string | null {
  const { pack } = item;
  return pack === undefined ? null : (catalog.packNames.get(pack) ?? pack);
}

/** When the reports spoke that have claims about `entities`: the sources of each claim set about them. */
export function timeframeAbout(catalog: Catalog, entities: readonly EntityId[]): Timeframe {
  const sets = new Set(
    catalog.index.claims.filter((claim) => claim.entities.some((id) => entities.includes(id))).map((c) => c.pack),
  );
  return timeframeOf(catalog.index.sources.filter((source) => sets.has(source.pack)));
}

/** The companies' names, in display order. */
export function companyNames(catalog: Catalog): string[] {
  return catalog.companies.map((company) => company.name);
}

/** A company's name, or its id when the catalog no longer has it (its pack was just switched off). */
export function companyName(catalog: Catalog, id: EntityId): string {
  return catalog.companyById.get(id)?.name ?? id;
}
