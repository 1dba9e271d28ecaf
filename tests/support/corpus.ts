/** The real saved pages in ../shared/corpus, as listed in its MANIFEST.tsv. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, corpusAvailable } from '../../scripts/harness/server.ts';

export interface CorpusPage {
  file: string;
  group: 'a' | 'b' | 'c';
  notes: string;
  /** The page's own script changes its text on every load. */
  varies: boolean;
}

export function corpusPages(): CorpusPage[] {
  if (!corpusAvailable()) return [];
  const [header, ...rows] = readFileSync(join(CORPUS_DIR, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const cols = header?.split('\t') ?? [];
  const at = (row: string[], name: string) => row[cols.indexOf(name)] ?? '';
  return rows.map((line) => {
    const row = line.split('\t');
    const notes = at(row, 'notes');
    return {
      file: at(row, 'file'),
      group: at(row, 'group') as CorpusPage['group'],
      notes,
      varies: /random|varies per load/i.test(notes),
    };
  });
}
