/** The claims library: every claim, filterable by company, kind and report, with text search. */
import { useMemo, useState } from 'preact/hooks';
import { CLAIM_KINDS, type IndexedClaim } from '../shared/claims.ts';
import { CLAIMS_INDEX } from '../shared/claimsIndex.ts';
import { ENTITY_IDS, isEntityId } from '../shared/entities.ts';
import { t } from '../shared/i18n.ts';
import { kindMessageKey } from '../shared/kinds.ts';
import { COMPANY_BY_ID } from '../shared/lexicon.ts';
import { isClaimKind } from '../shared/claims.ts';
import { ClaimView } from '../ui/ClaimView.tsx';
import { libraryQueryString, type LibraryQuery } from './query.ts';

const index = CLAIMS_INDEX;

function matches(claim: IndexedClaim, query: LibraryQuery): boolean {
  if (query.entity && !claim.entities.includes(query.entity)) return false;
  if (query.kind && claim.kind !== query.kind) return false;
  if (query.source && !claim.evidence.some(([at]) => index.sources[at]?.file === query.source)) return false;
  const needle = query.text.trim().toLowerCase();
  if (!needle) return true;
  const haystack = [claim.statement, claim.attribution, claim.note ?? '', ...claim.evidence.map(([, quote]) => quote)]
    .join('\n')
    .toLowerCase();
  return needle.split(/\s+/).every((word) => haystack.includes(word));
}

export function Library({ initial }: { initial: LibraryQuery }) {
  const [query, setQuery] = useState<LibraryQuery>(initial);
  const update = (change: Partial<LibraryQuery>) => {
    const next = { ...query, ...change };
    setQuery(next);
    history.replaceState(null, '', `${location.pathname}${libraryQueryString(next)}`);
  };
  const shown = useMemo(() => index.claims.filter((claim) => matches(claim, query)), [query]);

  return (
    <main class="library">
      <h1>{t('libraryTitle')}</h1>
      <p class="intro">{t('libraryIntro')}</p>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="filter">
          <label for="filter-company">{t('filterCompany')}</label>
          <select
            id="filter-company"
            value={query.entity ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              update({ entity: isEntityId(value) ? value : null });
            }}
          >
            <option value="">{t('filterAny')}</option>
            {ENTITY_IDS.map((id) => (
              <option key={id} value={id}>
                {COMPANY_BY_ID.get(id)?.name ?? id}
              </option>
            ))}
          </select>
        </div>
        <div class="filter">
          <label for="filter-kind">{t('filterKind')}</label>
          <select
            id="filter-kind"
            value={query.kind ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              update({ kind: isClaimKind(value) ? value : null });
            }}
          >
            <option value="">{t('filterAny')}</option>
            {CLAIM_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(kindMessageKey(kind))}
              </option>
            ))}
          </select>
        </div>
        <div class="filter">
          <label for="filter-source">{t('filterSource')}</label>
          <select
            id="filter-source"
            value={query.source ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              update({ source: value || null });
            }}
          >
            <option value="">{t('filterAny')}</option>
            {index.sources.map((source) => (
              <option key={source.file} value={source.file}>
                {source.title.length > 70 ? `${source.title.slice(0, 68)}…` : source.title}
              </option>
            ))}
          </select>
        </div>
        <div class="filter">
          <label for="filter-search">{t('filterSearch')}</label>
          <input
            id="filter-search"
            type="search"
            value={query.text}
            onInput={(e) => update({ text: e.currentTarget.value })}
          />
        </div>
      </form>
      <p class="summary" role="status">
        {t('librarySummary', [String(shown.length), String(index.claims.length)])}
      </p>
      {shown.length === 0 ? (
        <p class="empty">{t('libraryEmpty')}</p>
      ) : (
        <ol class="claims">
          {shown.map((claim) => (
            <li key={claim.id}>
              <ClaimView claim={claim} index={index} collapsible={false} showCompanies />
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
