/** Claim packs in end-to-end tests: the test pack's files, importing one as a reader does, and clearing them. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserHarness, TestPage } from '../../scripts/harness/harness.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/packs');
export const HARBOR_FILE = join(FIXTURES, 'harbor.claimlight.json');
export const TAMPERED_FILE = join(FIXTURES, 'harbor-tampered.claimlight.json');

interface PackFileView {
  id: string;
  name: string;
  sha256: string;
}

export function packFile(path: string): PackFileView {
  const bytes = readFileSync(path);
  const data = JSON.parse(bytes.toString('utf8')) as { id: string; name: string };
  return { id: data.id, name: data.name, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Chooses `file` in the options page's pack input and waits for its outcome: imported, or refused. On a page
 * that showed no outcome yet (the outcome of an earlier file would be taken for this one's).
 */
export async function choosePack(options: TestPage, file: string): Promise<'imported' | 'refused'> {
  await options.waitFor(() => document.querySelector('.packs input[type=file]') !== null, undefined, 15_000);
  await options.setFile('.packs input[type=file]', file);
  const outcome = await options.waitFor(
    () =>
      document.querySelector('.pack-outcome .imported')
        ? 'imported'
        : document.querySelector('.pack-refused')
          ? 'refused'
          : null,
    undefined,
    30_000,
  );
  if (!outcome) throw new Error('no outcome');
  return outcome;
}

/** The options page (its address given `via` a web page, as a reader reaches it), with no pack stored. */
export async function optionsWithoutPacks(harness: BrowserHarness, via: string): Promise<TestPage> {
  const options = await harness.openPage('src/options/index.html', via);
  await options.waitFor(() => document.querySelector('.packs [data-pack="builtin"]') !== null, undefined, 15_000);
  await clearPacks(options);
  await options.waitFor(() => document.querySelectorAll('.pack-list > li').length === 1, undefined, 15_000);
  return options;
}

/** Removes every stored pack and the pack state (from an extension page), so each test starts without packs. */
export async function clearPacks(extensionPage: TestPage): Promise<void> {
  await extensionPage.evaluate(async () => {
    interface LocalArea {
      get(keys: null): Promise<Record<string, unknown>>;
      remove(keys: string[]): Promise<void>;
    }
    const scope = globalThis as unknown as { browser?: { storage: { local: LocalArea } } };
    const api = scope.browser ?? (globalThis as unknown as { chrome: { storage: { local: LocalArea } } }).chrome;
    const all = await api.storage.local.get(null);
    await api.storage.local.remove(Object.keys(all).filter((key) => key.startsWith('pack')));
  });
}

/**
 * A new version of the test pack (same id) whose own company is found by `spellings` only, written to a file of
 * its own: what a pack maker publishes when they narrow a company's mention rules.
 */
export function harborWithSpellings(spellings: string[]): string {
  const pack = JSON.parse(readFileSync(HARBOR_FILE, 'utf8')) as { files: Record<string, string> };
  const companies = JSON.parse(pack.files['companies.json'] ?? '{}') as {
    companies: { mentions: { spellings: string[] } }[];
  };
  for (const company of companies.companies) company.mentions.spellings = spellings;
  pack.files['companies.json'] = JSON.stringify(companies, null, 2);
  const file = join(mkdtempSync(join(tmpdir(), 'claimlight-pack-')), 'harbor-v2.claimlight.json');
  writeFileSync(file, JSON.stringify(pack, null, 2));
  return file;
}

interface FixtureClaim {
  id: string;
  statement: string;
  evidence: { source: string; quote: string }[];
}

function packClaims(path: string): FixtureClaim[] {
  const pack = JSON.parse(readFileSync(path, 'utf8')) as { files: Record<string, string> };
  return (JSON.parse(pack.files['claims.json'] ?? '{}') as { claims: FixtureClaim[] }).claims;
}

/** The claim the tampered pack changed (a quote no longer in its report): found by comparing the two files. */
export function tamperedClaim(): { id: string; statement: string; source: string } {
  const original = new Map(packClaims(HARBOR_FILE).map((claim) => [claim.id, claim]));
  for (const claim of packClaims(TAMPERED_FILE)) {
    const before = original.get(claim.id);
    const changed = claim.evidence.find((e, i) => e.quote !== before?.evidence[i]?.quote);
    if (changed) return { id: claim.id, statement: claim.statement, source: changed.source };
  }
  throw new Error('the tampered pack changes no quote');
}
