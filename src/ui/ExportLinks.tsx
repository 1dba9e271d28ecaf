/**
 * Export of a list of claims: links that download it as Markdown or as CSL-JSON (for reference managers).
 * A link to a blob made here, so no `downloads` permission is needed.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { citationsMarkdown, cslItems, type Citation } from '../shared/citation.ts';
import { t } from '../shared/i18n.ts';
import { citationLabels } from './CopyCitation.tsx';

/** A blob URL for `text`, made once per text and revoked when it changes or the links go. */
function useBlobUrl(text: string, type: string): string {
  const url = useMemo(() => URL.createObjectURL(new Blob([text], { type })), [text, type]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return url;
}

export function ExportLinks({ citations, heading, name }: { citations: Citation[]; heading: string; name: string }) {
  const labels = citationLabels();
  const markdown = useBlobUrl(citationsMarkdown(citations, heading, labels), 'text/markdown;charset=utf-8');
  const csl = useBlobUrl(`${JSON.stringify(cslItems(citations, labels), null, 2)}\n`, 'application/json;charset=utf-8');
  if (citations.length === 0) return null;
  return (
    <p class="export">
      <span>{t('exportLabel', String(citations.length))}</span>
      <a href={markdown} download={`${name}.md`}>
        {t('exportMarkdown')}
      </a>
      <a href={csl} download={`${name}.json`}>
        {t('exportCsl')}
      </a>
    </p>
  );
}
