/**
 * The catalog: the built-in claims and the enabled claim packs as one index, one company list and one
 * matcher; a pack's claims found by page-aware matching; switched-off and set-aside packs kept out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('virtual:claimlight/claims-index', () => import('./seeds.ts').then((seeds) => seeds.claimsIndexModule()));
vi.mock('virtual:claimlight/claim-signatures', () =>
  import('./seeds.ts').then((seeds) => seeds.claimSignaturesModule()),
);
vi.mock('virtual:claimlight/source-texts', () => import('./seeds.ts').then((seeds) => seeds.sourceTextsModule()));

const { BUILT_IN, builtInCatalog } = await import('../../src/shared/catalog/builtIn.ts');
const { buildCatalog, mergeIndexes, timeframeAbout } = await import('../../src/shared/catalog/catalog.ts');
const { parseActiveCompanies, parsePackState } = await import('../../src/shared/catalog/state.ts');
const { matcherOf } = await import('../../src/shared/claimMatch/matcher.ts');
const { readPage } = await import('../../src/shared/claimMatch/match.ts');
const { summarizeClaim } = await import('../../src/shared/summary.ts');
const { citationOf, cslItems } = await import('../../src/shared/citation.ts');
const { verifyPack } = await import('../../src/shared/packs/verifyPack.ts');
const { preTestSources } = await import('../../src/shared/mentions.ts');
const { BUILT_IN_COMPANIES } = await import('../../src/shared/lexicon.ts');

const PACK_FILE = join(import.meta.dirname, '../fixtures/packs/harbor.claimlight.json');

async function harbor() {
  const result = await verifyPack(readFileSync(PACK_FILE, 'utf8'), { builtIn: BUILT_IN_COMPANIES, installed: [] });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.pack;
}

const on = (enabled = true, builtIn = true) => ({
  builtIn,
  packs: [{ id: 'harbor', enabled, added: '2026-12-05T10:00:00.000Z' }],
});

describe('the catalog', () => {
  it('has the built-in claims alone without packs', () => {
    const catalog = builtInCatalog();
    expect(catalog.index).toBe(BUILT_IN.index);
    expect(catalog.companies.map((c) => c.id)).toEqual(['tiktok', 'bytedance', 'oracle']);
    expect(catalog.packs).toEqual([]);
  });

  it('merges an enabled pack: its claims after the built-in ones, its sources renumbered, its company listed', async () => {
    const pack = await harbor();
    const catalog = buildCatalog(BUILT_IN, on(), new Map([['harbor', pack]]));
    const builtInCount = BUILT_IN.index.claims.length;
    expect(catalog.index.claims.length).toBe(builtInCount + pack.index.claims.length);
    expect(catalog.companies.map((c) => c.id)).toEqual(['tiktok', 'bytedance', 'oracle', 'larkspur']);
    // Every pack claim's evidence points at one of the pack's own sources, quote and all.
    for (const claim of catalog.index.claims.slice(builtInCount)) {
      expect(claim.pack).toBe('harbor');
      for (const [at, quote] of claim.evidence) {
        const source = catalog.index.sources[at];
        expect(source?.pack, claim.id).toBe('harbor');
        expect(catalog.sourceText(source?.file ?? '')).toContain(quote.split(/\s+/).slice(0, 4).join(' '));
      }
    }
    // A pack claim is summarised with its pack's name and counted out of its own reports.
    const claim = catalog.index.claims[builtInCount];
    if (!claim) throw new Error('no pack claim');
    const summary = summarizeClaim(catalog, claim);
    expect(summary.pack).toBe(pack.name);
    expect(summary.outOf).toBe(pack.index.sources.length);
    expect(summary.companyNames).toContain('Larkspur Robotics');
    // A built-in claim keeps its five reports.
    const builtInClaim = catalog.index.claims[0];
    if (!builtInClaim) throw new Error('no built-in claim');
    expect(summarizeClaim(catalog, builtInClaim)).toMatchObject({ pack: null, outOf: BUILT_IN.index.sources.length });
    // The dates of the pack's reports, not the 2022 reports', for its own company.
    expect(timeframeAbout(catalog, ['larkspur']).dates).toEqual(['2026-03-04', '2026-03-19', '2026-04-02']);
  });

  it("finds a page sentence that repeats a pack's claim, and the built-in ones still", async () => {
    const catalog = buildCatalog(BUILT_IN, on(), new Map([['harbor', await harbor()]]));
    const text = [
      'The robot maker Larkspur Robotics has signed a five-year agreement to run its fleet-control software on Oracle Cloud Infrastructure, the company said.',
      'Employees of ByteDance in China repeatedly accessed nonpublic data about US TikTok users, according to leaked recordings of internal meetings.',
    ].join('\n\n');
    const reading = readPage(text, matcherOf(catalog));
    const found = reading.matches.flatMap((sentence) => sentence.matches.map((m) => m.claimId));
    expect(found).toContain('harbor--larkspur-signs-oracle-cloud-agreement');
    expect(found.some((id) => !id.startsWith('harbor--'))).toBe(true);
  });

  it("cites a pack's report with the address and retrieval date its maker states", async () => {
    const pack = await harbor();
    const catalog = buildCatalog(BUILT_IN, on(), new Map([['harbor', pack]]));
    const claim = catalog.index.claims.find((c) => c.id === 'harbor--larkspur-signs-oracle-cloud-agreement');
    if (!claim) throw new Error('no such pack claim');
    const citation = citationOf(catalog.index, claim);
    const report = citation?.quotes[0].report;
    expect(report?.url).toBe('https://tidewater-ledger.example/2026/03/04/larkspur-oracle-cloud');
    expect(report?.retrieved).toBe('2026-03-05');
    const labels = { according: (who: string) => `According to ${who}`, reportNote: (n: number) => String(n) };
    const [item] = cslItems(citation ? [citation] : [], labels);
    expect(item).toMatchObject({
      URL: 'https://tidewater-ledger.example/2026/03/04/larkspur-oracle-cloud',
      accessed: { 'date-parts': [[2026, 3, 5]] },
      issued: { 'date-parts': [[2026, 3, 4]] },
    });
  });

  it('leaves out a switched-off pack, and the built-in claims when they are off', async () => {
    const pack = await harbor();
    const off = buildCatalog(BUILT_IN, on(false), new Map([['harbor', pack]]));
    expect(off.index.claims.every((claim) => claim.pack === undefined)).toBe(true);
    expect(off.index.claims.length).toBe(BUILT_IN.index.claims.length);
    expect(off.companies.map((c) => c.id)).toEqual(['tiktok', 'bytedance', 'oracle']);
    const packOnly = buildCatalog(BUILT_IN, on(true, false), new Map([['harbor', pack]]));
    expect(packOnly.index.claims.every((claim) => claim.pack === 'harbor')).toBe(true);
    expect(packOnly.index.claims.length).toBe(pack.index.claims.length);
    // Only the companies its claims name: Oracle (named by the pack) and Larkspur; TikTok and ByteDance are not.
    expect(packOnly.companies.map((c) => c.id)).toEqual(['oracle', 'larkspur']);
  });

  it('sets aside a stored pack that did not parse, keeping the rest', () => {
    const catalog = buildCatalog(BUILT_IN, on(), new Map([['harbor', null]]));
    expect(catalog.packs).toMatchObject([{ id: 'harbor', pack: null }]);
    expect(catalog.index.claims.length).toBe(BUILT_IN.index.claims.length);
  });

  it('merges indexes without moving the first', () => {
    const merged = mergeIndexes([BUILT_IN.index, BUILT_IN.index]);
    const n = BUILT_IN.index.sources.length;
    expect(merged.claims[0]).toBe(BUILT_IN.index.claims[0]);
    expect(merged.claims[BUILT_IN.index.claims.length]?.evidence[0]?.[0]).toBe(
      (BUILT_IN.index.claims[0]?.evidence[0]?.[0] ?? 0) + n,
    );
  });
});

describe('the stored pack state', () => {
  it('falls back to the built-in claims alone when corrupt', () => {
    expect(parsePackState(undefined)).toEqual({ builtIn: true, packs: [] });
    expect(parsePackState({ builtIn: 'yes' })).toEqual({ builtIn: true, packs: [] });
    expect(parsePackState({ builtIn: false, packs: [{ id: 'Bad Id', enabled: true, added: 'x' }] })).toEqual({
      builtIn: false,
      packs: [],
    });
    expect(parsePackState(on())).toEqual(on());
  });

  it("accepts the content script's company list only when whole", () => {
    const active = { companies: BUILT_IN_COMPANIES, pretest: preTestSources(BUILT_IN_COMPANIES) };
    expect(parseActiveCompanies(JSON.parse(JSON.stringify(active)))).toEqual(active);
    expect(parseActiveCompanies({ ...active, companies: [{ id: 'x y' }] })).toBeNull();
    expect(parseActiveCompanies({ companies: BUILT_IN_COMPANIES })).toBeNull();
  });
});
