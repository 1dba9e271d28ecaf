/** The built-in claims as the build compiled them, and the catalog of a reader without claim packs. */
import { BUILT_IN_SIGNATURES } from '../claimMatch/builtInSignatures.ts';
import { CLAIMS_INDEX } from '../claimsIndex.ts';
import { BUILT_IN_COMPANIES } from '../lexicon.ts';
import { BUILT_IN_TEXTS } from '../sourceTexts.ts';
import { buildCatalog, type BuiltIn, type Catalog } from './catalog.ts';

export const BUILT_IN: BuiltIn = {
  index: CLAIMS_INDEX,
  companies: BUILT_IN_COMPANIES,
  signatures: BUILT_IN_SIGNATURES,
  texts: BUILT_IN_TEXTS,
};

let builtInOnly: Catalog | null = null;

/** The catalog with the built-in claims alone: what a reader without packs has (and the tests' reference). */
export function builtInCatalog(): Catalog {
  return (builtInOnly ??= buildCatalog(BUILT_IN, { builtIn: true, packs: [] }, new Map()));
}
