/**
 * The background's catalog: read from storage on first use, kept while the worker lives, and read again
 * when the claim sets change (a pack imported, switched or removed in the options page).
 */
import type { Catalog } from '../shared/catalog/catalog.ts';
import { loadCatalog, onCatalogChanged } from '../shared/catalog/store.ts';

let current: Promise<Catalog> | null = null;

onCatalogChanged(() => {
  current = null;
});

export function catalog(): Promise<Catalog> {
  return (current ??= loadCatalog());
}
