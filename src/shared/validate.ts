/** Small checks for data that crosses a trust boundary: messages, stored values, replies. */

/** No page holds more mentions than this; bigger numbers are lies or bugs. */
export const MAX_COUNT = 10_000_000;
const MAX_TEXT = 10_000;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT;
}

export function isShortText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_TEXT;
}

/** A non-empty string of at most `max` characters (a stored name, description, quote, pattern). */
export function isTextUpTo(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max;
}

export function isTabId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** A host name as the browser reports it (at most 253 characters). */
export function isHostName(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 253;
}

/** True when `value` has exactly these own keys, no more, no fewer. */
export function hasExactly(value: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((k) => own.includes(k));
}

/** Every item parsed, or null when `value` is not an array or one item fails. */
export function listOf<T>(value: unknown, parse: (item: unknown) => T | null): T[] | null {
  if (!Array.isArray(value)) return null;
  const parsed: T[] = [];
  for (const item of value) {
    const one = parse(item);
    if (one === null) return null;
    parsed.push(one);
  }
  return parsed;
}
