/**
 * Claim packs, as a reader uses them: a pack imported by the options page's file input is verified in the
 * browser, listed with its SHA-256, and its company is highlighted with its own card, its claims in the popup
 * and the library; a tampered pack is refused naming its claim and nothing of it is kept; switching a pack off
 * and removing it take its highlights off an open page.
 */
import { expect, test } from '../support/fixtures.ts';
import { readCard, waitForCard } from '../support/card.ts';
import {
  choosePack,
  clearPacks,
  HARBOR_FILE,
  harborWithSpellings,
  optionsWithoutPacks,
  packFile,
  TAMPERED_FILE,
  tamperedClaim,
} from '../support/packs.ts';
import { waitForHighlights } from '../support/page.ts';
import type { TestPage } from '../../scripts/harness/harness.ts';

const HARBOR = packFile(HARBOR_FILE);
const LARKSPUR = '[data-claimlight-entity="larkspur"]';

const count = (tab: TestPage, selector: string) => tab.evaluate((s) => document.querySelectorAll(s).length, selector);

test.afterEach(async ({ harness, server }) => {
  const page = await harness.openPage('src/options/index.html', server.url('/story.html'));
  await clearPacks(page);
  await page.close();
});

test('an imported pack is listed with its SHA-256, and its company is highlighted with its own card', async ({
  tab,
  harness,
  server,
}) => {
  // Without the pack, Larkspur is no company: the page's highlights are TikTok's and Oracle's (the positive control).
  await tab.goto(server.url('/larkspur.html'));
  await waitForHighlights(tab, 2);
  expect(await count(tab, LARKSPUR)).toBe(0);

  const options = await optionsWithoutPacks(harness, server.url('/story.html'));
  expect(await choosePack(options, HARBOR_FILE)).toBe('imported');
  const listed = await options.waitFor((id) => {
    const item = document.querySelector(`.pack-list [data-pack="${id}"]`);
    return item ? { text: item.textContent, sha: item.querySelector('.sha code')?.textContent ?? '' } : null;
  }, HARBOR.id);
  if (!listed) throw new Error('the pack is not listed');
  expect(listed.sha).toBe(HARBOR.sha256);
  expect(listed.text).toContain(HARBOR.name);
  expect(listed.text).toMatch(/12 claims · 3 reports · 1 company of its own/);
  expect(listed.text).toContain('2026-03-04');
  // The built-in claims come first, and can be switched off but not removed.
  expect(await options.evaluate(() => document.querySelector('.pack-list > li')?.getAttribute('data-pack'))).toBe(
    'builtin',
  );
  expect(await count(options, '[data-pack="builtin"] [role="switch"]')).toBe(1);
  expect(await count(options, '[data-pack="builtin"] button:not([role="switch"])')).toBe(0);
  // The same query finds the pack's own Remove button: the built-in claims' absence of one is no blind spot.
  expect(await count(options, `[data-pack="${HARBOR.id}"] button:not([role="switch"])`)).toBe(1);

  // The open page takes the pack's company at once: "Larkspur Robotics" and "Larkspur", never "Larkspur Landing".
  await expect.poll(() => count(tab, LARKSPUR), { timeout: 15_000 }).toBe(2);
  await tab.hover(LARKSPUR);
  await waitForCard(tab, 'Larkspur Robotics');
  const card = await readCard(tab);
  expect(card?.claims.length).toBeGreaterThan(0);
  expect(card?.claims[0]?.meta).toContain(`From the claim pack “${HARBOR.name}”`);
  expect(card?.claims[0]?.meta).toMatch(/of 3 reports/);
  await tab.moveMouse(1, 1);

  // A page opened after the import finds the company from the start, even where it names no built-in company:
  // only the pack's pre-test can wake the engine there.
  const only = await harness.newPage();
  await only.goto(server.url('/larkspur-only.html'));
  await expect.poll(() => count(only, LARKSPUR), { timeout: 15_000 }).toBe(1);
  expect(await count(only, '[data-claimlight-entity]')).toBe(1);
  await only.close();
  const fresh = await harness.newPage();
  await fresh.goto(server.url('/larkspur.html'));
  await expect.poll(() => count(fresh, LARKSPUR), { timeout: 15_000 }).toBe(2);

  // The popup lists the company and its claims, labelled with the pack.
  const popup = await harness.openPopup(fresh, server.url('/story.html'));
  const section = await popup.waitFor(
    () => document.querySelector('.company[data-entity="larkspur"] h2')?.textContent ?? null,
    undefined,
    15_000,
  );
  expect(section).toBe('Larkspur Robotics');
  const labelled = await popup.waitFor(
    (name) => {
      const row = document.querySelector('[data-claim-id^="harbor--"]');
      return row ? row.textContent.includes(`From the claim pack “${name}”`) : null;
    },
    HARBOR.name,
    15_000,
  );
  expect(labelled).toBe(true);
  await popup.close();
  await fresh.close();

  // The library filters by claim set.
  const library = await harness.openPage(`src/library/index.html?set=${HARBOR.id}`, server.url('/story.html'));
  const shown = await library.waitFor(() => {
    const claims = document.querySelectorAll('.claims > li');
    return claims.length > 0 ? claims.length : null;
  });
  expect(shown).toBe(12);
  expect(
    await library.evaluate(() => (document.getElementById('filter-set') as HTMLSelectElement | null)?.value ?? null),
  ).toBe(HARBOR.id);
  await library.close();
  await options.close();
});

test('a tampered pack is refused, naming its claim, and nothing of it is kept', async ({ harness, server }) => {
  const options = await optionsWithoutPacks(harness, server.url('/story.html'));
  expect(await choosePack(options, TAMPERED_FILE)).toBe('refused');
  const refusal = await options.evaluate(() => document.querySelector('.pack-refused')?.textContent ?? '');
  // The claim whose quote was changed, by its id and its statement, and the report it cites.
  const changed = tamperedClaim();
  expect(refusal).toContain(changed.id);
  expect(refusal).toContain(changed.statement);
  expect(refusal).toContain(`quote is not in ${changed.source}`);
  // That claim alone: a verifier that refused every quote would list twelve.
  expect(await count(options, '.pack-refused li')).toBe(1);
  // Nothing stored: only the built-in claims are listed, and storage holds no pack.
  expect(await count(options, '.pack-list > li')).toBe(1);
  const stored = await options.evaluate(async () => {
    const scope = globalThis as unknown as { browser?: typeof globalThis; chrome?: unknown };
    const api = (scope.browser ?? scope.chrome) as { storage: { local: { get(k: null): Promise<object> } } };
    return Object.keys(await api.storage.local.get(null));
  });
  expect(stored.filter((key) => key.startsWith('pack'))).toEqual([]);
  await options.close();
});

test('switching a pack off and removing it take its highlights off an open page', async ({ tab, harness, server }) => {
  const options = await optionsWithoutPacks(harness, server.url('/story.html'));
  expect(await choosePack(options, HARBOR_FILE)).toBe('imported');
  await tab.goto(server.url('/larkspur.html'));
  await expect.poll(() => count(tab, LARKSPUR), { timeout: 15_000 }).toBe(2);

  const toggle = async (state: 'true' | 'false') => {
    await options.evaluate((id) => document.getElementById(`pack-${id}`)?.click(), HARBOR.id);
    await options.waitFor(([id, s]) => document.getElementById(`pack-${id}`)?.getAttribute('aria-checked') === s, [
      HARBOR.id,
      state,
    ] as const);
  };
  await toggle('false');
  await expect.poll(() => count(tab, LARKSPUR), { timeout: 15_000 }).toBe(0);
  // TikTok stays highlighted: only the pack's company went.
  expect(await count(tab, '[data-claimlight-entity="tiktok"]')).toBe(1);
  await toggle('true');
  await expect.poll(() => count(tab, LARKSPUR), { timeout: 15_000 }).toBe(2);

  // Removing asks once more, then the pack and its highlights are gone.
  await options.evaluate((id) => {
    const item = document.querySelector(`.pack-list [data-pack="${id}"]`);
    [...(item?.querySelectorAll('button') ?? [])].find((b) => b.textContent.startsWith('Remove'))?.click();
  }, HARBOR.id);
  await options.waitFor(() =>
    [...document.querySelectorAll('.pack-list button')].some((b) => b.textContent.startsWith('Yes, remove')),
  );
  await options.evaluate(() =>
    [...document.querySelectorAll<HTMLButtonElement>('.pack-list button')]
      .find((b) => b.textContent.startsWith('Yes, remove'))
      ?.click(),
  );
  await options.waitFor(() => document.querySelectorAll('.pack-list > li').length === 1);
  await expect.poll(() => count(tab, LARKSPUR), { timeout: 15_000 }).toBe(0);
  expect(await count(tab, '[data-claimlight-entity="tiktok"]')).toBe(1);
  await options.close();
});

test('a new version of a pack replaces it, and open pages follow its company’s new mention rules', async ({
  tab,
  harness,
  server,
}) => {
  const options = await optionsWithoutPacks(harness, server.url('/story.html'));
  expect(await choosePack(options, HARBOR_FILE)).toBe('imported');
  await tab.goto(server.url('/larkspur.html'));
  // "Larkspur Robotics" and "Larkspur" alone.
  await expect.poll(() => count(tab, LARKSPUR), { timeout: 15_000 }).toBe(2);

  // The new version finds the company by its full name only. Its id is installed: it is offered as a replacement.
  expect(await choosePack(options, harborWithSpellings(['Larkspur Robotics']))).toBe('refused');
  await options.waitFor(() =>
    [...document.querySelectorAll('.pack-refused button')].some((b) => b.textContent.startsWith('Replace')),
  );
  await options.evaluate(() =>
    [...document.querySelectorAll<HTMLButtonElement>('.pack-refused button')]
      .find((b) => b.textContent.startsWith('Replace'))
      ?.click(),
  );
  await options.waitFor(() => document.querySelector('.pack-outcome .imported') !== null, undefined, 30_000);
  expect(await count(options, '.pack-list > li')).toBe(2);
  await expect.poll(() => count(tab, LARKSPUR), { timeout: 15_000 }).toBe(1);
  expect(await tab.evaluate((s) => document.querySelector(s)?.textContent, LARKSPUR)).toBe('Larkspur Robotics');
  await options.close();
});
