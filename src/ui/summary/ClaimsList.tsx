/**
 * The reports' claims about the companies a page mentions: each claim once
 * (a claim about TikTok and ByteDance is not listed twice), the most relevant
 * to the page first, a few shown and the rest folded, with a search over all.
 */
import { useMemo, useState } from 'preact/hooks';
import { theMatcher } from '../../shared/claimMatch/matcher.ts';
import { CLAIMS_INDEX } from '../../shared/claimsIndex.ts';
import type { EntityId } from '../../shared/entities.ts';
import { t } from '../../shared/i18n.ts';
import type { PageClaims } from '../../shared/pageClaims.ts';
import { claimsForPage, pageRelates, searchClaims } from '../../shared/ranking.ts';
import { summarizeClaim, type SummaryClaim } from '../../shared/summary.ts';
import { ClaimView } from '../ClaimView.tsx';
import { ExportLinks } from '../ExportLinks.tsx';
import { UnrelatedFold } from '../UnrelatedFold.tsx';

/** Claims shown before the fold. */
const SHOWN = 5;

export function ClaimsList({
  entities,
  names,
  page,
}: {
  entities: readonly EntityId[];
  names: string;
  page: PageClaims | null;
}) {
  const [query, setQuery] = useState('');
  const ranked = useMemo(() => claimsForPage(CLAIMS_INDEX, entities, page), [entities.join(), page]);
  const all = ranked.map((claim) => summarizeClaim(CLAIMS_INDEX, claim));
  const related = pageRelates(page);
  const found: SummaryClaim[] = query.trim()
    ? searchClaims(ranked, query, theMatcher()).hits.map(({ claim }) => summarizeClaim(CLAIMS_INDEX, claim))
    : all;
  const list = (claims: SummaryClaim[]) =>
    claims.map((claim) => <ClaimView key={claim.id} claim={claim} quotes="folded" note="folded" showCompanies />);
  const body = (
    <>
      <ExportLinks
        citations={found.flatMap((claim) => claim.citation ?? [])}
        heading={t('exportPageHeading', names)}
        name="claimlight-page-claims"
      />
      <label class="search">
        <span>{t('popupSearchClaims')}</span>
        <input type="search" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
      </label>
      {found.length === 0 && <p class="hint">{t('popupNoClaimMatch', query.trim())}</p>}
      {query.trim() ? (
        list(found)
      ) : (
        <>
          {list(found.slice(0, SHOWN))}
          {found.length > SHOWN && (
            <details class="more-claims">
              <summary>{t('popupMoreClaims', String(found.length - SHOWN))}</summary>
              {list(found.slice(SHOWN))}
            </details>
          )}
        </>
      )}
    </>
  );
  return (
    <section class="claims" aria-labelledby="reports-say">
      <h2 id="reports-say">{t('popupReportsSay')}</h2>
      {related ? (
        <>
          {page && page.ranked.length > 0 && <p class="intro">{t('popupMostRelevant')}</p>}
          {body}
        </>
      ) : (
        <UnrelatedFold note={t('popupUnrelated')} summary={t('popupShowClaims', [names, String(all.length)])}>
          {body}
        </UnrelatedFold>
      )}
    </section>
  );
}
