/** The library's filters, read from and written to its URL so a filtered view can be linked. */
import { BUILT_IN_SET, isClaimKind, isSourceFile, PACK_ID_PATTERN, type ClaimKind } from '../shared/claims.ts';
import { isEntityId, type EntityId } from '../shared/entities.ts';
import { MAX_LIBRARY_SEARCH } from '../shared/pages.ts';

export interface LibraryQuery {
  entity: EntityId | null;
  kind: ClaimKind | null;
  source: string | null;
  /** A claim set: a pack's id, or BUILT_IN_SET for the built-in claims. */
  set: string | null;
  text: string;
}

/** The library's name for the built-in claims in its set filter (no pack may take it: see the pack verifier). */

export function parseLibraryQuery(search: string): LibraryQuery {
  const params = new URLSearchParams(search);
  const entity = params.get('entity');
  const kind = params.get('kind');
  const source = params.get('source');
  const set = params.get('set');
  return {
    entity: isEntityId(entity) ? entity : null,
    kind: isClaimKind(kind) ? kind : null,
    source: isSourceFile(source) ? source : null,
    set: set !== null && (set === BUILT_IN_SET || PACK_ID_PATTERN.test(set)) ? set : null,
    text: (params.get('q') ?? '').slice(0, MAX_LIBRARY_SEARCH),
  };
}

export function libraryQueryString(query: LibraryQuery): string {
  const params = new URLSearchParams();
  if (query.entity) params.set('entity', query.entity);
  if (query.kind) params.set('kind', query.kind);
  if (query.source) params.set('source', query.source);
  if (query.set) params.set('set', query.set);
  if (query.text) params.set('q', query.text);
  const text = params.toString();
  return text ? `?${text}` : '';
}
