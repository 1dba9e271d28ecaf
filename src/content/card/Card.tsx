/** The hover card's content: a company, its most relevant claims, and where each comes from. */
import { t } from '../../shared/i18n.ts';
import { shortTimeframeLabel, timeframeLabel } from '../../shared/kinds.ts';
import type { ClaimSummary } from '../../shared/summary.ts';
import { ClaimView } from '../../ui/ClaimView.tsx';
import type { OpenSource } from '../../ui/Quote.tsx';
import { UnrelatedFold } from '../../ui/UnrelatedFold.tsx';

export type CardState =
  | { status: 'loading' }
  | { status: 'error' }
  /** `related`: false on a page about something else, where the claims are folded, not offered as its context. */
  | { status: 'ready'; summary: ClaimSummary; related: boolean };

export interface CardProps {
  state: CardState;
  onClose: () => void;
  onOpenLibrary: () => void;
  /** Set when a tap on a highlight inside a link opened the card: the card offers to follow the link. */
  onFollowLink?: () => void;
  onOpenSource: OpenSource;
}

export function Card({ state, onClose, onOpenLibrary, onOpenSource, onFollowLink }: CardProps) {
  const name = state.status === 'ready' ? state.summary.name : '';
  const claims = state.status === 'ready' && (
    <ol class="claims">
      {state.summary.claims.map((claim) => (
        <li key={claim.id}>
          {/* Notes folded and restating quotes folded: the card stays short, the rest one click away. */}
          <ClaimView claim={claim} quotes="unless-restated" note="folded" openSource={onOpenSource} />
        </li>
      ))}
    </ol>
  );
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
          {/* Always in sight: whose claims these are, and that they are 2022's reports, not today's facts. */}
          <header>
            <h2 class="name">{name}</h2>
            <p class="timeframe" title={timeframeLabel(state.summary.timeframe)}>
              {shortTimeframeLabel(state.summary.timeframe)}
            </p>
          </header>
          {/* The one part that scrolls, so a short window still shows the header and the "All claims" link. */}
          <div class="body">
            {state.related ? (
              <>
                {/* A landmark: a screen reader can jump to the claims, or past them to "All claims". */}
                <section aria-labelledby="claimlight-card-claims">
                  <h3 class="claims-heading" id="claimlight-card-claims">
                    {t('cardClaimsHeading')}
                  </h3>
                  {claims}
                </section>
                {/* Who the company is comes after what the reports say: on a short window the claims show first. */}
                <h3 class="claims-heading">{t('cardAbout', name)}</h3>
                <p class="description">{state.summary.description}</p>
              </>
            ) : (
              <>
                {/* A page about something else: who the company is, then one line, the claims folded behind it. */}
                <p class="description">{state.summary.description}</p>
                <UnrelatedFold note={t('cardUnrelated')} summary={t('cardShowClaims', name)}>
                  {claims}
                </UnrelatedFold>
              </>
            )}
          </div>
          <footer>
            {onFollowLink && (
              <button type="button" class="follow-link" onClick={onFollowLink}>
                {t('cardFollowLink')}
              </button>
            )}
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
