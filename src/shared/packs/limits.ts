/**
 * How big a claim pack may be. A pack is untrusted input read in the reader's browser: each limit is checked
 * before the part it bounds is parsed or searched, so a hostile file costs little (docs/packs.md lists them).
 */
import { MAX_URL } from '../verify/origin.ts';

const KiB = 1024;
const MiB = 1024 * KiB;

export const PACK_LIMITS = {
  /** The pack file, in UTF-8 bytes, checked before it is parsed. */
  fileBytes: 4 * MiB,
  documents: 50,
  /** One document, in UTF-8 bytes, checked before any quote is searched in it. */
  documentBytes: 512 * KiB,
  claimsFileBytes: 1 * MiB,
  sourcesFileBytes: 256 * KiB,
  companiesFileBytes: 64 * KiB,
  claims: 1000,
  quotesPerClaim: 20,
  /** Quotes across all claims. */
  quotes: 5000,
  entitiesPerClaim: 20,
  entailsPerClaim: 20,
  companies: 10,
  spellingsPerCompany: 20,
  notFollowedByPerCompany: 20,
  /** Lengths in characters (UTF-16 code units, as JavaScript counts them). */
  packNameChars: 80,
  packDescriptionChars: 300,
  claimIdChars: 80,
  statementChars: 600,
  attributionChars: 300,
  noteChars: 4000,
  quoteChars: 2000,
  companyNameChars: 80,
  companyDescriptionChars: 300,
  spellingChars: 60,
  /** A source's title, short title, name, stated facts and their evidence. */
  sourceFieldChars: 2000,
  urlChars: MAX_URL,
} as const;

export type PackLimit = keyof typeof PACK_LIMITS;

/** The UTF-8 length of `text`, counted without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      // A surrogate pair is one code point of four bytes; a lone surrogate encodes as U+FFFD (three).
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** "4,194,304 bytes (4 MiB)", "1,000": how a limit or a size reads in a message. */
export function formatAmount(value: number, unit: '' | 'bytes' | 'characters' = ''): string {
  const n = new Intl.NumberFormat('en-US').format(value);
  if (unit !== 'bytes') return unit ? `${n} ${unit}` : n;
  const binary =
    value >= MiB && value % MiB === 0
      ? ` (${value / MiB} MiB)`
      : value >= KiB && value % KiB === 0
        ? ` (${value / KiB} KiB)`
        : '';
  return `${n} bytes${binary}`;
}
