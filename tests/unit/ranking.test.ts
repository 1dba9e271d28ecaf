/**
 * The one ranking: which claims, in which order, for a mention (the card), a page (the popup and the side
 * panel) and a query (every search box).
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('virtual:claimlight/claims-index', () => import('./seeds.ts').then((seeds) => seeds.claimsIndexModule()));
vi.mock('virtual:claimlight/claim-signatures', () =>
  import('./seeds.ts').then((seeds) => seeds.claimSignaturesModule()),
);

const { cardSummary } = await import('../../src/background/cardClaims.ts');
const { builtInCatalog } = await import('../../src/shared/catalog/builtIn.ts');
const { companyName } = await import('../../src/shared/catalog/catalog.ts');
const { CLAIMS_INDEX } = await import('../../src/shared/claimsIndex.ts');
const { matcherOf } = await import('../../src/shared/claimMatch/matcher.ts');
const builtInMatcher = () => matcherOf(builtInCatalog());
const { reportCount } = await import('../../src/shared/claims.ts');
const { claimsForPage, corroborationOrder, searchClaims } = await import('../../src/shared/ranking.ts');

type Entity = 'tiktok' | 'bytedance' | 'oracle';
const ids = (card: ReturnType<typeof cardSummary>) => card?.summary.claims.map((claim) => claim.id) ?? [];
const about = (entity: Entity) => CLAIMS_INDEX.claims.filter((claim) => claim.entities.includes(entity));
const standing = (entity: Entity) =>
  corroborationOrder(about(entity), entity)
    .slice(0, 4)
    .map((claim) => claim.id);
const storyPage = { sentences: [], aboutStory: true, ranked: ['fourteen-statements-from-nine-employees'] };
const card = (entity: Entity, paragraph: string, page: typeof storyPage | null, lead: string | null = null) =>
  cardSummary(builtInCatalog(), { entity, lead, paragraph }, page);
const nameOf = (id: string) => companyName(builtInCatalog(), id);
const found = (claims: typeof CLAIMS_INDEX.claims, query: string) =>
  searchClaims(claims, query, builtInMatcher(), nameOf).hits.map((hit) => hit.claim.id);

describe('corroboration, the standing order', () => {
  it('puts claims more reports carry first, then those mainly about the company', () => {
    const order = corroborationOrder(about('oracle'), 'oracle');
    for (let i = 1; i < order.length; i++)
      expect(reportCount(order[i - 1]!)).toBeGreaterThanOrEqual(reportCount(order[i]!));
    const tied = order.filter((claim) => reportCount(claim) === reportCount(order[0]!));
    const mainFirst = tied.findIndex((claim) => claim.entities[0] !== 'oracle');
    if (mainFirst >= 0) expect(tied.slice(mainFirst).every((claim) => claim.entities[0] !== 'oracle')).toBe(true);
  });
});

describe('a mention’s claims (the card)', () => {
  it('lead with what the paragraph around the mention says', () => {
    const paragraph =
      'Oracle now handles the app’s American traffic: the company said US users’ data is routed to Oracle Cloud Infrastructure, with its own Virginia and Singapore data centers kept only as backup.';
    const shown = card('oracle', paragraph, storyPage);
    expect(shown?.related).toBe(true);
    expect(ids(shown).slice(0, 2)).toContain('us-traffic-routed-to-oracle-cloud');
    expect(ids(shown)).not.toEqual(standing('oracle'));
  });

  it('follow the page’s ranking where the paragraph says nothing beyond the name', () => {
    expect(ids(card('tiktok', 'TikTok', storyPage))[0]).toBe('fourteen-statements-from-nine-employees');
  });

  it('lead with the claim a hovered sentence repeats', () => {
    const shown = card('tiktok', 'Oracle moved the traffic.', storyPage, 'everything-is-seen-in-china');
    expect(ids(shown)[0]).toBe('everything-is-seen-in-china');
  });

  it('are folded, in their standing order, on a page about something else', () => {
    const paragraph = 'Oracle reported record cloud revenue as its database business grew this quarter.';
    const shown = card('oracle', paragraph, { sentences: [], aboutStory: false, ranked: [] });
    expect(shown?.related).toBe(false);
    expect(ids(shown)).toEqual(standing('oracle'));
  });

  it('make no claim that a page is unrelated before its text has been matched', () => {
    const shown = card('tiktok', 'A dance trend went viral on TikTok.', null);
    expect(shown?.related).toBe(true);
    // The paragraph alone is not about the story: it does not reorder the claims.
    expect(ids(shown)).toEqual(standing('tiktok'));
  });
});

describe('a page’s claims (the popup and the side panel)', () => {
  it('lists each claim about the companies once, the companies’ orders interleaved', () => {
    const claims = claimsForPage(CLAIMS_INDEX, ['oracle', 'bytedance'], null).map((claim) => claim.id);
    expect(new Set(claims).size).toBe(claims.length);
    const expected = new Set([...about('oracle'), ...about('bytedance')].map((claim) => claim.id));
    expect(new Set(claims)).toEqual(expected);
    // Interleaved: the first two are each company's own first claim.
    expect(claims.slice(0, 2)).toEqual([
      corroborationOrder(about('oracle'), 'oracle')[0]!.id,
      corroborationOrder(about('bytedance'), 'bytedance').find((claim) => !about('oracle').includes(claim))!.id,
    ]);
  });

  it('leads with what a page on the story repeats, and ignores the ranking of a page that is not', () => {
    const page = { sentences: [], aboutStory: true, ranked: ['oracle-to-audit-data-protocols'] };
    expect(claimsForPage(CLAIMS_INDEX, ['oracle'], page)[0]?.id).toBe('oracle-to-audit-data-protocols');
    const unrelated = { ...page, aboutStory: false };
    expect(claimsForPage(CLAIMS_INDEX, ['oracle'], unrelated)[0]?.id).toBe(
      corroborationOrder(about('oracle'), 'oracle')[0]!.id,
    );
  });
});

describe('search, one rule everywhere', () => {
  it('finds the claims holding every word, anywhere in them, case and accents aside', () => {
    const hits = found(CLAIMS_INDEX.claims, 'MASTER admín');
    expect(hits[0]).toBe('master-admin-has-access-to-everything');
    for (const id of hits) {
      const claim = CLAIMS_INDEX.claims.find((c) => c.id === id)!;
      const text = [claim.statement, claim.attribution, claim.note, ...claim.evidence.map((e) => e[1])]
        .join(' ')
        .toLowerCase();
      expect(text).toMatch(/\bmaster/);
      expect(text).toMatch(/\badmin/);
    }
  });

  it('looks in the note and the quotes too, and matches words from their start', () => {
    // A word only a note uses (no statement, attribution or quote has it) finds that note's claim.
    const elsewhere = (claim: (typeof CLAIMS_INDEX.claims)[number]) =>
      [claim.statement, claim.attribution, ...claim.evidence.map((e) => e[1])].join(' ').toLowerCase();
    const everywhere = CLAIMS_INDEX.claims.map(elsewhere).join(' ');
    const noted = CLAIMS_INDEX.claims.flatMap((claim) =>
      (claim.note?.toLowerCase().match(/\p{L}{7,}/gu) ?? [])
        .filter((word) => !everywhere.includes(word))
        .map((word) => ({ word, id: claim.id })),
    );
    expect(noted.length).toBeGreaterThan(0);
    for (const { word, id } of noted.slice(0, 5)) expect(found(CLAIMS_INDEX.claims, word)).toContain(id);
    // Word starts: "access" finds "accessed"; "cause" does not find "because".
    expect(found(CLAIMS_INDEX.claims, 'access')).toContain('china-based-staff-accessed-us-data');
    for (const id of found(CLAIMS_INDEX.claims, 'cause')) {
      const claim = CLAIMS_INDEX.claims.find((c) => c.id === id)!;
      expect(`${elsewhere(claim)} ${claim.note ?? ''}`).toMatch(/\bcause/i);
    }
  });

  it('returns the same claims for the same words in the popup’s list and the library', () => {
    const pageClaims = claimsForPage(CLAIMS_INDEX, ['tiktok', 'bytedance', 'oracle'], null);
    for (const query of ['Singapore backup', 'senate', 'everything is seen']) {
      expect(new Set(found(pageClaims, query))).toEqual(new Set(found(CLAIMS_INDEX.claims, query)));
    }
  });

  it('reads a sentence by the claim matcher: the claims it repeats first', () => {
    const result = searchClaims(
      CLAIMS_INDEX.claims,
      'Engineers in China had access to the data of American users, according to leaked audio.',
      builtInMatcher(),
      nameOf,
    );
    expect(result.asText).toBe(true);
    expect(result.hits[0]?.by).toBe('repeats');
    expect(result.hits.filter((hit) => hit.by === 'repeats').map((hit) => hit.claim.id)).toEqual(
      expect.arrayContaining(['bytedance-staff-able-to-access-us-data']),
    );
  });

  it('finds nothing the reports repeat in a sentence about something else', () => {
    const result = searchClaims(
      CLAIMS_INDEX.claims,
      'The company reported quarterly revenue of 12 billion dollars, up 8 percent, on strong cloud demand.',
      builtInMatcher(),
      nameOf,
    );
    expect(result.hits.filter((hit) => hit.by !== 'near')).toEqual([]);
  });

  it('finds a claim by its company’s name, not only its id (a pack’s company may be named otherwise)', () => {
    const [template] = CLAIMS_INDEX.claims;
    if (!template) throw new Error('no claims');
    const claim = {
      id: 'caldera-fleet',
      kind: template.kind,
      statement: 'The fleet runs on electric buses.',
      attribution: 'A fictional report',
      evidence: [],
      entities: ['caldera'],
    };
    const names = (id: string) => (id === 'caldera' ? 'Caldera Mobility' : id);
    expect(searchClaims([claim], 'mobility', null, names).hits.map((hit) => hit.claim.id)).toEqual(['caldera-fleet']);
    expect(searchClaims([claim], 'tiktok', null, names).hits).toEqual([]);
  });

  it('lists everything for an empty query', () => {
    expect(found(CLAIMS_INDEX.claims, '  ')).toHaveLength(CLAIMS_INDEX.claims.length);
  });
});
