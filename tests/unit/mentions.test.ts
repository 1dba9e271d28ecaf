import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMentions } from '../../src/shared/mentions.ts';
import { mentionMatcher } from '../../src/content/highlight/matchers.ts';
import { BUILT_IN_COMPANIES } from '../../src/shared/lexicon.ts';

const mentions = (text: string) => findMentions(mentionMatcher(), text).map(({ entity, text: t }) => `${entity}:${t}`);

describe('TikTok mentions', () => {
  it.each(['TikTok', 'Tik Tok', 'Tik-Tok', 'tiktok', 'TIKTOK', 'Tiktok', 'tik tok', 'Tik\u00a0Tok'])(
    'finds %j',
    (spelling) => expect(mentions(`I saw it on ${spelling} yesterday.`)).toEqual([`tiktok:${spelling}`]),
  );
  it('finds possessives and German compounds', () => {
    expect(mentions("TikTok's policy")).toEqual(['tiktok:TikTok']);
    expect(mentions('ein TikTok-Video')).toEqual(['tiktok:TikTok']);
    expect(mentions('die TikTok-Nutzerin')).toEqual(['tiktok:TikTok']);
  });
  it('ignores longer words', () => {
    expect(mentions('a famous TikToker and two TikTokers')).toEqual([]);
    expect(mentions('tiktoker')).toEqual([]);
    expect(mentions('myTikTok')).toEqual([]);
    expect(mentions('TikTok2')).toEqual([]);
  });
});

describe('ByteDance mentions', () => {
  it.each(['ByteDance', 'Byte Dance', 'bytedance', 'BYTEDANCE', 'Bytedance'])('finds %j', (spelling) =>
    expect(mentions(`owned by ${spelling}.`)).toEqual([`bytedance:${spelling}`]),
  );
  it('finds the Chinese name, even inside Chinese text', () => {
    expect(mentions('字节跳动公司')).toEqual(['bytedance:字节跳动']);
    expect(mentions('北京字节跳动科技有限公司')).toEqual(['bytedance:字节跳动']);
  });
  it('ignores longer words', () => {
    expect(mentions('ByteDancers')).toEqual([]);
  });
});

describe('Oracle mentions', () => {
  it('finds the company name in title case and capitals', () => {
    expect(mentions('Oracle Cloud Infrastructure')).toEqual(['oracle:Oracle']);
    expect(mentions('ORACLE CORP')).toEqual(['oracle:ORACLE']);
    expect(mentions("Oracle's cloud")).toEqual(['oracle:Oracle']);
    expect(mentions('Sun (now Oracle)')).toEqual(['oracle:Oracle']);
  });
  it('finds Oracle right next to Japanese text', () => {
    expect(mentions('Oracle Cloud Infrastructure対応')).toEqual(['oracle:Oracle']);
    expect(mentions('新しいOracle対応')).toEqual(['oracle:Oracle']);
  });
  it('ignores the common noun, "Oracle of …" and longer words', () => {
    expect(mentions('a database oracle')).toEqual([]);
    expect(mentions('the Oracle of Delphi')).toEqual([]);
    expect(mentions('the Oracle of Omaha')).toEqual([]);
    expect(mentions('ORACLE OF DELPHI')).toEqual([]);
    expect(mentions('TheMoonOracle')).toEqual([]);
    expect(mentions('Oracles')).toEqual([]);
    expect(mentions('OraCle')).toEqual([]);
  });
  it('still finds Oracle before a word that merely starts with "of"', () => {
    expect(mentions('Oracle offers cloud')).toEqual(['oracle:Oracle']);
  });
});

it('finds every company in one pass, in order', () => {
  expect(mentions('TikTok, owned by ByteDance, moved traffic to Oracle.')).toEqual([
    'tiktok:TikTok',
    'bytedance:ByteDance',
    'oracle:Oracle',
  ]);
});

describe('the cheap pre-test', () => {
  it('never misses what the full rules find', async () => {
    const { MAY_MENTION } = await import('../../src/content/detect/pretest.ts');
    const samples = [
      'TikTok',
      'Tik Tok',
      'tik-tok',
      'TIKTOK',
      'tIkToK',
      'ByteDance',
      'byte dance',
      'BYTEDANCE',
      '字节跳动',
      'Oracle',
      'ORACLE',
      "TikTok's",
      'Oracle対応',
      'Tik\u00a0Tok',
      'Tik\u2011Tok',
    ];
    for (const text of samples) {
      expect(findMentions(mentionMatcher(), text).length, text).toBeGreaterThan(0);
      expect(MAY_MENTION.test(text), text).toBe(true);
    }
  });

  it('lets the common noun "oracle" through without waking anything', async () => {
    const { MAY_MENTION } = await import('../../src/content/detect/pretest.ts');
    expect(MAY_MENTION.test('the oracle of the allotment')).toBe(false);
  });

  it('passes every spelling of every rule, in every case the rule allows, derived from the rules', async () => {
    const { MAY_MENTION } = await import('../../src/content/detect/pretest.ts');
    for (const company of BUILT_IN_COMPANIES) {
      const { spellings, ignoreCase } = company.mentions;
      for (const spelling of spellings) {
        const variants = ignoreCase ? [spelling, spelling.toUpperCase(), spelling.toLowerCase()] : [spelling];
        for (const variant of variants) {
          for (const text of [
            variant,
            `${variant}.`,
            `(${variant})`,
            `says ${variant}'s`,
            `on ${variant}\u00a0today`,
          ]) {
            expect(findMentions(mentionMatcher(), text).length, text).toBeGreaterThan(0);
            expect(MAY_MENTION.test(text), `${company.id}: ${text}`).toBe(true);
          }
        }
      }
    }
  });

  it('stops on near misses the whole-word and exclusion rules reject, as the rules do', async () => {
    const { MAY_MENTION } = await import('../../src/content/detect/pretest.ts');
    for (const text of [
      'TheMoonOracle',
      'TikToker',
      'bytedancer',
      'Oracle of Delphi',
      'ORACLE OF DELPHI',
      'the oracle',
    ]) {
      expect(findMentions(mentionMatcher(), text), text).toEqual([]);
      expect(MAY_MENTION.test(text), text).toBe(false);
    }
  });

  it('over-approximates the rules: whatever they find in any text, it finds', async () => {
    const { MAY_MENTION } = await import('../../src/content/detect/pretest.ts');
    const pieces = [
      ...BUILT_IN_COMPANIES.flatMap((c) => c.mentions.spellings),
      ...BUILT_IN_COMPANIES.flatMap((c) => c.mentions.notFollowedBy),
      'oracle',
      'tik',
      'tok',
      'x',
      '_',
      '1',
      'é',
      '×',
      'ж',
      '対応',
      '\u0301',
      ' ',
      '\u00a0',
      '-',
      '\u2011',
      "'",
      '.',
      '—',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        if (findMentions(mentionMatcher(), text).length > 0) expect(MAY_MENTION.test(text), text).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
