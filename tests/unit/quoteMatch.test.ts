/** One rule finds a quote, for the build's verification and the viewer's highlight alike. */
import { join } from 'node:path';
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
