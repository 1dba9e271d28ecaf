/** The hover card's content: a company, its most relevant claims, and where each comes from. */
import { t } from '../../shared/i18n.ts';
import { timeframeLabel } from '../../shared/kinds.ts';
import type { ClaimSummary } from '../../shared/summary.ts';
import { ClaimView } from '../../ui/ClaimView.tsx';
import type { OpenSource } from '../../ui/Quote.tsx';

export type CardState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; summary: ClaimSummary };

export interface CardProps {
  state: CardState;
  onClose: () => void;
  onOpenLibrary: () => void;
  onOpenSource: OpenSource;
}

export function Card({ state, onClose, onOpenLibrary, onOpenSource }: CardProps) {
  const name = state.status === 'ready' ? state.summary.name : '';
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
            <p class="description">{state.summary.description}</p>
            <p class="timeframe">{timeframeLabel(state.summary.timeframe)}</p>
          </header>
          <h3 class="claims-heading">{t('cardClaimsHeading')}</h3>
          <ol class="claims">
            {state.summary.claims.map((claim) => (
              <li key={claim.id}>
                {/* Notes folded: the card stays short, and the difference is one click away. */}
                <ClaimView claim={claim} quotes="shown" note="folded" openSource={onOpenSource} />
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
              {t('cardAllClaims', [String(state.summary.totalClaims), name])}
            </a>
          </footer>
        </>
      )}
    </div>
  );
}
