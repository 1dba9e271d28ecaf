/** The claims library: every claim, filterable by company, kind and report, with text search. */
import { Fragment } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { CLAIM_KINDS, isClaimKind, reportName, type IndexedClaim } from '../shared/claims.ts';
import { citationOf } from '../shared/citation.ts';
import { companyName, timeframeAbout, type Catalog } from '../shared/catalog/catalog.ts';
import { isEntityId } from '../shared/entities.ts';
import { t } from '../shared/i18n.ts';
import { kindMessageKey, reportsHelp, timeframeLabel } from '../shared/kinds.ts';
import { corroborationOrder } from '../shared/ranking.ts';
import { summarizeClaim } from '../shared/summary.ts';
import { useCatalog } from '../ui/catalog.tsx';
import { ClaimView } from '../ui/ClaimView.tsx';
import { ExportLinks } from '../ui/ExportLinks.tsx';
import { BUILT_IN_SET } from '../shared/claims.ts';
import { libraryQueryString, type LibraryQuery } from './query.ts';
import { searchLibrary, wordsToSearch } from './search.ts';

/** The claims the filters keep (company, kind, report, claim set), before the text search. */
function filtered({ index }: Catalog, query: LibraryQuery): IndexedClaim[] {
  return index.claims.filter(
    (claim) =>
      (!query.entity || claim.entities.includes(query.entity)) &&
      (!query.kind || claim.kind === query.kind) &&
      (!query.set || (claim.pack ?? BUILT_IN_SET) === query.set) &&
      (!query.source || claim.evidence.some(([at]) => index.sources[at]?.file === query.source)),
  );
}

interface FilterSelectProps {
  id: string;
  label: string;
  value: string | null;
  /** [value, visible label] pairs; "All" comes first. */
  options: [string, string][];
  onChange: (value: string) => void;
}

/** One labelled filter: "All" or one of `options`. */
function FilterSelect({ id, label, value, options, onChange }: FilterSelectProps) {
  return (
    <div class="filter">
      <label for={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t('filterAny')}</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Library({ initial }: { initial: LibraryQuery }) {
  const [query, setQuery] = useState<LibraryQuery>(initial);
  const catalog = useCatalog();
  const { index } = catalog;
  const update = (change: Partial<LibraryQuery>) => {
    const next = { ...query, ...change };
    setQuery(next);
    history.replaceState(null, '', `${location.pathname}${libraryQueryString(next)}`);
  };
  // The standing order (corroboration, the filtered company's own claims first), then the search's.
  const result = useMemo(
    () => searchLibrary(catalog, corroborationOrder(filtered(catalog, query), query.entity ?? undefined), query.text),
    [catalog, query],
  );
  // A sentence the reports repeat nowhere: say so, show only claims holding all its words (never merely
  // nearby ones, which would read as an answer), and offer a search for a few of its words.
  const repeatsNothing = result.asText && !result.hits.some((hit) => hit.by === 'repeats');
  const shown = useMemo(
    () => result.hits.filter((hit) => !repeatsNothing || hit.by === 'words').map((hit) => hit.claim),
    [result, repeatsNothing],
  );
  const suggestion = repeatsNothing ? wordsToSearch(catalog, filtered(catalog, query), query.text) : '';
  // What the export links download: the claims this view shows, in its order.
  const citations = useMemo(() => shown.flatMap((claim) => citationOf(index, claim) ?? []), [index, shown]);

  return (
    <main class="library">
      <h1>{t('libraryTitle')}</h1>
      <p class="intro">{t('libraryIntro')}</p>
      <p class="timeframe">
        {timeframeLabel(
          timeframeAbout(
            catalog,
            catalog.companies.map((c) => c.id),
          ),
        )}
      </p>
      {/* Every label a claim carries, explained once, here. */}
      <details class="help">
        <summary>{t('libraryHelp')}</summary>
        <dl>
          {CLAIM_KINDS.map((kind) => (
            <Fragment key={kind}>
              <dt>{t(kindMessageKey(kind))}</dt>
              <dd>{t(`${kindMessageKey(kind)}_help`)}</dd>
            </Fragment>
          ))}
          <dt>{t('libraryHelpReportsTerm')}</dt>
          <dd>{reportsHelp()}</dd>
          <dt>{t('libraryHelpQuotesTerm')}</dt>
          <dd>{t('libraryHelpQuotes')}</dd>
        </dl>
      </details>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect
          id="filter-company"
          label={t('filterCompany')}
          value={query.entity}
          options={catalog.companies.map(({ id }) => [id, companyName(catalog, id)])}
          onChange={(value) => update({ entity: isEntityId(value) ? value : null })}
        />
        <FilterSelect
          id="filter-kind"
          label={t('filterKind')}
          value={query.kind}
          options={CLAIM_KINDS.map((kind) => [kind, t(kindMessageKey(kind))])}
          onChange={(value) => update({ kind: isClaimKind(value) ? value : null })}
        />
        {catalog.packNames.size > 0 && (
          <FilterSelect
            id="filter-set"
            label={t('filterSet')}
            value={query.set}
            options={[
              ...(catalog.builtInEnabled ? [[BUILT_IN_SET, t('builtInClaimsName')] as [string, string]] : []),
              ...catalog.packNames,
            ]}
            onChange={(value) => update({ set: value || null })}
          />
        )}
        <FilterSelect
          id="filter-source"
          label={t('filterSource')}
          value={query.source}
          options={index.sources.map((source) => [source.file, reportName(source)])}
          onChange={(value) => update({ source: value || null })}
        />
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
      {repeatsNothing && (
        <div class="no-repeat" role="status">
          <p>{t('libraryRepeatsNothing')}</p>
          {suggestion && (
            <button type="button" class="search-words" onClick={() => update({ text: suggestion })}>
              {t('librarySearchWords', suggestion)}
            </button>
          )}
        </div>
      )}
      <p class="summary" role="status">
        {t('librarySummary', [String(shown.length), String(index.claims.length)])}
      </p>
      <ExportLinks citations={citations} heading={t('exportLibraryHeading')} name="claimlight-claims" />
      {shown.length === 0 ? (
        <p class="empty">{t('libraryEmpty')}</p>
      ) : (
        <ol class="claims">
          {shown.map((claim) => (
            <li key={claim.id}>
              <ClaimView claim={summarizeClaim(catalog, claim)} quotes="shown" note="shown" showCompanies />
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
