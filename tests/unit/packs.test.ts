/**
 * Claim packs: the test pack verifies and rebuilds to the same bytes; every reason to refuse a pack has its
 * own problem; a pack's ids are namespaced; a stored pack is read back only when it is exactly what
 * verifyPack stores; the pack builder writes what it verified and refuses what the browser would.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/claims/pack.ts';
import { loadSeeds } from '../../scripts/claims/load.ts';
import { CLAIM_ID_PATTERN, isSourceFile, PACK_ID_PATTERN, timeframeOf } from '../../src/shared/claims.ts';
import { compileMatcher, findMentions } from '../../src/shared/mentions.ts';
import { BUILT_IN_COMPANIES } from '../../src/shared/lexicon.ts';
import { packText, type PackDocument } from '../../src/shared/packs/format.ts';
import { PACK_LIMITS, utf8Length } from '../../src/shared/packs/limits.ts';
import { splitNamespaced } from '../../src/shared/packs/namespace.ts';
import { parseStoredPack } from '../../src/shared/packs/parseStoredPack.ts';
import type { PackContext, VerifiedPack } from '../../src/shared/packs/types.ts';
import { verifyPack } from '../../src/shared/packs/verifyPack.ts';
import { verifySeeds, type VerifyProblem } from '../../src/shared/verify/verify.ts';

const ROOT = join(import.meta.dirname, '../..');
const PACKS = join(ROOT, 'tests/fixtures/packs');
const FOLDER = join(PACKS, 'harbor-pack');
const PACK_FILE = readFileSync(join(PACKS, 'harbor.claimlight.json'), 'utf8');
const BASE = JSON.parse(PACK_FILE) as PackDocument;
const CONTEXT: PackContext = { builtIn: BUILT_IN_COMPANIES, installed: [] };
const LARKSPUR = JSON.parse(BASE.files['companies.json']) as { companies: VerifiedPack['companies'] };

interface RawClaim {
  id: string;
  statement: string;
  entities: string[];
  evidence: { source: string; quote: string; support?: string }[];
  [key: string]: unknown;
}
type Json = Record<string, unknown>;

const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The test pack's file with its parts rewritten by `edit`. */
function edited(edit: (pack: PackDocument) => void): string {
  const pack = structuredClone(BASE);
  edit(pack);
  return packText(pack, pack.files);
}

/** The list a JSON file of the pack holds ("claims" in claims.json), rewritten by `edit`. */
function editList(
  pack: PackDocument,
  file: 'claims.json' | 'sources.json' | 'companies.json',
  edit: (list: Json[]) => void,
) {
  const data = JSON.parse(pack.files[file]) as Record<string, Json[]>;
  edit(data[file.replace('.json', '')]!);
  pack.files[file] = JSON.stringify(data);
}

const withClaims = (edit: (claims: RawClaim[]) => void) =>
  edited((pack) => editList(pack, 'claims.json', (list) => edit(list as unknown as RawClaim[])));
const withSources = (edit: (sources: Json[]) => void) => edited((pack) => editList(pack, 'sources.json', edit));
const withCompanies = (edit: (companies: Json[]) => void) => edited((pack) => editList(pack, 'companies.json', edit));

const byId = (claims: RawClaim[], id: string) => claims.find((c) => c.id === id)!;

async function problemsOf(text: string, context: PackContext = CONTEXT): Promise<VerifyProblem[]> {
  const result = await verifyPack(text, context);
  if (result.ok) throw new Error('the pack verified, but it should have been refused');
  return result.problems;
}

async function verified(text = PACK_FILE, context: PackContext = CONTEXT): Promise<VerifiedPack> {
  const result = await verifyPack(text, context);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.subject ?? ''}: ${p.message}`).join('\n'));
  return result.pack;
}

const summary = (problems: VerifyProblem[]) =>
  problems.map((p) => `${p.code ?? ''} ${p.file}: ${p.subject ?? ''}: ${p.message}`);

describe('the test pack', () => {
  it('verifies, with its counts, dates, origins and the SHA-256 of its bytes', async () => {
    const pack = await verified();
    expect(pack.id).toBe('harbor');
    expect([pack.index.claims.length, pack.index.sources.length, pack.companies.length]).toEqual([12, 3, 1]);
    expect(timeframeOf(pack.index.sources).dates).toEqual(['2026-03-04', '2026-03-19', '2026-04-02']);
    expect(pack.sha256).toBe(sha256(readFileSync(join(PACKS, 'harbor.claimlight.json'))));
    expect(pack.companies.map((c) => c.id)).toEqual(['larkspur']);
    expect(pack.index.sources.filter((s) => s.url !== undefined).map((s) => s.file)).toEqual([
      'harbor--000_d7275cae0839dd5d.txt',
      'harbor--001_f18b6c451cdbdb9e.txt',
    ]);
    expect(pack.index.sources[0]).toMatchObject({
      url: 'https://tidewater-ledger.example/2026/03/04/larkspur-oracle-cloud',
      retrieved: '2026-03-05',
    });
    expect(pack.index.sources[0]).toMatchObject({ url: expect.any(String) as string, retrieved: '2026-03-05' });
    expect(pack.index.sources[2]).not.toHaveProperty('url');
    // Some claims name the built-in Oracle, some only the pack's own company.
    expect(pack.index.claims.filter((c) => c.entities.includes('oracle')).length).toBeGreaterThan(0);
    expect(pack.index.claims.filter((c) => c.entities.join() === 'larkspur').length).toBeGreaterThan(0);
  });

  it('finds its company by its mention rules, and not "Larkspur Landing" or the flower', () => {
    const matcher = compileMatcher([...BUILT_IN_COMPANIES, ...LARKSPUR.companies]);
    const found = (text: string) => findMentions(matcher, text).map((m) => `${m.entity}:${m.text}`);
    expect(found('Larkspur Robotics moved to Oracle; Larkspur said so.')).toEqual([
      'larkspur:Larkspur Robotics',
      'oracle:Oracle',
      'larkspur:Larkspur',
    ]);
    expect(found('The ferry to Larkspur Landing passed a bed of larkspur.')).toEqual([]);
  });

  it('is refused once a quote is changed, naming the claim by its id and statement, the source and the closest passage', async () => {
    const problems = await problemsOf(readFileSync(join(PACKS, 'harbor-tampered.claimlight.json'), 'utf8'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'verification',
      file: 'harbor/claims.json',
      subject: 'claim "marrowby-restarts-pilot-with-20-carriers"',
      statement:
        'The Port of Marrowby said it would restart the Larkspur pilot on 15 April with a smaller fleet of 20 carriers.',
      message: 'quote is not in 002_94db975726d2775e.txt',
      quote: 'The Port of Marrowby said it would restart the pilot on 15 April with its full fleet of 38 carriers.',
      closest: 'The Port of Marrowby said it would restart the pilot on 15 April with a smaller fleet of 20 carriers.',
    });
  });
});

describe('a pack is refused', () => {
  it('when it is not JSON, not a Claimlight pack, or of a version this Claimlight does not read', async () => {
    expect(summary(await problemsOf('{"format": "claimlight-pack",'))).toEqual([
      expect.stringMatching(/^not-json pack file: : not JSON, so not a Claimlight pack: /) as string,
    ]);
    for (const text of ['[]', '{"format": "other-pack", "version": 1}', '"claimlight-pack"'])
      expect(summary(await problemsOf(text)), text).toEqual([
        'not-a-pack pack file: : not a Claimlight pack: "format" must be "claimlight-pack"',
      ]);
    const v2 = JSON.stringify({ ...BASE, version: 2 });
    expect(summary(await problemsOf(v2))).toEqual([
      'unknown-version pack file: : pack format version 2 is not one this Claimlight reads (it reads version 1)',
    ]);
    const extra = JSON.stringify({ ...BASE, signature: 'trust me' });
    expect(summary(await problemsOf(extra))).toEqual(['not-a-pack harbor: : has unknown field signature']);
  });

  it.each([
    ['Harbor', 'must be a lowercase slug'],
    ['h', 'must be a lowercase slug'],
    ['harbor--old', 'must be a lowercase slug'],
    ['harbor-', 'must be a lowercase slug'],
    ['9harbor', 'must be a lowercase slug'],
    ['a'.repeat(41), 'must be a lowercase slug'],
    ['builtin', 'is reserved'],
    ['claimlight', 'is reserved'],
  ])('when its id is %s', async (id, says) => {
    const problems = await problemsOf(edited((pack) => (pack.id = id)));
    expect(problems.map((p) => p.code)).toEqual(['bad-pack-id']);
    expect(problems[0]!.message).toContain(says);
  });

  it('when its name or description is too long or hides text direction', async () => {
    const long = await problemsOf(edited((pack) => (pack.name = 'N'.repeat(81))));
    expect(summary(long)).toEqual(['bad-pack-info harbor: : name is 81 characters, over the limit of 80']);
    const hidden = await problemsOf(edited((pack) => (pack.description = 'Harbor \u202Ekcap')));
    expect(hidden.map((p) => p.code)).toEqual(['bad-pack-info']);
  });

  it('when its id is installed already, with a code of its own; verified again without it, it verifies', async () => {
    const installed = [{ id: 'harbor', name: 'Harbor, older', companies: LARKSPUR.companies }];
    expect(summary(await problemsOf(PACK_FILE, { ...CONTEXT, installed }))).toEqual([
      'already-installed harbor: : a pack with the id "harbor" is already installed ("Harbor, older")',
    ]);
    expect((await verified(PACK_FILE, { ...CONTEXT, installed: [] })).id).toBe('harbor');
    // As a new version of the installed pack (the options page's "Replace"), with that pack still installed.
    const replacing = await verifyPack(PACK_FILE, { ...CONTEXT, installed }, { replace: true });
    expect(replacing.ok && replacing.pack.id).toBe('harbor');
  });

  it('when its companies.json redefines a built-in company, or takes over its mentions', async () => {
    const oracle = BUILT_IN_COMPANIES.find((c) => c.id === 'oracle')!;
    const redefined = await problemsOf(withCompanies((companies) => companies.push({ ...oracle, name: 'Oracle' })));
    expect(redefined).toEqual([
      expect.objectContaining({
        code: 'built-in-company',
        file: 'harbor/companies.json',
        subject: 'company "oracle"',
        message: expect.stringContaining('"oracle" is a built-in company: a pack may not redefine it') as string,
      }),
    ]);
    const overlapping = await problemsOf(
      withCompanies((companies) =>
        companies.push({
          id: 'orlabs',
          name: 'Oracle Labs',
          description: 'A research group.',
          mentions: { spellings: ['Oracle Labs'], ignoreCase: false, notFollowedBy: [] },
        }),
      ),
    );
    expect(summary(overlapping)).toEqual([
      'built-in-company harbor/companies.json: company "orlabs": spelling "Oracle Labs" holds a mention of the built-in company "oracle" ("Oracle"): a pack may not take over a built-in company\'s mentions',
    ]);
  });

  it('when an installed pack defines one of its company ids with other mention rules, naming that pack', async () => {
    const larkspur = LARKSPUR.companies[0]!;
    const other = (mentions: typeof larkspur.mentions) => ({
      ...CONTEXT,
      installed: [{ id: 'docks', name: 'Docks of the north', companies: [{ ...larkspur, mentions }] }],
    });
    const problems = await problemsOf(PACK_FILE, other({ ...larkspur.mentions, ignoreCase: true }));
    expect(summary(problems)).toEqual([
      'company-conflict harbor/companies.json: company "larkspur": the installed pack "Docks of the north" (docks) defines the company "larkspur" with other mention rules: give this company another id, or the same spellings, case rule and exclusions',
    ]);
    // The same rules, listed in another order and under another name: one company, shared.
    const same = other({ ...larkspur.mentions, spellings: [...larkspur.mentions.spellings].reverse() });
    expect((await verified(PACK_FILE, same)).companies[0]!.id).toBe('larkspur');
  });

  it('when a quote is not in its source, naming the claim, its statement and the closest passage', async () => {
    const problems = await problemsOf(
      withClaims((claims) => {
        byId(claims, 'larkspur-operates-212-carriers').evidence[0]!.quote =
          'Larkspur Robotics operates 312 carriers at four terminals.';
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        subject: 'claim "larkspur-operates-212-carriers"',
        statement: expect.stringContaining('operates 212 carriers') as string,
        message: 'quote is not in 000_d7275cae0839dd5d.txt',
        closest: expect.stringContaining('operates 212 carriers at four terminals') as string,
      }),
    ]);
  });

  it('when a claim cites an unknown source, names an unknown company, or names a company it does not list', async () => {
    const problems = await problemsOf(
      withClaims((claims) => {
        byId(claims, 'larkspur-operates-212-carriers').evidence[0]!.source = '009_abc.txt';
        byId(claims, 'marrowby-paused-pilot-after-outage').entities.push('acme');
        byId(claims, 'oracle-confirmed-agreement-not-terms').entities = ['larkspur'];
        byId(claims, 'larkspur-signs-oracle-cloud-agreement').entities = ['oracle'];
      }),
    );
    expect(problems.map((p) => `${p.subject ?? ''}: ${p.message}`)).toEqual([
      'claim "larkspur-signs-oracle-cloud-agreement": statement names larkspur, so entities must list "larkspur"',
      'claim "oracle-confirmed-agreement-not-terms": statement names oracle, so entities must list "oracle"',
      'claim "larkspur-operates-212-carriers": cites unknown source 009_abc.txt (known: 000_d7275cae0839dd5d.txt, 001_f18b6c451cdbdb9e.txt, 002_94db975726d2775e.txt)',
      'claim "marrowby-paused-pilot-after-outage": names unknown company "acme" (known: tiktok, bytedance, oracle, larkspur)',
    ]);
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(['verification']));
  });

  it('when sources.json has a field the format does not know', async () => {
    const problems = await problemsOf(withSources((sources) => (sources[2]!['homepage'] = 'https://x.example/')));
    expect(summary(problems)).toEqual([
      'verification harbor/sources.json: source "002_94db975726d2775e.txt": has unknown field homepage',
    ]);
  });

  it.each([
    ['ftp://tidewater-ledger.example/a'],
    ['javascript:alert(1)'],
    ['https://tidewater-ledger.example@other.example/a'],
    ['https://tidewater-ledger.example/a b'],
    ['tidewater-ledger.example/a'],
    [42],
  ])('when a url is %s', async (url) => {
    const problems = await problemsOf(withSources((sources) => (sources[0]!['url'] = url)));
    expect(problems.map((p) => p.message)).toEqual([
      'url must be an http:// or https:// address of at most 2000 characters, with no spaces, user name or password',
    ]);
  });

  it.each([['2026-02-30'], ['5 March 2026'], ['2026-3-5'], [20260305]])('when retrieved is %s', async (retrieved) => {
    const problems = await problemsOf(withSources((sources) => (sources[0]!['retrieved'] = retrieved)));
    expect(problems.map((p) => p.message)).toEqual([
      'retrieved must be the date the text was retrieved, written as YYYY-MM-DD',
    ]);
  });

  it("with messages that count the pack's own reports, name its publishers and date it by its own years", async () => {
    const counted = await problemsOf(
      withClaims(
        (claims) =>
          (byId(claims, 'larkspur-operates-212-carriers').statement =
            'Two reports say Larkspur Robotics has 212 carriers.'),
      ),
    );
    expect(counted.map((p) => p.message)).toEqual([
      'statement counts reports ("Two reports"): counts are derived from the evidence ("In N of 3 reports"); ' +
        'drop the count and let the attribution say who asserts it ("A report says…", or the publisher: "Tidewater Ledger writes…")',
    ]);
    const now = await problemsOf(
      withCompanies((companies) => (companies[0]!['description'] = 'Maker of port robots, now on Oracle.')),
    );
    expect(now.map((p) => p.message)).toEqual([
      'description says "now": the reports date from 2026, so say when (for example "in 2026, Larkspur Robotics said")',
    ]);
  });

  it('while a pack may add no company of its own', async () => {
    const problems = await problemsOf(withCompanies((companies) => companies.splice(0)));
    expect(problems.filter((p) => p.file === 'harbor/companies.json')).toEqual([]);
    expect(problems.map((p) => p.message)).toContain(
      'names unknown company "larkspur" (known: tiktok, bytedance, oracle)',
    );
  });
});

describe('a pack over a limit is refused, saying which and by how much, before what the limit bounds is read', () => {
  const overLimit = async (text: string) => {
    const problems = await problemsOf(text);
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(['over-limit']));
    return problems.map((p) => `${p.file}: ${p.subject ?? ''}: ${p.message}`);
  };

  it('the file, measured before it is parsed, in UTF-8 bytes', async () => {
    expect(await overLimit('x'.repeat(PACK_LIMITS.fileBytes + 1))).toEqual([
      'pack file: : the pack file is at least 4,194,305 bytes, over the limit of 4,194,304 bytes (4 MiB)',
    ]);
    // Fewer characters than the limit, but more bytes.
    const accented = 'é'.repeat(PACK_LIMITS.fileBytes / 2 + 1);
    expect(accented.length).toBeLessThan(PACK_LIMITS.fileBytes);
    expect(await overLimit(accented)).toEqual([
      'pack file: : the pack file is 4,194,306 bytes, over the limit of 4,194,304 bytes (4 MiB)',
    ]);
    expect(utf8Length('aé€😀')).toBe(new TextEncoder().encode('aé€😀').length);
  });

  it('the number of documents, and each document before a quote is looked for in it', async () => {
    const many = edited((pack) => {
      for (let i = 3; i <= PACK_LIMITS.documents; i++)
        pack.files.documents[`${String(i).padStart(3, '0')}_ab.txt`] = 'Extra\n\nMore text.';
    });
    expect(await overLimit(many)).toEqual(['harbor: : has 51 documents, over the limit of 50']);
    const big = edited((pack) => {
      const name = '002_94db975726d2775e.txt';
      pack.files.documents[name] = `${pack.files.documents[name]!}${' '.repeat(PACK_LIMITS.documentBytes)}`;
      // A broken quote too: nothing is searched once a document is too large.
      pack.files['claims.json'] = pack.files['claims.json'].replaceAll('smaller fleet of 20', 'smaller fleet of 21');
    });
    expect(await overLimit(big)).toEqual([
      expect.stringMatching(
        /^harbor\/002_94db975726d2775e\.txt: : the document is [\d,]+ bytes, over the limit of 524,288 bytes \(512 KiB\)$/,
      ) as string,
    ]);
  });

  it('claims.json as a whole, the number of claims, quotes per claim and quotes in all', async () => {
    expect(
      await overLimit(edited((pack) => (pack.files['claims.json'] += ' '.repeat(PACK_LIMITS.claimsFileBytes)))),
    ).toEqual([
      expect.stringMatching(
        /^harbor\/claims\.json: : claims\.json is [\d,]+ bytes, over the limit of 1,048,576 bytes \(1 MiB\)$/,
      ) as string,
    ]);
    const copies = (n: number, quotes = 1) =>
      withClaims((claims) => {
        const model = claims[0]!;
        claims.splice(0);
        for (let i = 0; i < n; i++)
          // Every copy cites a quote that is in no report: none of them is looked for.
          claims.push({
            ...model,
            id: `copy-${i}`,
            evidence: Array.from({ length: quotes }, (_, j) => ({
              source: model.evidence[0]!.source,
              quote: `A quote that is not there ${j}.`,
            })),
          });
      });
    expect(await overLimit(copies(PACK_LIMITS.claims + 1))).toEqual([
      'harbor/claims.json: : has 1,001 claims, over the limit of 1,000',
    ]);
    expect(await overLimit(copies(1, PACK_LIMITS.quotesPerClaim + 1))).toEqual([
      'harbor/claims.json: claim "copy-0": has 21 quotes, over the limit of 20',
    ]);
    expect(await overLimit(copies(251, 20))).toEqual([
      'harbor/claims.json: : has 5,020 quotes in all its claims, over the limit of 5,000',
    ]);
  });

  it('the lengths of a quote and a statement', async () => {
    const text = withClaims((claims) => {
      const claim = byId(claims, 'larkspur-operates-212-carriers');
      claim.evidence[0]!.quote = 'q'.repeat(PACK_LIMITS.quoteChars + 1);
      claim.statement = `${'s'.repeat(PACK_LIMITS.statementChars)}.`;
    });
    expect(await overLimit(text)).toEqual([
      'harbor/claims.json: claim "larkspur-operates-212-carriers": statement is 601 characters, over the limit of 600',
      'harbor/claims.json: claim "larkspur-operates-212-carriers": evidence[0] quote is 2,001 characters, over the limit of 2,000',
    ]);
  });

  it('the number of companies, and of spellings', async () => {
    const larkspur = LARKSPUR.companies[0]!;
    const eleven = withCompanies((companies) => {
      for (let i = 0; i < PACK_LIMITS.companies; i++) companies.push({ ...larkspur, id: `extra${i}` });
    });
    expect(await overLimit(eleven)).toEqual(['harbor/companies.json: : has 11 companies, over the limit of 10']);
    const spellings = withCompanies((companies) => {
      companies[0]!['mentions'] = {
        ...larkspur.mentions,
        spellings: Array.from({ length: 21 }, (_, i) => `Larkspur ${i}`),
      };
    });
    expect(await overLimit(spellings)).toEqual([
      'harbor/companies.json: company "larkspur": has 21 mentions.spellings entries, over the limit of 20',
    ]);
  });
});

describe('namespacing', () => {
  let pack: VerifiedPack;
  const raw = (JSON.parse(BASE.files['claims.json']) as { claims: RawClaim[] }).claims;
  beforeAll(async () => {
    pack = await verified();
  });

  it('prefixes every claim id, entailed id and source file with the pack id, and marks each with it', () => {
    expect(pack.index.claims.map((c) => c.id)).toEqual(raw.map((c) => `harbor--${c.id}`));
    const expired = pack.index.claims.find((c) => c.id === 'harbor--expired-certificate-cut-off-carriers')!;
    expect(expired.entails).toEqual(['harbor--carriers-lost-contact-with-control-system']);
    expect(pack.index.sources.map((s) => s.file)).toEqual([
      'harbor--000_d7275cae0839dd5d.txt',
      'harbor--001_f18b6c451cdbdb9e.txt',
      'harbor--002_94db975726d2775e.txt',
    ]);
    expect(new Set([...pack.index.claims, ...pack.index.sources].map((x) => x.pack))).toEqual(new Set(['harbor']));
    expect(Object.keys(pack.documents)).toEqual(pack.index.sources.map((s) => s.file));
    expect(pack.signatures.ids).toEqual(pack.index.claims.map((c) => c.id));
  });

  it('keeps every quote pointing at its own source, and names reports in attributions as the reader sees them', () => {
    for (const [i, claim] of pack.index.claims.entries()) {
      expect(claim.evidence.map(([at, quote]) => [pack.index.sources[at]!.file, quote])).toEqual(
        raw[i]!.evidence.map((e) => [`harbor--${e.source}`, e.quote]),
      );
      for (const [at, quote] of claim.evidence)
        expect(pack.documents[pack.index.sources[at]!.file]).toContain(quote.slice(0, 40));
    }
    expect(pack.index.claims[0]!.attribution).toBe('Larkspur Robotics (as reported by Tidewater Ledger)');
  });

  it('cannot collide: built-in ids, document names and pack ids never hold "--", and source files may be namespaced', () => {
    for (const id of ['a--b', 'claim--', '--claim', 'a---b']) expect(CLAIM_ID_PATTERN.test(id), id).toBe(false);
    expect(PACK_ID_PATTERN.test('harbor-pack')).toBe(true);
    expect(PACK_ID_PATTERN.test('harbor--pack')).toBe(false);
    expect(isSourceFile('harbor--001_ab.txt')).toBe(true);
    expect(isSourceFile('001_ab.txt')).toBe(true);
    for (const file of ['Harbor--001_ab.txt', 'a--b--001_ab.txt', '--001_ab.txt', 'harbor--x.txt'])
      expect(isSourceFile(file), file).toBe(false);
    expect(splitNamespaced('harbor-pack--claim-one')).toEqual({ pack: 'harbor-pack', name: 'claim-one' });
    expect(splitNamespaced('claim-one')).toBeNull();
  });

  it('leaves the seeds as they are: their sources may state no url', async () => {
    const seeds = await loadSeeds(join(ROOT, 'seeds'), ROOT);
    const data = JSON.parse(seeds.sources.text) as { sources: Json[] };
    data.sources[0]!['url'] = 'https://cybernews.example/';
    const result = verifySeeds({ ...seeds, sources: { ...seeds.sources, text: JSON.stringify(data) } });
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual(['has unknown field url']);
  });
});

describe('a stored pack', () => {
  let stored: VerifiedPack;
  beforeAll(async () => {
    stored = JSON.parse(JSON.stringify(await verified())) as VerifiedPack;
  });
  const corrupt = (edit: (pack: Json & VerifiedPack) => void) => {
    const copy = structuredClone(stored) as Json & VerifiedPack;
    edit(copy);
    return parseStoredPack(copy);
  };

  /** The pack under another id, everything it namespaces renamed with it: only its id's own checks can refuse it. */
  const renamed = (p: VerifiedPack, id: string): Json & VerifiedPack =>
    JSON.parse(JSON.stringify(p).replaceAll(`"${p.id}--`, `"${id}--`).replaceAll(`"${p.id}"`, `"${id}"`)) as Json &
      VerifiedPack;

  it('is read back after a round trip through JSON', () => {
    expect(parseStoredPack(stored)).toEqual(stored);
  });

  it('is read back under another well-formed id, renamed whole (the control for the id checks below)', () => {
    expect(parseStoredPack(renamed(stored, 'docks'))?.id).toBe('docks');
  });

  it.each([
    ['a malformed pack id', 'Harbor'],
    ['a reserved pack id', 'builtin'],
  ])('is set aside with %s, even renamed whole', (_, id) => {
    expect(parseStoredPack(renamed(stored, id))).toBeNull();
  });

  it.each<[string, (pack: Json & VerifiedPack) => void]>([
    ['a missing field', (p) => delete (p as Json)['sha256']],
    ['an extra field', (p) => (p['trusted'] = true)],
    ['an evidence index out of range', (p) => (p.index.claims[0]!.evidence[0]![0] = 3)],
    ['a partial mark that is not "partial"', (p) => ((p.index.claims[0]!.evidence[1] as unknown[])[2] = 'some')],
    ['an oversized statement', (p) => (p.index.claims[0]!.statement = 's'.repeat(PACK_LIMITS.statementChars + 1))],
    [
      'an oversized document',
      (p) => (p.documents[p.index.sources[0]!.file] = ' '.repeat(PACK_LIMITS.documentBytes + 1)),
    ],
    ['a claim of another pack', (p) => (p.index.claims[0]!.id = 'docks--larkspur-signs-oracle-cloud-agreement')],
    ['a claim id that is not namespaced', (p) => (p.index.claims[0]!.id = 'larkspur-signs-oracle-cloud-agreement')],
    ['an entailed claim that is not there', (p) => (p.index.claims[9]!.entails = ['harbor--nothing'])],
    ['an unknown company', (p) => (p.index.claims[0]!.entities = ['acme'])],
    [
      'a company that redefines a built-in one',
      (p) => {
        // Its claims name it under the new id too, so only the redefinition is wrong.
        p.companies[0]!.id = 'oracle';
        for (const claim of p.index.claims)
          claim.entities = [...new Set(claim.entities.map((e) => (e === 'larkspur' ? 'oracle' : e)))] as never;
      },
    ],
    ['a source file that is not namespaced', (p) => (p.index.sources[0]!.file = '000_d7275cae0839dd5d.txt')],
    ['a document no source has', (p) => (p.documents['harbor--009_ab.txt'] = 'text')],
    ['an origin with a script address', (p) => (p.index.sources[0]!.url = 'javascript:alert(1)')],
    [
      'a date that is not ISO',
      (p) => (p.index.sources[0]!.date = { ...p.index.sources[0]!.date!, value: 'March 2026' }),
    ],
    ['a SHA-256 that is not hex', (p) => (p.sha256 = 'z'.repeat(64))],
    ['signatures for other claims', (p) => (p.signatures.ids[0] = 'harbor--other')],
    ['a signature feature out of range', (p) => (p.signatures.claims[0]![0] = p.signatures.vocab.length)],
    ['a kind no claim has', (p) => (p.index.claims[0]!.kind = 'rumour' as never)],
  ])('is set aside with %s', (_, edit) => {
    expect(corrupt(edit)).toBeNull();
  });

  it('is set aside when it is not an object at all', () => {
    for (const value of [null, undefined, 'pack', 42, [], [stored]]) expect(parseStoredPack(value)).toBeNull();
  });
});

describe('npm run claim-pack', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'claimlight-pack-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { log: (line) => out.push(line), error: (line) => err.push(line) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('rebuilds the test pack to the same bytes and prints the SHA-256 of the file it wrote', async () => {
    const out = join(dir, 'harbor.claimlight.json');
    const result = await run([FOLDER, '--out', out]);
    expect(result).toMatchObject({ code: 0, err: '' });
    const written = await readFile(out);
    expect(written.equals(readFileSync(join(PACKS, 'harbor.claimlight.json')))).toBe(true);
    expect(result.out).toContain(`SHA-256 ${sha256(written)}`);
    expect(result.out).toContain('12 claims, 3 sources, 1 company of its own');
  });

  it('refuses a broken copy, naming the file, the claim and its statement, and writes nothing', async () => {
    const folder = join(dir, 'broken');
    await cp(FOLDER, folder, { recursive: true });
    const claims = await readFile(join(folder, 'claims.json'), 'utf8');
    await writeFile(join(folder, 'claims.json'), claims.replaceAll('at four terminals', 'at five terminals'));
    const out = join(dir, 'broken.claimlight.json');
    const result = await run([`${folder}/`, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      `${folder}/claims.json: claim "larkspur-operates-212-carriers": quote is not in 000_d7275cae0839dd5d.txt`,
    );
    expect(result.err).toContain('  statement: "Larkspur Robotics operates 212 carriers at five terminals');
    await expect(readFile(out)).rejects.toThrow();
  });

  it('refuses a folder with a file that is not part of a pack, or a bad pack.json', async () => {
    const folder = join(dir, 'stray');
    await cp(FOLDER, folder, { recursive: true });
    await writeFile(join(folder, 'notes.md'), 'draft');
    const stray = await run([folder, '--out', join(dir, 'stray.json')]);
    expect(stray.code).toBe(1);
    expect(stray.err).toContain(`${join(folder, 'notes.md')}: is not part of a pack`);
    await rm(join(folder, 'notes.md'));
    await writeFile(join(folder, 'pack.json'), JSON.stringify({ id: 'builtin', name: 'Stray', description: 'x' }));
    const reservedOut = join(dir, 'reserved.json');
    const reserved = await run([folder, '--out', reservedOut]);
    expect(reserved.code).toBe(1);
    expect(reserved.err).toContain(`${join(folder, 'pack.json')}: id "builtin" is reserved`);
    await expect(readFile(reservedOut)).rejects.toThrow();
  });

  it('explains how it is called', async () => {
    expect(await run([FOLDER])).toMatchObject({
      code: 2,
      err: expect.stringContaining('usage: npm run claim-pack') as string,
    });
  });
});
