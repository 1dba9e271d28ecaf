/**
 * Namespacing: a pack's claim ids and source file names are prefixed with its id and "--", so its claims merge
 * into one index with the built-in claims and other packs' without a collision. Built-in claim ids
 * (`ID_PATTERN`), document names (`DOCUMENT_FILE_PATTERN`) and pack ids (`PACK_ID_PATTERN`) never hold "--",
 * so the first "--" always ends the pack's id.
 */
import { PACK_SEPARATOR, type ClaimsIndex } from '../claims.ts';

export function namespaced(pack: string, name: string): string {
  return `${pack}${PACK_SEPARATOR}${name}`;
}

/** The pack a namespaced claim id or file name belongs to, and the name within it; null for a built-in one. */
export function splitNamespaced(value: string): { pack: string; name: string } | null {
  const at = value.indexOf(PACK_SEPARATOR);
  return at < 0 ? null : { pack: value.slice(0, at), name: value.slice(at + PACK_SEPARATOR.length) };
}

/**
 * The pack's compiled index as it is stored and merged: ids, `entails` and source files namespaced, each claim
 * and source marked with the pack's id. Sources keep their order, so evidence indices are unchanged.
 */
export function namespaceIndex(pack: string, index: ClaimsIndex): ClaimsIndex {
  return {
    sources: index.sources.map((source) => ({ ...source, file: namespaced(pack, source.file), pack })),
    claims: index.claims.map((claim) => ({
      ...claim,
      id: namespaced(pack, claim.id),
      entities: [...claim.entities],
      evidence: claim.evidence.map((e) => [...e]),
      ...(claim.entails && { entails: claim.entails.map((id) => namespaced(pack, id)) }),
      pack,
    })),
  };
}
