/** Renders an extension page's root inside the catalog it shows (see catalog.tsx). */
import { render, type ComponentChildren } from 'preact';
import { WithCatalog } from './catalog.tsx';

export function mountPage(page: ComponentChildren): void {
  const app = document.getElementById('app');
  if (app) render(<WithCatalog>{page}</WithCatalog>, app);
}
