import { describe, expect, it } from 'vitest';
import { COMPANY_TERMS, features, normalize, properTerms, terms } from '../../src/shared/claimMatch/features.ts';
import { BUILT_IN_COMPANIES } from '../../src/shared/lexicon.ts';
import {
  aboutStory,
  matchSentence,
  matchText,
  prepareMatcher,
  rankClaimsByText,
  readPage,
} from '../../src/shared/claimMatch/match.ts';
import { punctuationSegmenter, splitSentences } from '../../src/shared/text/sentences.ts';
import { buildSignatures } from '../../src/shared/claimMatch/signatures.ts';
import { seedClaims } from './seeds.ts';

const claims = seedClaims();
const model = buildSignatures(claims);
const matcher = prepareMatcher(model);
const ids = (sentence: string) => matchSentence(sentence, matcher).map((m) => m.claimId);

describe('segmentation', () => {
  const text =
    'Data of U.S. users was accessed. The U.S. President said no. “Everything is seen in China,” said one employee.\nA headline without a stop\nLast one!';
  for (const [name, segmenter] of [
    ['Intl.Segmenter', undefined],
    ['the punctuation fallback', punctuationSegmenter],
  ] as const) {
    it(`splits sentences and keeps abbreviations whole with ${name}`, () => {
      const sentences = splitSentences(text, segmenter);
      expect(sentences.map((s) => s.text)).toEqual([
        'Data of U.S. users was accessed.',
        'The U.S. President said no.',
        '“Everything is seen in China,” said one employee.',
        'A headline without a stop',
        'Last one!',
      ]);
      for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    });
  }
});

describe('features', () => {
  it('folds spelling, typography, numbers and synonyms', () => {
    expect(normalize('U.S.-based')).toContain('usa');
    expect(terms('Fourteen statements from nine employees')).toEqual(['14', 'statement', '9', 'staff']);
    expect(terms('ByteDance workers accessed')).toEqual(terms('bytedance staff accessing'));
    expect(terms('scrutinised centre')).toEqual(terms('scrutinized center'));
    expect(terms('help us')).toEqual(['help']);
    expect(features('master admin')).toContain('master admin');
  });

  it('reads every spelling the mention rules accept as one term per company, and the noun "oracle" as a word', () => {
    expect(terms('Tik Tok, TIKTOK and Tik-Tok')).toEqual(['entity_tiktok', 'entity_tiktok', 'entity_tiktok']);
    expect(terms('Byte Dance (字节跳动)')).toEqual(['entity_bytedance', 'entity_bytedance']);
    expect(terms('Oracle said so; the oracle of Delphi did not')).toEqual(['entity_oracle', 'oracl', 'delphi']);
    expect(COMPANY_TERMS).toEqual(BUILT_IN_COMPANIES.map((company) => `entity_${company.id}`));
  });
});

describe('signature build', () => {
  it('covers every claim with weighted features drawn from its statement and quotes', () => {
    expect(model.ids).toEqual(claims.map((c) => c.id));
    for (const flat of model.claims) {
      expect(flat.length % 2).toBe(0);
      expect(flat.length).toBeGreaterThan(4);
      for (let i = 0; i < flat.length; i += 2) expect(model.vocab[flat[i]!]).toBeDefined();
    }
    const seen = model.claims[model.ids.indexOf('everything-is-seen-in-china')]!;
    const weightOf = (f: string) => seen[seen.indexOf(model.vocab.indexOf(f)) + 1] ?? 0;
    // A quoted, distinctive phrase weighs more than the company's name.
    expect(weightOf('everyth seen')).toBeGreaterThan(weightOf('entity_tiktok'));
  });

  it('derives implied claims only where every full quote of one fully supports the other', () => {
    const pairs = model.implies.map(([a, b]) => `${model.ids[a]} > ${model.ids[b]}`);
    expect(pairs).toContain('china-based-staff-accessed-us-data > bytedance-staff-able-to-access-us-data');
    expect(pairs).not.toContain('bytedance-staff-able-to-access-us-data > china-based-staff-accessed-us-data');
  });
});

describe('the ways coverage repeats a claim, and the ways it does not', () => {
  it('ranks first the claims whose quotes hold the words a sentence quotes', () => {
    const got = ids(
      '“Everything is seen in China,” one staffer said, and a director called an engineer there a “master admin” who “has access to everything.”',
    );
    expect(new Set(got)).toEqual(new Set(['master-admin-has-access-to-everything', 'everything-is-seen-in-china']));
  });

  it('reads other words for the actors and the act', () => {
    expect(ids('Personnel in Beijing repeatedly viewed data on US users, the recordings show.')).toContain(
      'china-based-staff-accessed-us-data',
    );
    expect(ids("Engineers in China got at American users' data again and again, the tapes show.")).toContain(
      'bytedance-staff-able-to-access-us-data',
    );
  });

  it('keeps "could access" apart from "accessed", and a denial apart from what it denies', () => {
    expect(ids('Engineers in China could get at the data of American users.')).not.toContain(
      'china-based-staff-accessed-us-data',
    );
    expect(ids('TikTok insists that staff in China did not have access to American user data.')).not.toContain(
      'bytedance-staff-able-to-access-us-data',
    );
  });

  it('does not match on how the reports know something, or on a question', () => {
    expect(
      ids('The story is based on leaked audio of internal meetings at TikTok, the short-video app owned by ByteDance.'),
    ).not.toContain('china-based-staff-accessed-us-data');
    expect(ids('Did engineers in China repeatedly access American users’ data?')).toEqual([]);
    expect(
      ids('Between September 2021 and January 2022, TikTok rolled out a string of new video editing features.'),
    ).toEqual([]);
  });

  it('adds what a claim entails, after it', () => {
    expect(
      ids("The Commerce Department, on the President's orders, barred Americans from downloading TikTok."),
    ).toEqual(['commerce-department-download-ban', 'trump-pursued-tiktok-ban']);
  });

  it('gives ordinary business news no match, though it shares the story’s words', () => {
    expect(
      ids(
        'Oracle said revenue from its cloud infrastructure rose 52 percent as customers moved data to its data centers.',
      ),
    ).toEqual([]);
    expect(ids('TikTok has 150 million users in Europe.')).toEqual([]);
  });
});

describe('matching', () => {
  it('matches a paraphrase, a partial quote and a number', () => {
    expect(
      ids('Staff at ByteDance in China repeatedly got into non-public information on American TikTok users.'),
    ).toContain('china-based-staff-accessed-us-data');
    expect(ids('TikTok says 100% of US user traffic is now being routed to Oracle Cloud Infrastructure.')).toEqual([
      'us-traffic-routed-to-oracle-cloud',
    ]);
    expect(ids('BuzzFeed counted 14 statements by nine employees.')).toEqual([
      'fourteen-statements-from-nine-employees',
    ]);
  });

  it('matches a sentence that names no company', () => {
    expect(ids('“Everything is seen in China,” said one employee.')).toEqual(['everything-is-seen-in-china']);
    // The court stop entails that a ban was sought (seeds/claims.json, `entails`): both, the stop first.
    expect(ids('The ban was later halted by US judges.')).toEqual([
      'courts-blocked-the-ban',
      'trump-pursued-tiktok-ban',
    ]);
  });

  it('matches both claims of a sentence that makes two', () => {
    const got = ids(
      "“Everything is seen in China,” one staffer said, while a director called a Beijing engineer a 'master admin' who 'has access to everything.'",
    );
    expect(got).toEqual(
      expect.arrayContaining(['everything-is-seen-in-china', 'master-admin-has-access-to-everything']),
    );
  });

  it('matches a second claim only on evidence of its own, not on the words of the first', () => {
    // "Moved" and "US" are explained by the traffic claim: no ride-along "data moved to Oracle".
    expect(
      ids('TikTok has moved all of its US user traffic to Oracle Cloud Infrastructure, the company said.'),
    ).toEqual(['us-traffic-routed-to-oracle-cloud']);
    // A new pairing of words the first claim explains ("members share") is no second claim.
    expect(ids('More and more service members share photos on TikTok that could be geotagged.')).toEqual([
      'military-geotagged-photos-concern',
    ]);
    // The finding itself is told in the story's common terms, which the first claim does not explain here.
    expect(
      ids('According to leaked audio from 80 internal TikTok meetings, employees in China accessed US user data.'),
    ).toEqual(expect.arrayContaining(['recordings-from-80-meetings', 'bytedance-staff-able-to-access-us-data']));
  });

  it('gives unrelated sentences about the same companies no match', () => {
    for (const sentence of [
      'Oracle Database 23ai adds vector search and JSON relational duality views.',
      'A new dance trend set to a remixed pop song has racked up millions of views on TikTok.',
      'Oracle Cloud Infrastructure opened a new region in Madrid.',
      'ByteDance acquired Musical.ly in 2017 and merged it into TikTok the following year.',
      'China.',
      '',
    ]) {
      expect(ids(sentence), sentence).toEqual([]);
    }
  });

  it('does not match on names alone: who is named is not what is said', () => {
    for (const sentence of [
      'Donald Trump told supporters at a rally in Ohio to stop the count.',
      'The US Senate confirmed Joe Biden’s nominee on Tuesday.',
    ]) {
      expect(ids(sentence), sentence).toEqual([]);
    }
    // A word of what the claim says, with the name, still matches.
    expect(ids('Donald Trump tried to ban TikTok in 2020.')).toContain('trump-pursued-tiktok-ban');
  });

  it('learns which terms are names from how the claims write them', () => {
    const names = properTerms(['He met Donald Trump. Trump said the US would act.', 'Officials met at the Senate.']);
    expect([...names].sort()).toEqual(['donald', 'senat', 'trump', 'usa']);
    expect(properTerms(['The senate met. The Senate voted.']).has('senat')).toBe(false);
  });

  it('gives a page about something else no match and calls it unrelated, though its words echo the story’s', () => {
    // A general news page: a charity's appeal, a tech history, politics, and a share link that names TikTok.
    const page = [
      'Charity warns a million young people need urgent help with jobs and training after the pandemic.',
      'The browser was named at a staff meeting, and a small group of employees were tasked with running the new community.',
      'Data from the US government suggests security concerns about access to user records are growing, the former president said.',
      'Share this story on TikTok, Facebook or by email.',
    ].join('\n\n');
    expect(aboutStory(page, matcher)).toBe(true);
    expect(matchText(page, matcher)).toEqual([]);
    // It shares the story's vocabulary, but no sentence anchors it: it does not relate, and nothing is marked.
    expect(readPage(page, matcher)).toEqual({ matches: [], relates: false, ranked: [] });
    // A short brief about the story touches it, though it is too short to be about it by vocabulary.
    const brief = 'Staff at ByteDance could reach US data, a report says. TikTok moved US traffic to Oracle.';
    expect(aboutStory(brief, matcher)).toBe(false);
    // Too short to be marked, but a sentence anchors it: it relates, and is never called unrelated.
    expect(readPage(brief, matcher)).toMatchObject({ matches: [], relates: true });
  });

  it('finds the matched sentences of a story page with their offsets, and none on an unrelated page', () => {
    const story =
      'Big news today.\nLeaked audio from more than 80 internal TikTok meetings shows China-based ByteDance employees repeatedly accessed US user data. "Everything is seen in China," a trust and safety staffer said. TikTok has over a billion users.';
    const found = matchText(story, matcher);
    expect(found.map((s) => story.slice(s.start, s.end))).toEqual(found.map((s) => s.text));
    expect(found.flatMap((s) => s.matches.map((m) => m.claimId))).toEqual(
      expect.arrayContaining([
        'recordings-from-80-meetings',
        'everything-is-seen-in-china',
        'tiktok-has-over-a-billion-users',
      ]),
    );
    const dance =
      'A new dance trend is sweeping TikTok. TikTok has over a billion users worldwide, and the trend has millions of views. Creators post duets.';
    expect(matchText(dance, matcher)).toEqual([]);
    const oracle =
      'Oracle reported record cloud revenue. Its database business grew, and Oracle Cloud Infrastructure added regions.';
    expect(aboutStory(oracle, matcher)).toBe(false);
    expect(matchText(oracle, matcher)).toEqual([]);
    expect(readPage(oracle, matcher)).toEqual({ matches: [], relates: false, ranked: [] });
  });

  it('ranks a company’s claims by what a paragraph says', () => {
    const paragraph =
      'TikTok said it would keep its data centers in Virginia and Singapore for backups while US user traffic goes to Oracle Cloud Infrastructure.';
    const ranked = rankClaimsByText(
      paragraph,
      matcher,
      new Set(claims.filter((c) => c.entities.includes('oracle')).map((c) => c.id)),
    );
    expect(ranked.slice(0, 2).map((r) => r.claimId)).toEqual(
      expect.arrayContaining(['us-traffic-routed-to-oracle-cloud', 'tiktok-aims-to-fully-pivot-to-oracle']),
    );
    expect(ranked.every((r) => claims.find((c) => c.id === r.claimId)?.entities.includes('oracle'))).toBe(true);
  });
});
