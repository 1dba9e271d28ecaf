import { mkdtemp, cp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_IDS } from '../../src/shared/lexicon.ts';
import { loadSeeds } from '../../scripts/claims/load.ts';
import { closestPassage, containsVerbatim } from '../../src/shared/verify/text.ts';
import { formatProblems, verifySeeds, type SeedFiles, type VerifyProblem } from '../../src/shared/verify/verify.ts';
import { startsMidSentence } from '../../src/shared/verify/rules.ts';
import { CLAIMS_INDEX_MODULE, claimsIndex } from '../../scripts/claims/vitePlugin.ts';
import { compileIndex, nameReports, partialReportCount, reportCount } from '../../src/shared/claims.ts';

const ROOT = join(import.meta.dirname, '../..');
const SEEDS = join(ROOT, 'seeds');
let seeds: SeedFiles;

beforeAll(async () => {
  seeds = await loadSeeds(SEEDS, ROOT);
});

interface RawClaim {
  id: string;
  statement: string;
  entities: string[];
  evidence: { source: string; quote: string; support?: string }[];
  note?: string;
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
const byId = (claims: RawClaim[], id: string) => {
  const claim = claims.find((c) => c.id === id);
  if (!claim) throw new Error(`no claim ${id} in the seeds`);
  return claim;
};

/** The real seeds with companies.json rewritten by `edit`. */
function withCompanies(edit: (companies: Record<string, unknown>[]) => void): SeedFiles {
  const data = JSON.parse(seeds.companies.text) as { companies: Record<string, unknown>[] };
  edit(data.companies);
  return { ...seeds, companies: { ...seeds.companies, text: JSON.stringify(data) } };
}

/** The real seeds with sources.json rewritten by `edit`. */
function withSources(edit: (sources: Record<string, unknown>[]) => void): SeedFiles {
  const data = JSON.parse(seeds.sources.text) as { sources: Record<string, unknown>[] };
  edit(data.sources);
  return { ...seeds, sources: { ...seeds.sources, text: JSON.stringify(data) } };
}

describe('the shipped claims', () => {
  it('pass verification', () => {
    const result = verifySeeds(seeds);
    if (!result.ok) throw new Error(formatProblems(result.problems));
    expect(result.claims.length).toBeGreaterThanOrEqual(35);
    expect(result.claims.length).toBeLessThanOrEqual(120);
  });

  it('cover every company with at least 8 claims and cite every document', () => {
    const result = verifySeeds(seeds);
    if (!result.ok) throw new Error(formatProblems(result.problems));
    for (const id of BUILT_IN_IDS) {
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
    // Three reports say BuzzFeed News found that staff "accessed" the data; one credits its "footage" to another
    // outlet, and one says only that they "were able to": shown, not counted. The weaker claim carries four; the
    // report that credits another outlet is read the same way in both claims (in part).
    const accessed = index.claims.find((c) => c.id === 'china-based-staff-accessed-us-data')!;
    expect(reportCount(accessed)).toBe(3);
    expect(partialReportCount(accessed)).toBe(2);
    const able = index.claims.find((c) => c.id === 'bytedance-staff-able-to-access-us-data')!;
    expect(reportCount(able)).toBe(4);
    expect(partialReportCount(able)).toBe(1);
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
        byId(claims, 'access-from-september-2021-to-january-2022')['kind'] = 'rumour';
        byId(claims, 'recordings-from-80-meetings')['quotes'] = [];
      }),
    );
    expect(problems.map((p) => `${p.subject ?? ''}: ${p.message}`)).toEqual([
      'claim "china-based-staff-accessed-us-data": needs an attribution (who asserts it)',
      `claim "access-from-september-2021-to-january-2022": kind "rumour" must be one of: reported finding, company statement, official action, official concern, expert view, outlet statement, background`,
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
      'source "001_a8fcb786e077f73a.txt": shortTitle must be the start of the title, ending at a word boundary',
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
const BROKEN_SEEDS: {
  name: string;
  file: 'claims.json' | 'sources.json' | 'companies.json';
  text: () => string;
  says: RegExp;
}[] = [
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
    text: () =>
      withClaims((c) => (byId(c, 'access-from-september-2021-to-january-2022')['kind'] = 'rumour')).claims.text,
    says: /seeds\/claims\.json: claim "access-from-september-2021-to-january-2022": kind "rumour" must be one of/,
  },
  {
    name: 'an unknown field',
    file: 'claims.json',
    text: () => withClaims((c) => (byId(c, 'recordings-from-80-meetings')['quotes'] = [])).claims.text,
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

/** The fidelity rules (src/shared/verify/rules.ts): each broken claim, and what the stopped build must say. */
const UNFAITHFUL_SEEDS: typeof BROKEN_SEEDS = [
  {
    name: 'a claim whose every quote is partial',
    file: 'claims.json',
    text: () =>
      withClaims((c) => {
        const claim = byId(c, 'auditor-saw-backdoor');
        claim.evidence[0]!.support = 'partial';
        claim.note = '{002} gives only part of it.';
      }).claims.text,
    says: /seeds\/claims\.json: claim "auditor-saw-backdoor": needs at least one quote that carries the whole statement/,
  },
  {
    name: 'a partial quote the note does not explain',
    file: 'claims.json',
    text: () =>
      withClaims((c) => {
        const claim = byId(c, 'trump-pursued-tiktok-ban');
        claim.note = 'The reports word it differently.';
      }).claims.text,
    says: /seeds\/claims\.json: claim "trump-pursued-tiktok-ban": quote from 004_5f719a10e8ff795e\.txt is partial: the note must say what it lacks, naming \{004\}/,
  },
  {
    name: 'a support value other than partial',
    file: 'claims.json',
    text: () => withClaims((c) => (byId(c, 'entner-no-surprise').evidence[0]!.support = 'mostly')).claims.text,
    says: /seeds\/claims\.json: claim "entner-no-surprise": evidence\[0\] support must be "partial"/,
  },
  {
    name: 'a statement that drops the hedge of its quote',
    file: 'claims.json',
    text: () =>
      withClaims((c) => {
        const claim = byId(c, 'dod-could-call-for-complete-ban');
        claim.statement = 'ClearanceJobs writes that the Defense Department will call for a complete ban on TikTok.';
        delete claim.note;
      }).claims.text,
    says: /seeds\/claims\.json: claim "dod-could-call-for-complete-ban": quote from 004_5f719a10e8ff795e\.txt hedges \("could"\) where the statement does not/,
  },
  {
    name: 'a note that names a report by its file code',
    file: 'claims.json',
    text: () =>
      withClaims((c) => (byId(c, 'most-scrutinized-platform').note = 'Report 001 gives these words to Shanahan.'))
        .claims.text,
    says: /seeds\/claims\.json: claim "most-scrutinized-platform": note names a report by its file code 001: write \{001\}/,
  },
  {
    name: 'a note that names a report the claim does not cite',
    file: 'claims.json',
    text: () => withClaims((c) => (byId(c, 'entner-no-surprise').note = '{002} says the same.')).claims.text,
    says: /seeds\/claims\.json: claim "entner-no-surprise": note refers to \{002\}, a report this claim does not cite/,
  },
  {
    name: 'a statement that names a company its entities leave out',
    file: 'claims.json',
    text: () =>
      withClaims(
        (c) =>
          (byId(c, 'entner-no-surprise').statement =
            'Analyst Roger Entner said nobody should be surprised if ByteDance accessed US data.'),
      ).claims.text,
    says: /seeds\/claims\.json: claim "entner-no-surprise": statement names bytedance, so entities must list "bytedance"/,
  },
  {
    name: "a report's own words without the report in the attribution",
    file: 'claims.json',
    text: () => withClaims((c) => (byId(c, 'oracle-routing-is-no-guarantee')['attribution'] = 'An outlet')).claims.text,
    says: /seeds\/claims\.json: claim "oracle-routing-is-no-guarantee": a claim of kind "outlet statement" is the report's own: name the report in the attribution/,
  },
  {
    name: 'an attribution that does not say who acts',
    file: 'claims.json',
    text: () =>
      withClaims((c) => (byId(c, 'oracle-walmart-deal-rejected-by-beijing')['attribution'] = 'As reported by {003}'))
        .claims.text,
    says: /seeds\/claims\.json: claim "oracle-walmart-deal-rejected-by-beijing": attribution starts with "As reported", so the card reads "According to As reported by \{003\}": start with who acts, then the report, for example "Donald Trump \(as reported by \{003\}\)"/,
  },
  {
    name: 'a statement that counts reports',
    file: 'claims.json',
    text: () =>
      withClaims(
        (c) =>
          (byId(c, 'tiktok-has-over-a-billion-users').statement =
            'TikTok has more than one billion users worldwide, two reports say.'),
      ).claims.text,
    says: /seeds\/claims\.json: claim "tiktok-has-over-a-billion-users": statement counts reports \("two reports"\): counts are derived from the evidence/,
  },
  {
    name: 'a quote that starts mid-sentence and leaves out the year its statement names',
    file: 'claims.json',
    text: () =>
      withClaims(
        (c) =>
          (byId(c, 'pentagon-banned-tiktok-on-government-devices').evidence[0]!.quote =
            'that same year, the Pentagon went so far as to ban service members from using TikTok on all government-issued devices.'),
      ).claims.text,
    says: /seeds\/claims\.json: claim "pentagon-banned-tiktok-on-government-devices": quote from 004_5f719a10e8ff795e\.txt starts mid-sentence and leaves out "2019", which the statement names: extend the quote to the start of its sentence or mark it partial/,
  },
  {
    name: 'a company description that says "now"',
    file: 'companies.json',
    text: () =>
      withCompanies((c) => (c[2]!['description'] = 'US company whose cloud now receives all US traffic.')).companies
        .text,
    says: /seeds\/companies\.json: company "oracle": description says "now"/,
  },
  {
    name: 'a quote that starts with the end of one sentence and runs into the next',
    file: 'claims.json',
    text: () =>
      withClaims(
        (c) =>
          (byId(c, 'master-admin-has-access-to-everything').evidence.find((e) => e.source.startsWith('004'))!.quote =
            'while another suggested he had “has access to everything.” Exactly what was meant by “everything” remains unclear'),
      ).claims.text,
    says: /claim "master-admin-has-access-to-everything": quote from 004_5f719a10e8ff795e\.txt starts with the end of one sentence and runs into the next/,
  },
  {
    name: 'an entailment of a claim that does not exist',
    file: 'claims.json',
    text: () =>
      withClaims((c) => (byId(c, 'courts-blocked-the-ban')['entails'] = ['trump-banned-everything'])).claims.text,
    says: /seeds\/claims\.json: claim "courts-blocked-the-ban": entails unknown claim "trump-banned-everything"/,
  },
  {
    name: 'two claims that entail each other',
    file: 'claims.json',
    text: () =>
      withClaims((c) => (byId(c, 'trump-pursued-tiktok-ban')['entails'] = ['courts-blocked-the-ban'])).claims.text,
    says: /seeds\/claims\.json: claim "trump-pursued-tiktok-ban": entails itself through the claims it entails/,
  },
  {
    name: 'a company description that counts reports',
    file: 'companies.json',
    text: () =>
      withCompanies((c) => (c[0]!['description'] = 'Video app; two of the reports put its users at over 1 billion.'))
        .companies.text,
    says: /seeds\/companies\.json: company "tiktok": description counts reports \("two of the reports"\)/,
  },
  {
    name: 'a short title that is not the start of the first line',
    file: 'sources.json',
    text: () => withSources((s) => (s[3]!['shortTitle'] = 'TikTok calms fears')).sources.text,
    says: /seeds\/sources\.json: source "003_7734c6d6f422c141\.txt": shortTitle must be the start of the title/,
  },
  {
    name: 'a report name the document does not state',
    file: 'sources.json',
    text: () => withSources((s) => (s[2]!['name'] = 'Born City')).sources.text,
    says: /seeds\/sources\.json: source "002_e8e945add41886bf\.txt": name must be the stated publisher \(none is stated\) or the start of the title/,
  },
];

describe('attributions read after "According to"', () => {
  const attributed = (kind: string, attributions: string[]) =>
    problemsOf(
      withClaims((claims) => {
        const claim = byId(claims, 'oracle-walmart-deal-rejected-by-beijing');
        claim['kind'] = kind;
        claim['attribution'] = attributions[0]!;
        // The same claim again under other ids, one for each further attribution.
        for (const [i, attribution] of attributions.slice(1).entries())
          claims.push({ ...claim, id: `attribution-case-${i + 1}`, attribution });
      }),
    ).map((p) => `${p.subject ?? ''}: ${p.message}`);

  it('refuse a reporting phrase or lowercase text where the name of who acts belongs', () => {
    const messages = attributed('official action', [
      'Reported by {003}',
      'According to {003}',
      'Per {003}',
      'via {003}',
      'as reported by {003}',
      'the US government (as reported by {003})',
    ]);
    expect(messages).toEqual([
      'claim "oracle-walmart-deal-rejected-by-beijing": attribution starts with "Reported by", so the card reads "According to Reported by {003}": start with who acts, then the report, for example "Donald Trump (as reported by {003})"',
      'claim "attribution-case-1": attribution starts with "According to", so the card reads "According to According to {003}": start with who acts, then the report, for example "Donald Trump (as reported by {003})"',
      'claim "attribution-case-2": attribution starts with "Per", so the card reads "According to Per {003}": start with who acts, then the report, for example "Donald Trump (as reported by {003})"',
      'claim "attribution-case-3": attribution starts with "via", so the card reads "According to via {003}": start with who acts, then the report, for example "Donald Trump (as reported by {003})"',
      'claim "attribution-case-4": attribution starts with "as reported", so the card reads "According to as reported by {003}": start with who acts, then the report, for example "Donald Trump (as reported by {003})"',
      'claim "attribution-case-5": attribution starts with lowercase text, so the card reads "According to the US government (as reported by {003})": start with a name, for example "Donald Trump (as reported by {003})"',
    ]);
  });

  it("refuse a bare report where the claim is not the report's own voice, and accept it where it is", () => {
    expect(attributed('official action', ['{003}', '{003}, as reported', '{003} (quoting officials)'])).toEqual([
      'claim "oracle-walmart-deal-rejected-by-beijing": attribution names only a report, but a claim of kind "official action" is not the report\'s own voice: name who acts, then the report, for example "Donald Trump (as reported by {003})"',
      'claim "attribution-case-1": attribution names only a report, but a claim of kind "official action" is not the report\'s own voice: name who acts, then the report, for example "Donald Trump (as reported by {003})"',
      'claim "attribution-case-2": attribution names only a report, but a claim of kind "official action" is not the report\'s own voice: name who acts, then the report, for example "Donald Trump (as reported by {003})"',
    ]);
    const accepted = withClaims((claims) => {
      byId(claims, 'oracle-walmart-deal-rejected-by-beijing')['attribution'] = '{003}, citing Beijing officials';
      byId(claims, 'western-governments-privacy-concerns')['attribution'] = '{002}';
    });
    expect(verifySeeds(accepted).ok).toBe(true);
  });
});

describe('statements that count reports', () => {
  const statementProblems = (statement: string) =>
    problemsOf(
      withClaims((claims) => {
        byId(claims, 'tiktok-has-over-a-billion-users').statement = statement;
      }),
    ).map((p) => p.message);

  it.each([
    ['TikTok has more than one billion users worldwide, two reports say.', 'two reports'],
    ['Three of the reports say TikTok has more than one billion users worldwide.', 'Three of the reports'],
    ['All five reports say TikTok has more than one billion users worldwide.', 'All five reports'],
    ['Both reports put TikTok at more than one billion users worldwide.', 'Both reports'],
    ['One report says TikTok has more than one billion users worldwide.', 'One report'],
    ['Several outlets say TikTok has more than one billion users worldwide.', 'Several outlets'],
    ['TikTok has more than one billion users worldwide, according to 2 of 5 reports.', '2 of 5 reports'],
  ])('refuses "%s"', (statement, counted) => {
    expect(statementProblems(statement)).toEqual([
      `statement counts reports ("${counted}"): counts are derived from the evidence ("In N of 5 reports"); ` +
        'drop the count and let the attribution say who asserts it ("A report says…", or the publisher: "Cybernews writes…")',
    ]);
  });

  it('accepts a statement that names no count', () => {
    for (const statement of [
      'A report says TikTok has more than one billion users worldwide.',
      'TikTok is one of the most popular social media platforms, with more than one billion users worldwide.',
    ]) {
      const files = withClaims((claims) => {
        byId(claims, 'tiktok-has-over-a-billion-users').statement = statement;
      });
      expect(verifySeeds(files).ok, statement).toBe(true);
    }
  });
});

describe('quotes that start mid-sentence', () => {
  it('are told from quotes that start a sentence, a line or the document, opening quotation marks allowed', () => {
    const doc =
      'Headline without a stop\nFirst sentence. “Quoted start,” he said. In 2019, the Pentagon acted.\n' +
      'Lawmakers asked the U.S. Army to act, and it did.';
    for (const quote of ['Headline', 'First sentence', 'Quoted start', '“Quoted start', 'In 2019', 'Lawmakers asked'])
      expect(startsMidSentence(doc, quote), quote).toBe(false);
    for (const quote of ['without a stop', 'he said', 'the Pentagon acted', 'Army to act', 'and it did'])
      expect(startsMidSentence(doc, quote), quote).toBe(true);
  });

  const cut = (id: string, source: string, quote: string, statement?: string) =>
    withClaims((claims) => {
      const claim = byId(claims, id);
      claim.evidence.find((e) => e.source.startsWith(source))!.quote = quote;
      if (statement !== undefined) claim.statement = statement;
    });
  const messages = (files: SeedFiles) => problemsOf(files).map((p) => `${p.subject ?? ''}: ${p.message}`);

  it('must keep who acted, a tracked company included, or be marked partial', () => {
    expect(
      messages(
        cut(
          'courts-blocked-the-ban',
          '002',
          'banned US citizens from downloading the TikTok app in US app stores. The whole thing was then stopped again by US judges.',
          "US judges stopped the Trump administration's attempt to ban TikTok downloads.",
        ),
      ),
    ).toEqual([
      'claim "courts-blocked-the-ban": quote from 002_e8e945add41886bf.txt starts mid-sentence and leaves out "Trump", which the statement names: extend the quote to the start of its sentence or mark it partial',
      // It also begins with the tail of one sentence and runs into the next (rule 15).
      'claim "courts-blocked-the-ban": quote from 002_e8e945add41886bf.txt starts with the end of one sentence and runs into the next: start it where its first sentence starts, or end it before the next',
    ]);
    expect(
      messages(
        cut(
          'struggle-to-separate-from-beijing-parent',
          '002',
          "paints a comprehensive picture of the challenges the world's most popular social media app faced in trying to separate its U.S. operations from those of its parent company in Beijing.",
        ),
      ),
    ).toEqual([
      'claim "struggle-to-separate-from-beijing-parent": quote from 002_e8e945add41886bf.txt starts mid-sentence and leaves out "TikTok", which the statement names: extend the quote to the start of its sentence or mark it partial',
    ]);
  });

  it('compare numbers written as words or digits, months, and the usual variants of a name', () => {
    const quote =
      'it had been provided access to recordings from some 80 meetings, which involved dozens of TikTok employees, including engineers in China';
    const accepted = cut(
      'recordings-involved-dozens-of-employees',
      '004',
      quote,
      'The recorded eighty meetings involved dozens of TikTok employees, including engineers in Beijing.',
    );
    expect(verifySeeds(accepted).ok).toBe(true);
    expect(
      messages(
        cut(
          'recordings-involved-dozens-of-employees',
          '004',
          quote,
          'The recorded eighty meetings of September 2021 involved dozens of TikTok employees, including engineers at the Pentagon.',
        ),
      ),
    ).toEqual([
      'claim "recordings-involved-dozens-of-employees": quote from 004_5f719a10e8ff795e.txt starts mid-sentence and leaves out "September", "2021" and "Pentagon", which the statement names: extend the quote to the start of its sentence or mark it partial',
    ]);
  });

  it('are accepted when marked partial and explained', () => {
    const files = withClaims((claims) => {
      const claim = byId(claims, 'pentagon-banned-tiktok-on-government-devices');
      claim.evidence[0] = {
        source: '004_5f719a10e8ff795e.txt',
        quote:
          'that same year, the Pentagon went so far as to ban service members from using TikTok on all government-issued devices.',
        support: 'partial',
      };
      claim.evidence.push({
        source: '004_5f719a10e8ff795e.txt',
        quote:
          'In 2019, the Defense Information Systems Agency (DISA) had recommended that all employees of the DoD refrain from using the popular social media app, while that same year, the Pentagon went so far as to ban service members from using TikTok on all government-issued devices.\n\nThough the ban remains very much in place, military personnel can still download the app on their personal devices',
      });
      claim.note = '{004} dates the ban "that same year".';
    });
    expect(verifySeeds(files).ok).toBe(true);
  });
});

describe('counting and naming reports', () => {
  it('counts only reports that carry the whole statement, and names reports as the reader sees them', () => {
    const result = verifySeeds(seeds);
    if (!result.ok) throw new Error(formatProblems(result.problems));
    const sources = result.sources;
    const index = compileIndex(
      [
        {
          id: 'x',
          statement: 'A statement.',
          entities: ['tiktok'],
          kind: 'outlet statement',
          attribution: '{003}',
          evidence: [
            { source: sources[0]!.file, quote: 'q1' },
            { source: sources[0]!.file, quote: 'q2', support: 'partial' },
            { source: sources[3]!.file, quote: 'q3', support: 'partial' },
            { source: sources[4]!.file, quote: 'q4', support: 'partial' },
            { source: sources[4]!.file, quote: 'q5', support: 'partial' },
          ],
          note: '{000} and {004} differ.',
        },
      ],
      sources,
    );
    const claim = index.claims[0]!;
    // 000 carries it in full (its partial quote adds nothing); 003 and 004 only in part.
    expect(reportCount(claim)).toBe(1);
    expect(partialReportCount(claim)).toBe(2);
    // Reports are named by the publisher the document states, else by their short title.
    expect(claim.note).toBe('Cybernews and ClearanceJobs differ.');
    expect(claim.attribution).toBe('“TikTok eases anxieties…”');
    expect(nameReports('{001}', sources)).toBe('“TIKTOK Meeting Audio Leaks…”');
  });
});

describe('the build', () => {
  // Broken seeds (what the verifier checks) and unfaithful ones (the fidelity rules) stop the build the same way.
  it.each([...BROKEN_SEEDS, ...UNFAITHFUL_SEEDS])(
    'stops, naming the file and the claim, on $name',
    async ({ file, text, says }) => {
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
    },
  );
});
