/**
 * The claim matcher for a catalog's claims, unpacked from their signatures on first use and kept while the
 * catalog is current (the background, the extension pages). Never imported by the content script: the data
 * stays out of pages.
 */
import type { Catalog } from '../catalog/catalog.ts';
import { prepareMatcher, type Matcher } from './match.ts';

const matchers = new WeakMap<Catalog, Matcher>();

export function matcherOf(catalog: Catalog): Matcher {
  let matcher = matchers.get(catalog);
  if (!matcher) matchers.set(catalog, (matcher = prepareMatcher(catalog.signatures)));
  return matcher;
}
