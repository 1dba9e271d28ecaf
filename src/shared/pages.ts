/** Paths of the extension's own pages, as the build emits them. */
import type { EntityId } from './entities.ts';

export const LIBRARY_PAGE = 'src/library/index.html';
export const VIEWER_PAGE = 'src/viewer/index.html';

export function libraryPath(entity: EntityId | null): string {
  return entity ? `${LIBRARY_PAGE}?entity=${entity}` : LIBRARY_PAGE;
}

/** The source viewer showing `file` with `quote` highlighted. */
export function viewerPath(file: string, quote: string | null): string {
  const params = new URLSearchParams({ source: file });
  if (quote) params.set('quote', quote);
  return `${VIEWER_PAGE}?${params.toString()}`;
}
