/** A verbatim quote with the report it comes from, linking to that report in the viewer. */
import { t } from '../shared/i18n.ts';
import { viewerPath } from '../shared/pages.ts';

export interface QuoteProps {
  text: string;
  sourceFile: string;
  /** How the caption names the report (publisher where stated, and its short title). */
  sourceCaption: string;
  /** The report's full first line, shown on hover. */
  sourceTitle: string;
  /** The quote carries only part of the claim: shown, never counted. */
  partial: boolean;
}

export function Quote({ text, sourceFile, sourceCaption, sourceTitle, partial }: QuoteProps) {
  const href = `/${viewerPath(sourceFile, text)}`;
  return (
    <figure class={partial ? 'quote partial' : 'quote'} data-support={partial ? 'partial' : 'full'}>
      {partial && <p class="support">{t('quotePartial')}</p>}
      <blockquote>{text}</blockquote>
      <figcaption>
        <a href={href} target="_blank" rel="noopener" title={`${t('openInViewer')}: ${sourceTitle}`}>
          {sourceCaption}
        </a>
      </figcaption>
    </figure>
  );
}
