/** Labels shared by every view of a claim: its kind, and how many reports carry it. */
import type { ClaimKind } from './claims.ts';
import { t } from './i18n.ts';

export function kindMessageKey(kind: ClaimKind): string {
  return `kind_${kind.replace(/ /g, '_')}`;
}

/** "In 3 of 5 reports". */
export function reportsLabel(reports: number): string {
  return reports === 1 ? t('cardReportsOne') : t('cardReports', String(reports));
}
