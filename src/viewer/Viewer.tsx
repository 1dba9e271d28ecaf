/**
 * One source report in full: its name (as everywhere else, never a file name), the title a citation gives it,
 * the metadata it states, and the cited quote highlighted.
 */
import Mark from 'mark.js';
import { Fragment } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { packNameOf } from '../shared/catalog/catalog.ts';
import { citedTitle, reportName } from '../shared/claims.ts';
import { t, tPlural } from '../shared/i18n.ts';
import { LIBRARY_PAGE } from '../shared/pages.ts';
import { locateQuote } from '../shared/quoteMatch.ts';
import { useCatalog } from '../ui/catalog.tsx';

const FACT_LABEL = { publisher: 'viewerPublisher', date: 'viewerDate', author: 'viewerAuthor' } as const;

export function Viewer({ file, quote }: { file: string; quote: string | null }) {
  const catalog = useCatalog();
  const { index } = catalog;
  const source = index.sources.find((s) => s.file === file);
  const text = source ? catalog.sourceText(source.file) : undefined;
  const pack = source ? packNameOf(catalog, source) : null;
  const body = useRef<HTMLDivElement>(null);
  const range = text && quote ? locateQuote(text, quote) : null;
  const name = source && reportName(source);

  useEffect(() => {
    document.title = name ? t('viewerPageTitle', name) : t('pageTitleViewer');
  }, [name]);

  useEffect(() => {
    const element = body.current;
    if (!element || !range) return;
    new Mark(element).markRanges([range], {
      element: 'mark',
      className: 'cited',
      done: () => element.querySelector('mark.cited')?.scrollIntoView({ block: 'center' }),
    });
  }, [file, quote]);

  if (!source || text === undefined) {
    return (
      <main class="viewer">
        <h1>{t('viewerMissingTitle')}</h1>
        <p>{t('viewerMissing')}</p>
      </main>
    );
  }
  const cited = index.claims.filter((claim) =>
    claim.evidence.some(([at]) => index.sources[at]?.file === source.file),
  ).length;
  return (
    <main class="viewer">
      <p class="eyebrow">{t('viewerEyebrow')}</p>
      <h1>{name}</h1>
      <dl class="facts">
        <dt>{t('viewerCitedAs')}</dt>
        <dd class="cited-title">{citedTitle(source)}</dd>
        {(['publisher', 'date', 'author'] as const).map((field) => (
          <Fragment key={field}>
            <dt>{t(FACT_LABEL[field])}</dt>
            <dd class={source[field] ? undefined : 'not-stated'}>{source[field]?.value ?? t('viewerNotStated')}</dd>
          </Fragment>
        ))}
        {pack !== null && (
          <>
            <dt>{t('viewerPack')}</dt>
            <dd class="pack">{pack}</dd>
          </>
        )}
      </dl>
      {pack !== null && (source.url !== undefined || source.retrieved !== undefined) && (
        // The pack maker's word, shown as text: the address is never fetched, nor made a link a click could follow
        // unawares.
        <p class="origin">
          {t('viewerPackOrigin', [source.url ?? t('viewerNotStated'), source.retrieved ?? t('viewerNotStated')])}
        </p>
      )}
      <p class="help">
        {t('viewerStatedOnly')}
        {citedTitle(source) !== source.title.trim() && ` ${t('viewerNoHeadline')}`}{' '}
        <a href={`/${LIBRARY_PAGE}?source=${encodeURIComponent(source.file)}`}>{tPlural('viewerClaims', cited)}</a>
      </p>
      {quote && !range && (
        <p class="notice" role="alert">
          {t('viewerQuoteNotFound')}
        </p>
      )}
      <div class="document" ref={body}>
        {text}
      </div>
    </main>
  );
}
