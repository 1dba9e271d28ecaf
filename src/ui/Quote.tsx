/** A verbatim quote with the report it comes from, linking to that report in the source viewer. */
import { t } from '../shared/i18n.ts';
import { viewerPath } from '../shared/pages.ts';
import type { QuoteSummary } from '../shared/summary.ts';

/** Opens the source viewer at a quote, for a view inside a web page (see `QuoteProps.openSource`). */
export type OpenSource = (sourceFile: string, quote: string) => void;

export interface QuoteProps {
  quote: QuoteSummary;
  /**
   * Set in the hover card: a web page cannot link to the extension's pages (none
   * is web-accessible), so the link asks the background to open the viewer, and
   * the caption says "From: …" among the page's own text.
   */
  openSource?: OpenSource;
}

export function Quote({ quote, openSource }: QuoteProps) {
  const { text, sourceFile, sourceCaption, sourceTitle, partial } = quote;
  return (
    <figure class={partial ? 'quote partial' : 'quote'} data-support={partial ? 'partial' : 'full'}>
      {partial && <p class="support">{t('quotePartial')}</p>}
      <blockquote>{text}</blockquote>
      <figcaption>
        {openSource ? (
          <a
            href="#"
            class="source"
            title={t('openInViewer')}
            onClick={(event) => {
              event.preventDefault();
              openSource(sourceFile, text);
            }}
          >
            {t('cardQuoteFrom', sourceCaption)}
          </a>
        ) : (
          <a
            href={`/${viewerPath(sourceFile, text)}`}
            target="_blank"
            rel="noopener"
            title={`${t('openInViewer')}: ${sourceTitle}`}
          >
            {sourceCaption}
          </a>
        )}
      </figcaption>
    </figure>
  );
}
