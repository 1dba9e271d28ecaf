// @vitest-environment happy-dom
/**
 * Adding a company is one entry in seeds/companies.json: with a fourth entry
 * (and nothing else changed), its ids, counts, settings, messages, pre-test
 * and highlighting all follow.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../seeds/companies.json', async (importOriginal) => {
  const original = await importOriginal<{ default: { companies: unknown[] } }>();
  const acme = {
    id: 'acme',
    name: 'Acme',
    description: 'A fourth company, for this test only.',
    mentions: { spellings: ['Acme Corp', 'ACME'], ignoreCase: false, notFollowedBy: ['Road'] },
  };
  return { default: { companies: [...original.default.companies, acme] } };
});

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
});

describe('a fourth company', () => {
  it("passes the build's verification of the seeds", async () => {
    const { loadSeeds } = await import('../../scripts/claims/load.ts');
    const { verifySeeds } = await import('../../src/shared/verify/verify.ts');
    const root = join(import.meta.dirname, '../..');
    const seeds = await loadSeeds(join(root, 'seeds'), root);
    const data = JSON.parse(seeds.companies.text) as { companies: unknown[] };
    data.companies.push({
      id: 'acme',
      name: 'Acme',
      description: 'A fourth company, for this test only.',
      mentions: { spellings: ['Acme Corp'], ignoreCase: false, notFollowedBy: [] },
    });
    const result = verifySeeds({ ...seeds, companies: { ...seeds.companies, text: JSON.stringify(data) } });
    expect(result.ok && result.companies.map((c) => c.id)).toEqual(['tiktok', 'bytedance', 'oracle', 'acme']);
  });

  it('is known everywhere the companies are listed', async () => {
    const { BUILT_IN_IDS } = await import('../../src/shared/lexicon.ts');
    const { parseCounts } = await import('../../src/shared/entities.ts');
    const { DEFAULT_SETTINGS, isCompanyOn } = await import('../../src/shared/settings.ts');
    const { parseMessage } = await import('../../src/shared/messages.ts');
    expect(BUILT_IN_IDS).toEqual(['tiktok', 'bytedance', 'oracle', 'acme']);
    expect(isCompanyOn(DEFAULT_SETTINGS, 'acme')).toBe(true);
    expect(parseCounts({ tiktok: 1, bytedance: 0, oracle: 0, acme: 2 })).toEqual({
      tiktok: 1,
      bytedance: 0,
      oracle: 0,
      acme: 2,
    });
    expect(parseMessage({ type: 'library/open', entity: 'acme' })).toEqual({ type: 'library/open', entity: 'acme' });
  });

  it('passes the pre-test and is highlighted and counted', async () => {
    const { subtreeMayMention } = await import('../../src/content/detect/pretest.ts');
    const { Highlighter } = await import('../../src/content/highlight/highlighter.ts');
    const { mentionMatcher } = await import('../../src/content/highlight/matchers.ts');
    document.body.innerHTML = '<p>Acme Corp said so.</p><p>ACME Road is a street; ACME is the company.</p>';
    expect(subtreeMayMention(document.body)).toBe(true);
    const highlighter = new Highlighter(document, {
      changed: () => undefined,
      pageChanged: () => undefined,
      initialPassDone: () => finished(),
    });
    let finished: () => void = () => undefined;
    stop = () => highlighter.stop();
    highlighter.observe(document);
    await new Promise<void>((resolve) => {
      finished = resolve;
      highlighter.start(mentionMatcher());
    });
    const marks = [...document.querySelectorAll('[data-claimlight-entity]')].map(
      (m) => `${m.getAttribute('data-claimlight-entity') ?? ''}:${m.textContent}`,
    );
    expect(marks).toEqual(['acme:Acme Corp', 'acme:ACME']);
    expect(highlighter.counts()).toEqual({ acme: 2 });
  });
});
