/** One claim: its statement, kind, attribution, how many reports carry it, and its verbatim quotes. */
import { reportCount, type ClaimsIndex, type IndexedClaim } from '../shared/claims.ts';
import { t } from '../shared/i18n.ts';
import { kindMessageKey, reportsLabel } from '../shared/kinds.ts';
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
  const quotes = claim.evidence.map(([at, quote]) => {
    const source = index.sources[at];
    return source ? (
      <Quote key={`${at}:${quote}`} text={quote} sourceFile={source.file} sourceTitle={source.title} />
    ) : null;
  });
  return (
    <article class="claim" id={claim.id} data-claim-id={claim.id}>
      <p class="statement">{claim.statement}</p>
      <p class="meta">
        <span class="kind">{t(kindMessageKey(claim.kind))}</span>
        <span class="attribution">{claim.attribution}</span>
        <span class="reports">{reportsLabel(reportCount(claim))}</span>
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
