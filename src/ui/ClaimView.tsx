/** One claim: its statement, kind, who asserts it, how many reports carry it, and its verbatim quotes. */
import { isPartial, partialReportCount, reportCount, type ClaimsIndex, type IndexedClaim } from '../shared/claims.ts';
import { t } from '../shared/i18n.ts';
import { kindMessageKey, partialReportsLabel, reportCaption, reportsLabel } from '../shared/kinds.ts';
import { COMPANY_BY_ID } from '../shared/lexicon.ts';
import { Quote } from './Quote.tsx';
import './claim.css';

export interface ClaimViewProps {
  claim: IndexedClaim;
  index: ClaimsIndex;
  /** Quotes folded behind a disclosure (the popup) or shown (the library). */
  collapsible: boolean;
  showCompanies?: boolean;
}

export function ClaimView({ claim, index, collapsible, showCompanies = false }: ClaimViewProps) {
  // Full support first: the quotes that carry the whole statement lead.
  const evidence = [...claim.evidence].sort((a, b) => Number(isPartial(a)) - Number(isPartial(b)));
  const quotes = evidence.map((item) => {
    const [at, quote] = item;
    const source = index.sources[at];
    return source ? (
      <Quote
        key={`${at}:${quote}`}
        text={quote}
        sourceFile={source.file}
        sourceCaption={reportCaption(source)}
        sourceTitle={source.title}
        partial={isPartial(item)}
      />
    ) : null;
  });
  const partial = partialReportCount(claim);
  return (
    <article class="claim" id={claim.id} data-claim-id={claim.id}>
      <p class="statement">{claim.statement}</p>
      <p class="meta">
        <span class="kind">{t(kindMessageKey(claim.kind))}</span>
        <span class="attribution">{t('claimAttribution', claim.attribution)}</span>
        <span class="reports">
          {reportsLabel(reportCount(claim))}
          {partial > 0 && <span class="partial-reports"> {partialReportsLabel(partial)}</span>}
        </span>
        {showCompanies && (
          <span>{t('claimCompanies', claim.entities.map((id) => COMPANY_BY_ID.get(id)?.name ?? id).join(', '))}</span>
        )}
      </p>
      {claim.note && <p class="note">{t('claimNote', claim.note)}</p>}
      {collapsible ? (
        <details class="quotes">
          <summary>{t('popupShowQuotes', String(claim.evidence.length))}</summary>
          {quotes}
        </details>
      ) : (
        quotes
      )}
    </article>
  );
}
