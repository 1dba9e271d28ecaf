/**
 * What a pack maker may state about where a text came from (its address, the date it was retrieved), checked
 * the same way by the verifier and by every reader of a stored pack. No imports: a stored pack's reader must
 * not load the verifier.
 */

/** The longest address a source may state. */
export const MAX_URL = 2000;

/** A calendar date written as ISO: "2026-03-14". */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * An http(s) address, as the pack maker wrote it: shown as text, never fetched. No whitespace, no user name or
 * password ("https://trusted.example@other.example" reads as one site and is another).
 */
export function isOriginUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > MAX_URL || /[\s\p{Cc}]/u.test(value)) return false;
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && !!url.hostname;
  } catch {
    return false;
  }
}
