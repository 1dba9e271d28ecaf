/** A verbatim quote with the title of the report it comes from, linking to that report in the viewer. */
import { t } from '../shared/i18n.ts';
import { viewerPath } from '../shared/pages.ts';

export interface QuoteProps {
  text: string;
  sourceFile: string;
  sourceTitle: string;
}

export function Quote({ text, sourceFile, sourceTitle }: QuoteProps) {
  const href = `/${viewerPath(sourceFile, text)}`;
  return (
    <figure class="quote">
      <blockquote>{text}</blockquote>
      <figcaption>
        <a href={href} target="_blank" rel="noopener" title={t('openInViewer')}>
          {sourceTitle}
        </a>
      </figcaption>
    </figure>
  );
}
