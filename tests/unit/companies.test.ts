// @vitest-environment happy-dom
/** The companies come from seeds/companies.json: the generated type, the pre-test, the shipped rules. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { companyIds, ENTITY_ID_FILE, entityIdSource } from '../../scripts/build/entityIds.ts';
import { COMPANIES } from '../../src/shared/lexicon.ts';
import { findMentions, compileMatcher } from '../../src/shared/mentions.ts';

const ROOT = join(import.meta.dirname, '../..');

/** Every way the rules say a company may be written: each spelling, and in every case when case is ignored. */
function spellingsOf(company: (typeof COMPANIES)[number]): string[] {
  const { spellings, ignoreCase } = company.mentions;
  return ignoreCase ? spellings.flatMap((s) => [s, s.toLowerCase(), s.toUpperCase()]) : spellings;
}

describe('the companies in seeds/companies.json', () => {
  it('type EntityId as the data lists them (regenerate with `npm run companies`)', () => {
    const data = readFileSync(join(ROOT, 'seeds/companies.json'), 'utf8');
    expect(readFileSync(join(ROOT, ENTITY_ID_FILE), 'utf8')).toBe(entityIdSource(companyIds(data)));
  });

  it("let every rule's spellings through the pre-test, alone and in running text", async () => {
    const { MAY_MENTION, mayMention } = await import('../../src/content/detect/pretest.ts');
    const matcher = compileMatcher(COMPANIES);
    const spellings = COMPANIES.flatMap((company) => spellingsOf(company).map((s) => [company.id, s] as const));
    expect(spellings.length).toBeGreaterThan(COMPANIES.length);
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
