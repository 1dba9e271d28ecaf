/** Labels shared by every view of a claim: its kind, how many reports carry it, and when they spoke. */
import type { ClaimKind, Timeframe } from './claims.ts';
import { t, tPlural } from './i18n.ts';

export function kindMessageKey(kind: ClaimKind): string {
  return `kind_${kind.replace(/ /g, '_')}`;
}

/** "3 of 5 reports": only reports that carry the whole statement, of the `outOf` reports there are. */
export function reportsLabel(reports: number, outOf: number): string {
  return tPlural('claimReports', outOf, [String(reports), String(outOf)]);
}

/** "(+1 in part)": reports whose quote carries only part of the statement, never counted above. */
export function partialReportsLabel(reports: number): string {
  return t('claimPartialReports', String(reports));
}

/** What the report count means, said once, in its tooltip. */
export function reportsHelp(): string {
  return t('claimReportsHelp');
}

/** A stated date ("2022-06-18") as the reader's calendar shows it. */
function formatDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/**
 * Says when the claims were made, as far as the reports state it, so a 2022
 * statement is never read as today's fact.
 */
export function timeframeLabel({ reports, dates }: Timeframe): string {
  return t('claimsTimeframe', [String(reports), String(dates.length), dates.map(formatDate).join(', ') || '—']);
}

/** The timeframe in a few words ("5 reports from 2022"), for headers; `timeframeLabel` says it in full. */
export function shortTimeframeLabel({ reports }: Timeframe): string {
  return t('claimsTimeframeShort', String(reports));
}
