/** Paths of the extension's own pages, as the build emits them. */
import type { EntityId } from './entities.ts';

export const LIBRARY_PAGE = 'src/library/index.html';
export const VIEWER_PAGE = 'src/viewer/index.html';

/** The longest search the library takes from its URL: a sentence selected on a page fits. */
export const MAX_LIBRARY_SEARCH = 500;

/** The library searching for `text` (a selection looked up from the context menu), cut to MAX_LIBRARY_SEARCH. */
export function librarySearchPath(text: string): string {
  const query = text.replace(/\s+/g, ' ').trim().slice(0, MAX_LIBRARY_SEARCH);
  return `${LIBRARY_PAGE}?${new URLSearchParams({ q: query }).toString()}`;
}

export function libraryPath(entity: EntityId | null): string {
  return entity ? `${LIBRARY_PAGE}?entity=${entity}` : LIBRARY_PAGE;
}

/** The source viewer showing `file` with `quote` highlighted. */
export function viewerPath(file: string, quote: string | null): string {
  const params = new URLSearchParams({ source: file });
  if (quote) params.set('quote', quote);
  return `${VIEWER_PAGE}?${params.toString()}`;
}
