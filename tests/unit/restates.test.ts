import { describe, expect, it } from 'vitest';
import claimsFile from '../../seeds/claims.json' with { type: 'json' };
import { restates } from '../../src/ui/restates.ts';

const claim = (id: string) => {
  const found = claimsFile.claims.find((c) => c.id === id);
  if (!found) throw new Error(`no claim ${id}`);
  return found;
};

describe('restates: a quote that says what the statement above it says', () => {
  it('is found in other words, other spellings and with the source named around it', () => {
    expect(
      restates(
        'TikTok said that 100% of its US user traffic is being routed to Oracle Cloud Infrastructure.',
        "TikTok released a statement claiming that '100% of US user traffic is being routed to Oracle Cloud Infrastructure'",
      ),
    ).toBe(true);
    // Word forms meet by their stems: accessed / access, employees / employee.
    expect(restates('Employees accessed the data.', 'An employee had access to data')).toBe(true);
  });

  it('is not a quote that tells something else or much more than the statement', () => {
    const able = claim('bytedance-staff-able-to-access-us-data');
    const first = able.evidence.find((e) => !('support' in e));
    expect(restates(able.statement, first?.quote ?? '')).toBe(false);
    expect(restates('TikTok moved US user data to Oracle servers.', 'The weather in Austin was mild.')).toBe(false);
  });

  it('says nothing is restated when the statement has no content words', () => {
    expect(restates('', 'anything')).toBe(false);
    expect(restates('It is so.', 'It is so.')).toBe(false);
  });

  it('folds most first quotes of the seeds, which mostly paraphrase them, but not all', () => {
    const firstQuotes = claimsFile.claims.map((c) => {
      const full = c.evidence.find((e) => !('support' in e)) ?? c.evidence[0];
      return restates(c.statement, full?.quote ?? '');
    });
    const folded = firstQuotes.filter(Boolean).length;
    expect(folded).toBeGreaterThan(firstQuotes.length * 0.8);
    expect(folded).toBeLessThan(firstQuotes.length);
  });
});
