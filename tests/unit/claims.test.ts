import { mkdtemp, cp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_IDS } from '../../src/shared/entities.ts';
import { loadSeeds } from '../../scripts/claims/load.ts';
import { closestPassage, containsVerbatim } from '../../scripts/claims/text.ts';
import { formatProblems, verifySeeds, type SeedFiles, type VerifyProblem } from '../../scripts/claims/verify.ts';
import { CLAIMS_INDEX_MODULE, claimsIndex } from '../../scripts/claims/vitePlugin.ts';
import { reportCount } from '../../src/shared/claims.ts';

const ROOT = join(import.meta.dirname, '../..');
const SEEDS = join(ROOT, 'seeds');
let seeds: SeedFiles;

beforeAll(async () => {
  seeds = await loadSeeds(SEEDS, ROOT);
});

interface RawClaim {
  id: string;
  entities: string[];
  evidence: { source: string; quote: string }[];
  [key: string]: unknown;
}

/** The real seeds with claims.json rewritten by `edit`. */
function withClaims(edit: (claims: RawClaim[]) => void): SeedFiles {
  const data = JSON.parse(seeds.claims.text) as { claims: RawClaim[] };
  edit(data.claims);
  return { ...seeds, claims: { ...seeds.claims, text: JSON.stringify(data) } };
}

function problemsOf(files: SeedFiles): VerifyProblem[] {
  const result = verifySeeds(files);
  if (result.ok) throw new Error('verification passed, but it should have failed');
  return result.problems;
}

const first = (claims: RawClaim[]) => claims[0]!;

describe('the shipped claims', () => {
  it('pass verification', () => {
    const result = verifySeeds(seeds);
    if (!result.ok) throw new Error(formatProblems(result.problems));
    expect(result.claims.length).toBeGreaterThanOrEqual(35);
    expect(result.claims.length).toBeLessThanOrEqual(60);
  });

  it('cover every company with at least 8 claims and cite every document', () => {
    const result = verifySeeds(seeds);
    if (!result.ok) throw new Error(formatProblems(result.problems));
    for (const id of ENTITY_IDS) {
      expect(result.claims.filter((c) => c.entities.includes(id)).length, id).toBeGreaterThanOrEqual(8);
    }
    const cited = new Set(result.claims.flatMap((c) => c.evidence.map((e) => e.source)));
    expect([...cited].sort()).toEqual([...seeds.documents.keys()].sort());
  });

  it('compile to an index whose quotes point at the right sources', () => {
    const result = verifySeeds(seeds);
    if (!result.ok) throw new Error(formatProblems(result.problems));
    const { index } = result;
    for (const claim of index.claims) {
      for (const [at, quote] of claim.evidence) {
        const source = index.sources[at];
        expect(source, claim.id).toBeDefined();
        expect(containsVerbatim(seeds.documents.get(source!.file)!, quote), claim.id).toBe(true);
      }
    }
    const mostCarried = index.claims.find((c) => c.id === 'china-based-staff-accessed-us-data')!;
    expect(reportCount(mostCarried)).toBe(5);
  });

  it('describe each source with its first line as title, and no invented URL', () => {
    const result = verifySeeds(seeds);
    if (!result.ok) throw new Error(formatProblems(result.problems));
    for (const source of result.sources) {
      expect(seeds.documents.get(source.file)!.split('\n')[0]!.trim()).toBe(source.title);
    }
    expect(seeds.sources.text).not.toMatch(/https?:/);
  });
});

describe('verification failures name the file, the claim, the quote and the closest passage', () => {
  it('a quote that is not in its source', () => {
    const files = withClaims((claims) => {
      first(claims).evidence[0]!.quote = 'Leaked audio from over 90 internal TikTok meetings at the owner ByteDance';
    });
    const [problem] = problemsOf(files);
    expect(problem).toMatchObject({
      file: 'seeds/claims.json',
      subject: 'claim "china-based-staff-accessed-us-data"',
      message: 'quote is not in 000_84128bc21afd9ac0.txt',
      quote: 'Leaked audio from over 90 internal TikTok meetings at the owner ByteDance',
    });
    expect(problem!.closest).toContain('Leaked audio from over 80 internal TikTok meetings');
    const text = formatProblems(problemsOf(files));
    expect(text).toContain('seeds/claims.json: claim "china-based-staff-accessed-us-data": quote is not in');
    expect(text).toContain('closest passage in the source: "Leaked audio from over 80 internal TikTok meetings');
  });

  it('a quote cited from the wrong source', () => {
    const files = withClaims((claims) => {
      const claim = claims.find((c) => c.id === 'entner-no-surprise')!;
      claim.evidence[0]!.source = '000_84128bc21afd9ac0.txt';
    });
    const [problem] = problemsOf(files);
    expect(problem).toMatchObject({
      subject: 'claim "entner-no-surprise"',
      message: 'quote is not in 000_84128bc21afd9ac0.txt',
    });
    expect(problem!.closest).toBeTruthy();
  });

  it('a source that does not exist', () => {
    const [problem] = problemsOf(
      withClaims((claims) => {
        first(claims).evidence[0]!.source = '005_missing.txt';
      }),
    );
    expect(problem!.subject).toBe('claim "china-based-staff-accessed-us-data"');
    expect(problem!.message).toMatch(/^cites unknown source 005_missing\.txt \(known: 000_/);
  });

  it('an unknown company', () => {
    const [problem] = problemsOf(
      withClaims((claims) => {
        first(claims).entities.push('meta');
      }),
    );
    expect(problem).toMatchObject({
      subject: 'claim "china-based-staff-accessed-us-data"',
      message: 'names unknown company "meta" (known: tiktok, bytedance, oracle)',
    });
  });

  it('a repeated id', () => {
    const [problem] = problemsOf(
      withClaims((claims) => {
        claims[1]!.id = first(claims).id;
      }),
    );
    expect(problem).toMatchObject({
      subject: 'claim "china-based-staff-accessed-us-data"',
      message: 'id "china-based-staff-accessed-us-data" is used by more than one claim',
    });
  });

  it('malformed JSON', () => {
    const files = {
      ...seeds,
      claims: { ...seeds.claims, text: seeds.claims.text.replace('"claims": [', '"claims": [,') },
    };
    const [problem] = problemsOf(files);
    expect(problem!.file).toBe('seeds/claims.json');
    expect(problem!.message).toMatch(/^malformed JSON: /);
  });

  it('a missing or mistyped field', () => {
    const problems = problemsOf(
      withClaims((claims) => {
        delete first(claims)['attribution'];
        claims[1]!['kind'] = 'rumour';
        claims[2]!['quotes'] = [];
      }),
    );
    expect(problems.map((p) => `${p.subject ?? ''}: ${p.message}`)).toEqual([
      'claim "china-based-staff-accessed-us-data": needs an attribution (who asserts it)',
      `claim "access-from-september-2021-to-january-2022": kind "rumour" must be one of: reported finding, company statement, official action, expert view, background`,
      'claim "recordings-from-80-meetings": has unknown field quotes',
    ]);
  });

  it("a source title that is not the document's first line, or a date the document does not state", () => {
    const data = JSON.parse(seeds.sources.text) as { sources: Record<string, unknown>[] };
    data.sources[1]!['title'] = 'TikTok leaks';
    data.sources[2]!['date'] = { value: '2022-06-17', evidence: 'Published 17 June 2022' };
    const problems = problemsOf({ ...seeds, sources: { ...seeds.sources, text: JSON.stringify(data) } });
    expect(problems.map((p) => `${p.subject ?? ''}: ${p.message}`)).toEqual([
      'source "001_a8fcb786e077f73a.txt": title must be the document\'s first line',
      'source "002_e8e945add41886bf.txt": date evidence is not in the document',
    ]);
  });
});

describe('quote matching', () => {
  it('allows only whitespace and typographic variants', () => {
    const source = 'He said, “Everything is seen in China,” and left — quickly.\nIt’s done.';
    expect(containsVerbatim(source, '"Everything is seen in  China," and left - quickly.')).toBe(true);
    expect(containsVerbatim(source, "It's done.")).toBe(true);
    expect(containsVerbatim(source, 'everything is seen in China')).toBe(false);
    expect(containsVerbatim(source, 'Everything is visible in China')).toBe(false);
  });

  it('finds the closest passage for a near miss', () => {
    const doc = seeds.documents.get('003_7734c6d6f422c141.txt')!;
    expect(closestPassage(doc, 'Today, 99% of US user traffic is routed to Oracle Cloud')).toBe(
      'Today, 100% of US user traffic is routed to Oracle Cloud Infrastructure, according to Calamug.',
    );
  });
});

/** One broken seed for each failure the verifier knows, and what the stopped build must say. */
const BROKEN_SEEDS: { name: string; file: 'claims.json' | 'sources.json'; text: () => string; says: RegExp }[] = [
  {
    name: 'a quote that is not in its source',
    file: 'claims.json',
    text: () =>
      withClaims((c) => (first(c).evidence[0]!.quote = 'ByteDance staff never accessed anything')).claims.text,
    says: /seeds\/claims\.json: claim "china-based-staff-accessed-us-data": quote is not in 000_84128bc21afd9ac0\.txt[\s\S]*quote: {3}"ByteDance staff never accessed anything"[\s\S]*closest passage/,
  },
  {
    name: 'a quote cited from the wrong source',
    file: 'claims.json',
    text: () =>
      withClaims(
        (c) => (c.find((x) => x.id === 'entner-no-surprise')!.evidence[0]!.source = '000_84128bc21afd9ac0.txt'),
      ).claims.text,
    says: /seeds\/claims\.json: claim "entner-no-surprise": quote is not in 000_84128bc21afd9ac0\.txt/,
  },
  {
    name: 'a source that does not exist',
    file: 'claims.json',
    text: () => withClaims((c) => (first(c).evidence[0]!.source = '005_missing.txt')).claims.text,
    says: /seeds\/claims\.json: claim "china-based-staff-accessed-us-data": cites unknown source 005_missing\.txt/,
  },
  {
    name: 'an unknown company',
    file: 'claims.json',
    text: () => withClaims((c) => first(c).entities.push('meta')).claims.text,
    says: /seeds\/claims\.json: claim "china-based-staff-accessed-us-data": names unknown company "meta"/,
  },
  {
    name: 'a repeated id',
    file: 'claims.json',
    text: () => withClaims((c) => (c[1]!.id = first(c).id)).claims.text,
    says: /seeds\/claims\.json: claim "china-based-staff-accessed-us-data": id "china-based-staff-accessed-us-data" is used by more than one claim/,
  },
  {
    name: 'malformed JSON',
    file: 'claims.json',
    text: () => seeds.claims.text.replace('"claims": [', '"claims": [,'),
    says: /seeds\/claims\.json: malformed JSON: /,
  },
  {
    name: 'a missing field',
    file: 'claims.json',
    text: () => withClaims((c) => delete first(c)['attribution']).claims.text,
    says: /seeds\/claims\.json: claim "china-based-staff-accessed-us-data": needs an attribution/,
  },
  {
    name: 'a mistyped field',
    file: 'claims.json',
    text: () => withClaims((c) => (c[1]!['kind'] = 'rumour')).claims.text,
    says: /seeds\/claims\.json: claim "access-from-september-2021-to-january-2022": kind "rumour" must be one of/,
  },
  {
    name: 'an unknown field',
    file: 'claims.json',
    text: () => withClaims((c) => (c[2]!['quotes'] = [])).claims.text,
    says: /seeds\/claims\.json: claim "recordings-from-80-meetings": has unknown field quotes/,
  },
  {
    name: "a source title that is not the document's first line",
    file: 'sources.json',
    text: () => {
      const data = JSON.parse(seeds.sources.text) as { sources: Record<string, unknown>[] };
      data.sources[1]!['title'] = 'TikTok leaks';
      return JSON.stringify(data);
    },
    says: /seeds\/sources\.json: source "001_a8fcb786e077f73a\.txt": title must be the document's first line/,
  },
  {
    name: 'a date the document does not state',
    file: 'sources.json',
    text: () => {
      const data = JSON.parse(seeds.sources.text) as { sources: Record<string, unknown>[] };
      data.sources[2]!['date'] = { value: '2022-06-17', evidence: 'Published 17 June 2022' };
      return JSON.stringify(data);
    },
    says: /seeds\/sources\.json: source "002_e8e945add41886bf\.txt": date evidence is not in the document/,
  },
];

describe('the build', () => {
  it.each(BROKEN_SEEDS)('stops, naming the file and the claim, on $name', async ({ file, text, says }) => {
    const dir = await mkdtemp(join(tmpdir(), 'claimlight-seeds-'));
    try {
      await cp(SEEDS, join(dir, 'seeds'), { recursive: true });
      await writeFile(join(dir, 'seeds', file), text());
      await writeFile(join(dir, 'entry.js'), `import index from '${CLAIMS_INDEX_MODULE}'; console.log(index);`);
      const run = build({
        root: dir,
        configFile: false,
        logLevel: 'silent',
        plugins: [claimsIndex(join(dir, 'seeds'), dir)],
        build: { write: false, lib: { entry: join(dir, 'entry.js'), formats: ['es'] } },
      });
      await expect(run).rejects.toThrow(says);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
