/**
 * "Copy citation" under a claim, everywhere a claim is shown: plain text, or
 * Markdown. Copies on the reader's click only; says whether it worked.
 */
import { useState } from 'preact/hooks';
import { citationMarkdown, citationText, type Citation, type CitationLabels } from '../shared/citation.ts';
import { t } from '../shared/i18n.ts';

/**
 * Writes `text` to the clipboard. The asynchronous clipboard API first; where a page's permissions policy
 * refuses it (the card sits in web pages), a selected, hidden text area and the copy command, inside `near`
 * so that the card's shadow root holds it.
 */
export async function copyText(text: string, near: Element): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const doc = near.ownerDocument;
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;opacity:0;pointer-events:none;';
    near.append(area);
    area.select();
    try {
      // Deprecated, but the only copy left where the page's policy refuses the clipboard API to the card.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      return doc.execCommand('copy');
    } finally {
      area.remove();
    }
  }
}

/** The words around a citation, in the UI's locale. */
export function citationLabels(): CitationLabels {
  return {
    according: (who) => t('claimAttribution', who),
    publisherNotStated: t('citePublisherNotStated'),
    authorNotStated: t('citeAuthorNotStated'),
    dateNotStated: t('citeDateNotStated'),
  };
}

export function CopyCitation({ citation }: { citation: Citation }) {
  const [status, setStatus] = useState<'copied' | 'failed' | null>(null);
  const copy = (text: string) => (event: MouseEvent) => {
    const button = event.currentTarget as HTMLElement;
    void copyText(text, button.parentElement ?? button).then((ok) => setStatus(ok ? 'copied' : 'failed'));
  };
  return (
    <p class="cite">
      <button type="button" class="copy-citation" onClick={copy(citationText(citation, citationLabels()))}>
        {t('citeCopy')}
      </button>
      <button type="button" class="copy-markdown" onClick={copy(citationMarkdown(citation, citationLabels()))}>
        {t('citeCopyMarkdown')}
      </button>
      <span class="cite-status" aria-live="polite">
        {status === 'copied' ? t('citeCopied') : status === 'failed' ? t('citeCopyFailed') : ''}
      </span>
    </p>
  );
}
