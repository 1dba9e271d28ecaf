/** Looking up a selection: the menu item's click opens the library searching for it, which ranks the claims. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('virtual:claimlight/claims-index', () => import('./seeds.ts').then((seeds) => seeds.claimsIndexModule()));
vi.mock('virtual:claimlight/claim-signatures', () =>
  import('./seeds.ts').then((seeds) => seeds.claimSignaturesModule()),
);
vi.mock('../../src/shared/browser.ts', () => ({ default: { i18n: { getMessage: (key: string) => key } } }));

const { LOOKUP_MENU_ID, lookupPath } = await import('../../src/background/lookup.ts');
const { searchClaims } = await import('../../src/library/search.ts');
const { parseLibraryQuery } = await import('../../src/library/query.ts');
const { CLAIMS_INDEX } = await import('../../src/shared/claimsIndex.ts');
const { builtInCatalog } = await import('../../src/shared/catalog/builtIn.ts');

const ids = (text: string) => searchClaims(builtInCatalog(), CLAIMS_INDEX.claims, text).map((claim) => claim.id);

describe('looking up a selection', () => {
  it('opens the library searching for the selected text, whole up to 500 characters', () => {
    const path = lookupPath({
      menuItemId: LOOKUP_MENU_ID,
      selectionText: '  “Everything is seen\nin China,” he said. ',
    });
    expect(path).toMatch(/^src\/library\/index\.html\?q=/);
    expect(parseLibraryQuery(path?.slice(path.indexOf('?')) ?? '').text).toBe(
      '“Everything is seen in China,” he said.',
    );
    const long = lookupPath({ menuItemId: LOOKUP_MENU_ID, selectionText: 'word '.repeat(300) }) ?? '';
    expect(parseLibraryQuery(long.slice(long.indexOf('?'))).text).toHaveLength(500);
    expect(lookupPath({ menuItemId: 'other', selectionText: 'TikTok' })).toBeNull();
    expect(lookupPath({ menuItemId: LOOKUP_MENU_ID, selectionText: '   ' })).toBeNull();
  });

  it('finds the claims a selected sentence says first, and none for a sentence about something else', () => {
    const found = ids('Engineers in China had access to the data of American users, according to leaked audio.');
    expect(found.slice(0, 2)).toEqual(
      expect.arrayContaining(['bytedance-staff-able-to-access-us-data', 'china-based-staff-accessed-us-data']),
    );
    expect(found.length).toBeLessThan(15);
    expect(ids('The weather was mild on Friday and the office was half empty.')).toEqual([]);
  });

  it('keeps finding a few words in the claims, most relevant first', () => {
    const found = ids('master admin');
    expect(found[0]).toBe('master-admin-has-access-to-everything');
    for (const id of found) {
      const claim = CLAIMS_INDEX.claims.find((c) => c.id === id);
      const text = [claim?.statement, claim?.attribution, claim?.note, ...(claim?.evidence.map((e) => e[1]) ?? [])]
        .join(' ')
        .toLowerCase();
      expect(text).toContain('master');
      expect(text).toContain('admin');
    }
    expect(ids('')).toHaveLength(CLAIMS_INDEX.claims.length);
  });
});

describe('a sentence the reports repeat nowhere', () => {
  it('offers a few of its words to search, the rarest among the claims first, only words some claim holds', async () => {
    const { wordsToSearch } = await import('../../src/library/search.ts');
    const words = wordsToSearch(
      builtInCatalog(),
      CLAIMS_INDEX.claims,
      'Oracle said its quarterly revenue rose 8 percent as customers signed more long-term cloud contracts.',
    ).split(' ');
    expect(words.length).toBeGreaterThan(0);
    expect(words.length).toBeLessThanOrEqual(3);
    // Together they find claims: the search they offer is not empty.
    expect(ids(words.join(' ')).length).toBeGreaterThan(0);
    expect(wordsToSearch(builtInCatalog(), CLAIMS_INDEX.claims, 'zzzz qqqq')).toBe('');
  });
});
