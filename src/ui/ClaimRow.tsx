/**
 * A claim folded to what a list needs (its statement, and how many reports carry it), with the whole card
 * (kind, who says it, how the reports differ, the quotes, copying) one click away. Lists of many claims (the
 * popup, the side panel) use it so that a page's summary can be taken in at a glance.
 */
import type { ComponentChildren } from 'preact';
import { t } from '../shared/i18n.ts';
import { reportsLabel } from '../shared/kinds.ts';
import type { SummaryClaim } from '../shared/summary.ts';
import { ClaimView } from './ClaimView.tsx';

export function ClaimRow({
  claim,
  showCompanies = false,
  meta = true,
  children,
}: {
  claim: SummaryClaim;
  showCompanies?: boolean;
  /** The row's meta line (kind, report count) under its statement; false where the caller shows its own. */
  meta?: boolean;
  /** Shown above the claim's card when the row is unfolded (the page's sentences that repeat it). */
  children?: ComponentChildren;
}) {
  return (
    <details class="claim-row" data-claim-id={claim.id}>
      <summary>
        <span class="statement">{claim.statement}</span>
        {meta && (
          <span class="row-meta">
            {t(`kind_${claim.kind.replace(/ /g, '_')}`)} · {reportsLabel(claim.reports, claim.outOf)}
          </span>
        )}
      </summary>
      <div class="row-body">
        {children}
        <ClaimView claim={claim} quotes="shown" note="shown" showCompanies={showCompanies} within="row" />
      </div>
    </details>
  );
}
