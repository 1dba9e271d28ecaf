/** The hover card's claims: ranked by the hovered paragraph, then the page; folded on a page about something else. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('virtual:claimlight/claims-index', () => import('./seeds.ts').then((seeds) => seeds.claimsIndexModule()));

vi.mock('virtual:claimlight/claim-signatures', () =>
  import('./seeds.ts').then((seeds) => seeds.claimSignaturesModule()),
);

const { cardSummary } = await import('../../src/background/cardClaims.ts');
const { CLAIMS_INDEX } = await import('../../src/shared/claimsIndex.ts');
const { CARD_LIMITS, summarize } = await import('../../src/shared/summary.ts');

const ids = (card: ReturnType<typeof cardSummary>) => card?.summary.claims.map((claim) => claim.id) ?? [];
const unranked = (entity: 'tiktok' | 'oracle') =>
  summarize(CLAIMS_INDEX, entity, undefined, CARD_LIMITS)?.claims.map((claim) => claim.id) ?? [];
const storyPage = { sentences: [], aboutStory: true, ranked: ['fourteen-statements-from-nine-employees'] };

describe('the card’s claims', () => {
  it('lead with what the paragraph around the mention says', () => {
    const context =
      'Oracle now handles the app’s American traffic: the company said US users’ data is routed to Oracle Cloud Infrastructure, with its own Virginia and Singapore data centers kept only as backup.';
    const card = cardSummary({ entity: 'oracle', first: null, context }, storyPage);
    expect(card?.related).toBe(true);
    // The routing claim first; the backups come with TikTok's aim to "fully pivot" to Oracle, the Oracle claim whose
    // passage keeps the Virginia and Singapore data centers for backups (the backups claim itself is not about Oracle).
    expect(ids(card)[0]).toBe('us-traffic-routed-to-oracle-cloud');
    expect(ids(card).slice(0, 3)).toContain('tiktok-aims-to-fully-pivot-to-oracle');
    expect(ids(card)).not.toEqual(unranked('oracle'));
  });

  it('follow the page’s ranking where the paragraph says nothing beyond the name', () => {
    const card = cardSummary({ entity: 'tiktok', first: null, context: 'TikTok' }, storyPage);
    expect(ids(card)[0]).toBe('fourteen-statements-from-nine-employees');
  });

  it('lead with the claim a hovered sentence repeats', () => {
    const card = cardSummary(
      { entity: 'tiktok', first: 'everything-is-seen-in-china', context: 'Oracle moved the traffic.' },
      storyPage,
    );
    expect(ids(card)[0]).toBe('everything-is-seen-in-china');
  });

  it('are folded, unranked, on a page about something else', () => {
    const context = 'Oracle reported record cloud revenue as its database business grew this quarter.';
    const card = cardSummary(
      { entity: 'oracle', first: null, context },
      { sentences: [], aboutStory: false, ranked: [] },
    );
    expect(card?.related).toBe(false);
    expect(ids(card)).toEqual(unranked('oracle'));
  });

  it('make no claim that a page is unrelated before its text has been matched', () => {
    const card = cardSummary({ entity: 'tiktok', first: null, context: 'A dance trend went viral on TikTok.' }, null);
    expect(card?.related).toBe(true);
    // The paragraph alone is not about the story: it does not reorder the claims.
    expect(ids(card)).toEqual(unranked('tiktok'));
  });
});
