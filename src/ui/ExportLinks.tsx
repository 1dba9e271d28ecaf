/**
 * Export of a list of claims: links that download it as Markdown or as CSL-JSON (one item per report, for
 * reference managers), after words that say exactly what they export. A link to a blob made here, so no
 * `downloads` permission is needed.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { citationsMarkdown, cslItems, type Citation } from '../shared/citation.ts';
import { t, tPlural } from '../shared/i18n.ts';
import { citationLabels } from './CopyCitation.tsx';

/** A blob URL for `text`, made once per text and revoked when it changes or the links go. */
function useBlobUrl(text: string, type: string): string {
  const url = useMemo(() => URL.createObjectURL(new Blob([text], { type })), [text, type]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return url;
}

/** Which claims an export holds, for words that say so with their count. */
export type ExportScope =
  /** The claims listed just here: "Export these 12 claims:", "Export this claim:". */
  | { kind: 'listed' }
  /** The claims a page repeats: "Export the 11 claims this page repeats:". */
  | { kind: 'page' }
  /** The claims a search finds: "Export the 3 claims the search finds:". */
  | { kind: 'found' }
  /** Every claim about some companies: "Export all 94 claims about TikTok, ByteDance and Oracle:". */
  | { kind: 'about'; names: string };

const SCOPE_KEY = {
  listed: 'exportLabel',
  page: 'exportPageRepeats',
  found: 'exportFound',
  about: 'exportAllAbout',
} as const;

/** The words before the export links, in the reader's plural forms (see `tPlural`). */
export function exportLabel(scope: ExportScope, count: number): string {
  const key = SCOPE_KEY[scope.kind];
  return scope.kind === 'about' ? tPlural(key, count, [String(count), scope.names]) : tPlural(key, count);
}

export interface ExportLinksProps {
  /** The claims exported, in the order shown. */
  citations: Citation[];
  /** The Markdown file's heading. */
  heading: string;
  /** The downloaded files' name, without extension. */
  name: string;
  /** Which claims these are, said with their count; "these N claims" unless given. */
  scope?: ExportScope;
  /** The words before the links, instead of the scope's: they must say exactly what is exported. */
  label?: string;
}

export function ExportLinks({ citations, heading, name, scope = { kind: 'listed' }, label }: ExportLinksProps) {
  const labels = citationLabels();
  const markdown = useBlobUrl(citationsMarkdown(citations, heading, labels), 'text/markdown;charset=utf-8');
  const csl = useBlobUrl(`${JSON.stringify(cslItems(citations, labels), null, 2)}\n`, 'application/json;charset=utf-8');
  if (citations.length === 0) return null;
  return (
    <p class="export">
      <span>{label ?? exportLabel(scope, citations.length)}</span>
      <a href={markdown} download={`${name}.md`}>
        {t('exportMarkdown')}
      </a>
      <a href={csl} download={`${name}.json`}>
        {t('exportCsl')}
      </a>
    </p>
  );
}
