/**
 * The reports' claims about the companies a page mentions: each claim once (a claim about TikTok and
 * ByteDance is not listed twice), the most relevant to the page first, each folded to its statement with the
 * whole card one click away, a few shown and the rest folded, with a search over all. Claims the page
 * repeats are listed above (PageRepeats) and not again here, except in search results.
 */
import { useMemo, useState } from 'preact/hooks';
import { companyName } from '../../shared/catalog/catalog.ts';
import { matcherOf } from '../../shared/claimMatch/matcher.ts';
import type { EntityId } from '../../shared/entities.ts';
import { t, tPlural } from '../../shared/i18n.ts';
import type { PageClaims } from '../../shared/pageClaims.ts';
import { claimsForPage, pageRelates, searchClaims } from '../../shared/ranking.ts';
import { summarizeClaim, type SummaryClaim } from '../../shared/summary.ts';
import { useCatalog } from '../catalog.tsx';
import { ClaimRow } from '../ClaimRow.tsx';
import { ExportLinks } from '../ExportLinks.tsx';
import { UnrelatedFold } from '../UnrelatedFold.tsx';

/** Claims shown before the fold. */
const SHOWN = 3;

export function ClaimsList({
  entities,
  names,
  page,
  repeated,
}: {
  entities: readonly EntityId[];
  names: string;
  page: PageClaims | null;
  /** Claims the page repeats, listed above. */
  repeated: ReadonlySet<string>;
}) {
  const [query, setQuery] = useState('');
  const catalog = useCatalog();
  const ranked = useMemo(() => claimsForPage(catalog.index, entities, page), [catalog, entities.join(), page]);
  const related = pageRelates(page);
  const searching = query.trim() !== '';
  const found: SummaryClaim[] = searching
    ? searchClaims(ranked, query, matcherOf(catalog), (id) => companyName(catalog, id)).hits.map(({ claim }) =>
        summarizeClaim(catalog, claim),
      )
    : ranked.filter((claim) => !repeated.has(claim.id)).map((claim) => summarizeClaim(catalog, claim));
  const exported: SummaryClaim[] = searching
    ? found
    : ranked
        .filter((claim) => repeated.size === 0 || repeated.has(claim.id))
        .map((claim) => summarizeClaim(catalog, claim));
  const list = (claims: SummaryClaim[]) => (
    <ol class="claim-rows">
      {claims.map((claim) => (
        <li key={claim.id}>
          <ClaimRow claim={claim} showCompanies />
        </li>
      ))}
    </ol>
  );
  const body = (
    <>
      <label class="search">
        <span>{t('popupSearchClaims')}</span>
        <input type="search" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
      </label>
      {searching && found.length === 0 && <p class="hint">{t('popupNoClaimMatch', query.trim())}</p>}
      {searching ? (
        list(found)
      ) : (
        <>
          {list(found.slice(0, SHOWN))}
          {found.length > SHOWN && (
            <details class="more-claims">
              <summary>{tPlural('popupMoreClaims', found.length - SHOWN, [String(found.length - SHOWN)])}</summary>
              {list(found.slice(SHOWN))}
            </details>
          )}
        </>
      )}
      {/* What is relevant, said as such: the search's finds; on a story page, the claims it repeats; else
          every claim about the companies it mentions. */}
      <ExportLinks
        citations={exported.flatMap((claim) => claim.citation ?? [])}
        heading={t('exportPageHeading', names)}
        name="claimlight-page-claims"
        scope={searching ? { kind: 'found' } : repeated.size > 0 ? { kind: 'page' } : { kind: 'about', names }}
      />
    </>
  );
  return (
    <section class="claims" aria-labelledby="reports-say">
      <h2 id="reports-say">{repeated.size > 0 ? t('popupReportsSayMore') : t('popupReportsSay')}</h2>
      {related ? (
        body
      ) : (
        <UnrelatedFold note={t('popupUnrelated')} summary={t('popupShowClaims', [names, String(ranked.length)])}>
          {body}
        </UnrelatedFold>
      )}
    </section>
  );
}
