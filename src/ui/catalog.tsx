/**
 * The catalog (built-in claims and enabled packs) for an extension page's components: read once when the
 * page opens, read again when the claim sets change, and handed down through a context so no component
 * reaches for a global index.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Catalog } from '../shared/catalog/catalog.ts';
import { builtInCatalog, loadCatalog, onCatalogChanged } from '../shared/catalog/store.ts';

const CatalogContext = createContext<Catalog | null>(null);

/** The catalog the page shows (inside `WithCatalog`). */
export function useCatalog(): Catalog {
  return useContext(CatalogContext) ?? builtInCatalog();
}

/** Renders `children` once the catalog is read (nothing before: a flash of the wrong claims is worse). */
export function WithCatalog({ children }: { children: ComponentChildren }) {
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  useEffect(() => {
    let live = true;
    // Reads may overlap (changes in quick succession): only the latest one's catalog is shown.
    let latest = 0;
    const read = () => {
      const mine = ++latest;
      void loadCatalog().then((loaded) => live && mine === latest && setCatalog(loaded));
    };
    read();
    const stop = onCatalogChanged(read);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return catalog && <CatalogContext.Provider value={catalog}>{children}</CatalogContext.Provider>;
}
