/**
 * Several claim sets' signature models as one, so the matcher reads a page once for the built-in claims and
 * every enabled pack. Each set's weights were computed over its own claims when it was built (the build for
 * the built-in claims, the import for a pack) and are kept as they are: merging only renumbers.
 */
import type { SignatureModel } from './signatures.ts';

export function mergeModels(models: readonly SignatureModel[]): SignatureModel {
  const [first, ...rest] = models;
  if (!first) return emptyModel();
  if (rest.length === 0) return first;
  const vocab: string[] = [];
  const position = new Map<string, number>();
  const featureOf = (term: string): number => {
    let at = position.get(term);
    if (at === undefined) {
      at = vocab.length;
      vocab.push(term);
      position.set(term, at);
    }
    return at;
  };
  const merged = emptyModel();
  const story = new Set<number>();
  const proper = new Set<number>();
  const nameParts = new Set<number>();
  for (const model of models) {
    const offset = merged.ids.length;
    const feature = (i: number): number => featureOf(model.vocab[i] ?? '');
    const features = (list: readonly number[]) => list.map(feature);
    merged.ids.push(...model.ids);
    merged.claims.push(...model.claims.map((flat) => flat.map((value, i) => (i % 2 === 0 ? feature(value) : value))));
    merged.implies.push(...model.implies.map(([a, b]): [number, number] => [a + offset, b + offset]));
    merged.background.push(...model.background.map((claim) => claim + offset));
    merged.kinds.push(...model.kinds);
    merged.cores.push(...model.cores.map(features));
    merged.denies.push(...model.denies.map(features));
    merged.asserts.push(...model.asserts.map(features));
    merged.acts.push(...model.acts.map(features));
    for (const f of features(model.story)) story.add(f);
    for (const f of features(model.proper)) proper.add(f);
    for (const f of features(model.nameParts)) nameParts.add(f);
  }
  merged.vocab = vocab;
  merged.story = [...story];
  merged.proper = [...proper];
  merged.nameParts = [...nameParts];
  return merged;
}

function emptyModel(): SignatureModel {
  return {
    ids: [],
    vocab: [],
    claims: [],
    implies: [],
    story: [],
    background: [],
    cores: [],
    denies: [],
    asserts: [],
    kinds: [],
    acts: [],
    proper: [],
    nameParts: [],
  };
}
