/** The hover card's content: a company, its most relevant claims, and where each comes from. */
import type { CardData } from '../../shared/messages.ts';
import { t } from '../../shared/i18n.ts';
import { kindMessageKey, partialReportsLabel, reportsLabel } from '../../shared/kinds.ts';

export type CardState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; data: CardData };

export interface CardProps {
  state: CardState;
  onClose: () => void;
  onOpenLibrary: () => void;
  onOpenSource: (source: string, quote: string) => void;
}

export function Card({ state, onClose, onOpenLibrary, onOpenSource }: CardProps) {
  const name = state.status === 'ready' ? state.data.name : '';
  return (
    <div
      class="card"
      role="dialog"
      aria-modal="false"
      aria-label={state.status === 'ready' ? t('cardLabel', name) : t('cardLoading')}
      aria-busy={state.status === 'loading'}
      tabIndex={-1}
    >
      <button type="button" class="close" aria-label={t('cardClose')} title={t('cardClose')} onClick={onClose}>
        ×
      </button>
      {state.status === 'loading' && <p class="state">{t('cardLoading')}</p>}
      {state.status === 'error' && (
        <p class="state" role="alert">
          {t('cardError')}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <header>
            <h2 class="name">{name}</h2>
            <p class="description">{state.data.description}</p>
            <p class="timeframe">{state.data.timeframe}</p>
          </header>
          <h3 class="claims-heading">{t('cardClaimsHeading')}</h3>
          <ol class="claims">
            {state.data.claims.map((claim) => (
              <li key={claim.id} class="claim" data-claim-id={claim.id}>
                <p class="statement">{claim.statement}</p>
                <p class="meta">
                  <span class={`kind kind-${claim.kind.replace(/ /g, '-')}`}>{t(kindMessageKey(claim.kind))}</span>
                  <span class="attribution">{t('claimAttribution', claim.attribution)}</span>
                  <span class="reports">
                    {reportsLabel(claim.reports)}
                    {claim.partialReports > 0 && (
                      <span class="partial-reports"> {partialReportsLabel(claim.partialReports)}</span>
                    )}
                  </span>
                </p>
                {claim.note && (
                  // Folded: the card stays short, and the difference is one click away.
                  <details class="note">
                    <summary>{t('claimNoteSummary')}</summary>
                    <p>{claim.note}</p>
                  </details>
                )}
                {claim.quote && (
                  <figure class="quote">
                    <blockquote>{claim.quote.text}</blockquote>
                    <figcaption>
                      <a
                        href="#"
                        class="source"
                        title={t('openInViewer')}
                        onClick={(event) => {
                          event.preventDefault();
                          if (claim.quote) onOpenSource(claim.quote.sourceFile, claim.quote.text);
                        }}
                      >
                        {t('cardQuoteFrom', claim.quote.sourceTitle)}
                      </a>
                    </figcaption>
                  </figure>
                )}
              </li>
            ))}
          </ol>
          <footer>
            <a
              href="#"
              class="all-claims"
              onClick={(event) => {
                event.preventDefault();
                onOpenLibrary();
              }}
            >
              {t('cardAllClaims', [String(state.data.totalClaims), name])}
            </a>
          </footer>
        </>
      )}
    </div>
  );
}
