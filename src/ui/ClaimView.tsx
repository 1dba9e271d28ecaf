/**
 * One claim, everywhere it is shown (the hover card, the popup, the library):
 * its statement, kind, who asserts it, how many reports carry it, how they
 * differ, the quotes its summary carries, and "Copy citation". Styles: ui/claim.css, which each
 * page imports and the card loads into its shadow root.
 */
import { t } from '../shared/i18n.ts';
import { kindMessageKey, partialReportsLabel, reportsHelp, reportsLabel } from '../shared/kinds.ts';
import type { SummaryClaim } from '../shared/summary.ts';
import { CopyCitation } from './CopyCitation.tsx';
import { Quote, type OpenSource } from './Quote.tsx';
import { restates } from './restates.ts';

export interface ClaimViewProps {
  claim: SummaryClaim;
  /**
   * Quotes folded behind a disclosure (the popup), shown (the library), or shown unless the first one
   * restates the statement just above it (the card): that one folds behind its source's name.
   */
  quotes: 'folded' | 'shown' | 'unless-restated';
  /** The note on how reports differ, folded (the card, kept short) or shown. */
  note: 'folded' | 'shown';
  showCompanies?: boolean;
  /** Set in the hover card, which sits in a web page: see `Quote`. */
  openSource?: OpenSource;
  /** Inside a `ClaimRow`, whose summary already shows the statement and names the claim. */
  within?: 'row';
}

export function ClaimView({ claim, quotes, note, showCompanies = false, openSource, within }: ClaimViewProps) {
  const quoteViews = claim.quotes.map((quote, i) => {
    const view = <Quote key={`${quote.sourceFile}:${quote.text}`} quote={quote} {...(openSource && { openSource })} />;
    if (quotes !== 'unless-restated' || i > 0 || !restates(claim.statement, quote.text)) return view;
    return (
      <details key={`${quote.sourceFile}:${quote.text}`} class="quote-fold">
        <summary>{t('quoteRestated', quote.sourceCaption)}</summary>
        {view}
      </details>
    );
  });
  return (
    <article class="claim" {...(within === 'row' ? {} : { id: claim.id, 'data-claim-id': claim.id })}>
      {within !== 'row' && <p class="statement">{claim.statement}</p>}
      <p class="meta">
        <span class="kind">{t(kindMessageKey(claim.kind))}</span>
        <span class="attribution">{t('claimAttribution', claim.attribution)}</span>
        <span class="reports" title={reportsHelp()}>
          {reportsLabel(claim.reports, claim.outOf)}
          {claim.partialReports > 0 && (
            <span class="partial-reports"> {partialReportsLabel(claim.partialReports)}</span>
          )}
        </span>
        {showCompanies && <span>{t('claimCompanies', claim.companyNames.join(', '))}</span>}
        {claim.pack !== null && <span class="pack">{t('claimFromPack', claim.pack)}</span>}
      </p>
      {claim.note &&
        (note === 'folded' ? (
          <details class="note">
            <summary>{t('claimNoteSummary')}</summary>
            <p>{claim.note}</p>
          </details>
        ) : (
          <p class="note">{t('claimNote', claim.note)}</p>
        ))}
      {quoteViews.length > 0 &&
        (quotes === 'folded' ? (
          <details class="quotes">
            <summary>{t('popupShowQuotes', String(quoteViews.length))}</summary>
            {quoteViews}
          </details>
        ) : (
          quoteViews
        ))}
      {claim.citation && <CopyCitation citation={claim.citation} />}
    </article>
  );
}
