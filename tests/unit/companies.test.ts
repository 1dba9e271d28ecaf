// @vitest-environment happy-dom
/** The companies come from seeds/companies.json: the pre-test and the shipped rules. */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_COMPANIES } from '../../src/shared/lexicon.ts';
import { findMentions, compileMatcher } from '../../src/shared/mentions.ts';

/** Every way the rules say a company may be written: each spelling, and in every case when case is ignored. */
function spellingsOf(company: (typeof BUILT_IN_COMPANIES)[number]): string[] {
  const { spellings, ignoreCase } = company.mentions;
  return ignoreCase ? spellings.flatMap((s) => [s, s.toLowerCase(), s.toUpperCase()]) : spellings;
}

describe('the companies in seeds/companies.json', () => {
  it("let every rule's spellings through the pre-test, alone and in running text", async () => {
    const { MAY_MENTION, mayMention } = await import('../../src/content/detect/pretest.ts');
    const matcher = compileMatcher(BUILT_IN_COMPANIES);
    const spellings = BUILT_IN_COMPANIES.flatMap((company) =>
      spellingsOf(company).map((s) => [company.id, s] as const),
    );
    expect(spellings.length).toBeGreaterThan(BUILT_IN_COMPANIES.length);
    for (const [id, spelling] of spellings) {
      for (const text of [spelling, `Reports about ${spelling}, in 2022.`, `(${spelling})`]) {
        // The full rules find it (so the spelling really is a mention), and the cheap tests never drop it.
        expect(
          findMentions(matcher, text).map((m) => m.entity),
          text,
        ).toEqual([id]);
        expect(MAY_MENTION.test(text), text).toBe(true);
        expect(mayMention(text), text).toBe(true);
      }
    }
  });
});
