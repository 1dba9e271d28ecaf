/** The i18n message key for a claim kind's label. */
import type { ClaimKind } from './claims.ts';

export function kindMessageKey(kind: ClaimKind): string {
  return `kind_${kind.replace(/ /g, '_')}`;
}
