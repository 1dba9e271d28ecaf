/** The real saved pages in ../shared/corpus, as listed in its MANIFEST.tsv. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, corpusAvailable, type TestServer } from '../../scripts/harness/server.ts';

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

/** The id of the positive control added at the end of a corpus page (see `servedWithControl`). */
export const CONTROL_ID = 'claimlight-control';

/**
 * Serves a corpus page at its usual address with one paragraph added after the whole document, which the
 * parser puts last in the body: a positive control that names TikTok. Claimlight's first pass walks the
 * body in document order and wraps what it finds in batches, so once the control is highlighted, every
 * text node before it has been read, and any mention there (right or wrong) is wrapped.
 */
export function servedWithControl(server: TestServer, file: string): string {
  const html = readFileSync(join(CORPUS_DIR, file), 'utf8');
  return server.page(`/corpus/${file}`, `${html}\n<p id="${CONTROL_ID}">Control: TikTok.</p>`);
}
