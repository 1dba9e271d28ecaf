/** One rule finds a quote, for the build's verification and the viewer's highlight alike. */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../../scripts/claims/load.ts';
import { containsVerbatim, locateQuote, normalizeForMatch } from '../../src/shared/quoteMatch.ts';

describe('quote matching', () => {
  it('lets composition, whitespace and typographic marks differ, and nothing else', () => {
    const text = 'He said \u201Cthe cafe\u0301 \u2014 it\u2019s\n  open\u201D.';
    expect(normalizeForMatch(text)).toBe('He said "the caf\u00E9 - it\'s open".');
    expect(containsVerbatim(text, "the caf\u00E9 - it's open")).toBe(true);
    expect(containsVerbatim(text, 'the cafe - its open')).toBe(false);
  });

  it('gives the viewer the range of the original text, decomposed letters and all', () => {
    const text = '  Intro.\nThe cafe\u0301 \u201Cis\u201D   open. End';
    const range = locateQuote(text, 'caf\u00E9 "is" open.');
    expect(range && text.slice(range.start, range.start + range.length)).toBe('cafe\u0301 \u201Cis\u201D   open.');
    expect(locateQuote(text, 'closed')).toBeNull();
    expect(locateQuote(text, '   ')).toBeNull();
  });

  it('finds in its report every quote the build verified', async () => {
    const root = join(import.meta.dirname, '../..');
    const seeds = await loadSeeds(join(root, 'seeds'), root);
    const claims = (JSON.parse(seeds.claims.text) as { claims: { evidence: { source: string; quote: string }[] }[] })
      .claims;
    for (const { source, quote } of claims.flatMap((c) => c.evidence)) {
      expect(locateQuote(seeds.documents.get(source) ?? '', quote), quote).not.toBeNull();
    }
  });
});

/** The fold as first written, one cluster at a time: the fast fold (ASCII runs taken whole) must agree with it. */
function referenceFold(original: string): { text: string; start: number[]; end: number[] } {
  const folded = { text: '', start: [] as number[], end: [] as number[] };
  for (const match of original.matchAll(/\s+|\P{M}\p{M}*|\p{M}+/gsu)) {
    const piece = /^\s/.test(match[0])
      ? ' '
      : match[0]
          .normalize('NFC')
          .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
          .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
          .replace(/[\u2010-\u2015\u2212]/g, '-');
    if (piece === ' ' && (folded.text === '' || folded.text.endsWith(' '))) continue;
    for (let i = 0; i < piece.length; i++) {
      folded.start.push(match.index);
      folded.end.push(match.index + match[0].length);
    }
    folded.text += piece;
  }
  if (folded.text.endsWith(' ')) {
    folded.text = folded.text.slice(0, -1);
    folded.start.pop();
    folded.end.pop();
  }
  return folded;
}

describe('the fast fold', () => {
  const pieces = [
    'a',
    'Z',
    '9',
    '.',
    '"',
    "'",
    '-',
    ' ',
    '  ',
    '\n',
    '\u00A0',
    '\u0301',
    'e\u0301',
    '\u00E9',
    '\u201C',
    '\u2019',
    '\u2014',
    '\u0958',
    '字',
    'x\u0301\u0302',
  ];
  const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => parts.join(''));

  it('folds every text as the cluster-by-cluster rule does, short or long (remembered)', () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 1, max: 80 }), (text, times) => {
        // Long enough to be remembered (texts of 2,000 characters or more are; see shared/text/recent.ts).
        const long = text === '' ? text : text.repeat(Math.ceil(2000 / text.length) + times);
        if (text !== '') expect(long.length).toBeGreaterThanOrEqual(2000);
        for (const whole of [text, long]) {
          const expected = referenceFold(whole);
          expect(normalizeForMatch(whole)).toBe(expected.text);
          // Asked twice, so the second answer of a long text comes from what was remembered.
          expect(normalizeForMatch(whole)).toBe(expected.text);
        }
      }),
    );
  });

  it('gives the same ranges as the cluster-by-cluster rule', () => {
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), (text, a, b) => {
        const reference = referenceFold(text);
        if (reference.text.length === 0) return;
        const from = a % reference.text.length;
        const to = from + 1 + (b % (reference.text.length - from));
        // A quote is compared folded, so one that starts or ends with a space is found without it.
        const quote = reference.text.slice(from, to).trim();
        if (quote === '') return;
        const at = reference.text.indexOf(quote);
        const range = locateQuote(text, quote);
        const start = reference.start[at]!;
        expect(range).toEqual({ start, length: reference.end[at + quote.length - 1]! - start });
      }),
    );
  });
});
