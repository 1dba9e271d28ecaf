// @vitest-environment happy-dom
/**
 * The popup's states, rendered with a stand-in for the browser APIs: the
 * states that a test browser cannot reach (a browser page, Firefox without
 * host access) as well as the rest.
 */
import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import messages from '../../public/_locales/en/messages.json' with { type: 'json' };

interface FakeWorld {
  counts: Record<string, number>;
  site: string | null;
  url: string | undefined;
  stored: unknown;
  hostAccess: boolean;
  written: unknown[];
  /** What the background answers about the page's sentences (undefined: not matched yet). */
  page: unknown;
  /** What the page's content script answers to a ping (undefined: no content script there). */
  ping: unknown;
}

/** A popup's world before each test: nothing reported, default settings, access granted. */
const freshWorld = (): FakeWorld => ({
  counts: {},
  site: null,
  url: undefined,
  stored: undefined,
  hostAccess: true,
  written: [],
  page: undefined,
  ping: undefined,
});

const world: FakeWorld = freshWorld();

function message(key: string, subs?: string | string[]): string {
  const entry = (messages as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>)[
    key
  ];
  if (!entry) return '';
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  return entry.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return list[Number(content.slice(1)) - 1] ?? '';
  });
}

vi.mock('../../src/shared/browser.ts', () => ({
  default: {
    i18n: { getMessage: message, getUILanguage: () => 'en' },
    runtime: {
      sendMessage: (m: { type: string; tabId: number }) =>
        Promise.resolve(
          m.type === 'tab/get-state'
            ? { tabId: m.tabId, counts: { tiktok: 0, bytedance: 0, oracle: 0, ...world.counts }, site: world.site }
            : m.type === 'page/get-claims'
              ? world.page
              : undefined,
        ),
      getURL: (p: string) => `chrome-extension://test/${p}`,
      openOptionsPage: () => Promise.resolve(),
    },
    storage: {
      sync: {
        get: () => Promise.resolve(world.stored === undefined ? {} : { settings: world.stored }),
        set: (v: { settings: unknown }) => {
          world.written.push(v.settings);
          return Promise.resolve();
        },
      },
    },
    tabs: {
      get: (id: number) => Promise.resolve({ id, url: world.url }),
      query: () => Promise.resolve([{ id: 1 }]),
      sendMessage: (_id: number, m: { type: string }) =>
        m.type === 'page/ping'
          ? world.ping === undefined
            ? Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'))
            : Promise.resolve(world.ping)
          : Promise.resolve(true),
      create: () => Promise.resolve({}),
    },
    permissions: {
      contains: () => Promise.resolve(world.hostAccess),
      request: () => Promise.resolve(false),
    },
  },
}));

vi.mock('virtual:claimlight/claims-index', () => import('./seeds.ts').then((seeds) => seeds.claimsIndexModule()));

async function showPopup(): Promise<HTMLElement> {
  const { Popup } = await import('../../src/popup/Popup.tsx');
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<Popup tabId={Promise.resolve(7)} />, root);
  for (let i = 0; i < 50 && root.querySelector('[aria-busy="true"]'); i++) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 10));
  return root;
}

beforeEach(() => {
  Object.assign(world, freshWorld());
});

describe('popup states', () => {
  it('says when browsers do not let extensions run on the page', async () => {
    world.url = 'chrome://settings/';
    const root = await showPopup();
    expect(root.textContent).toContain("Browsers don't let extensions run on this page");
    expect(root.querySelector('#site')).toBeNull();
  });

  it('names Claimlight’s own pages as such, not as pages browsers keep extensions out of', async () => {
    world.url = 'chrome-extension://test/src/library/index.html';
    const root = await showPopup();
    expect(root.textContent).toContain('This is one of Claimlight’s own pages');
    const { unsupportedReason } = await import('../../src/ui/summary/state.ts');
    expect(unsupportedReason('chrome-extension://other-extension/page.html')).toBe('browser');
  });

  it('recognises add-on stores as such pages', async () => {
    const { unsupportedReason } = await import('../../src/ui/summary/state.ts');
    expect(unsupportedReason('https://chromewebstore.google.com/detail/x')).toBe('store');
    expect(unsupportedReason('https://addons.mozilla.org/en-US/firefox/')).toBe('store');
    expect(unsupportedReason('about:addons')).toBe('browser');
    expect(unsupportedReason('https://example.com/')).toBeNull();
  });

  it('says plainly why there are no highlights in Reader View and on a PDF', async () => {
    const { unsupportedReason } = await import('../../src/ui/summary/state.ts');
    expect(unsupportedReason('about:reader?url=https%3A%2F%2Fexample.com%2Fstory')).toBe('reader');
    expect(unsupportedReason('https://example.com/files/Report.PDF?dl=1')).toBe('pdf');
    expect(unsupportedReason('https://example.com/pdf-guide.html')).toBeNull();
    world.url = 'about:reader?url=https%3A%2F%2Fexample.com%2Fstory';
    expect((await showPopup()).textContent).toContain("This is Firefox's Reader View");
    world.url = 'https://example.com/files/report.pdf';
    const pdf = await showPopup();
    expect(pdf.textContent).toContain('This is a PDF, shown in the browser');
    expect(pdf.querySelector('#site')).toBeNull();
  });

  it("when a page's address is hidden and it never reported, says what that can mean (the side panel's view)", async () => {
    // Chrome's side panel reads no address without the reader's click: a page with no mention and a browser
    // page both show up as a tab with no URL whose content script says nothing.
    world.url = undefined;
    const root = await showPopup();
    expect(root.textContent).toContain(
      "No mention of TikTok, ByteDance, or Oracle found here. If this is one of the browser's own pages",
    );
    expect(root.querySelector('#site')).toBeNull();
    // A page that did report, from a frame, is one Claimlight read.
    world.counts = { oracle: 1 };
    expect((await showPopup()).textContent).not.toContain('found here');
  });

  it("asks the page's engine when it reported nothing and its address is hidden, and shows its site", async () => {
    world.url = undefined;
    world.ping = { site: 'news.example.org' };
    const root = await showPopup();
    expect(root.textContent).toContain('No mention of TikTok, ByteDance, or Oracle on this page.');
    expect(root.querySelector('#site-label')?.textContent).toBe('Highlight on news.example.org');
    // An answer that is not the engine's is no answer.
    world.ping = { site: 'news.example.org', extra: true };
    expect((await showPopup()).textContent).toContain('found here');
  });

  it('offers to ask for access when the user has withheld it (Firefox)', async () => {
    world.hostAccess = false;
    world.url = 'https://example.com/a';
    const root = await showPopup();
    expect(root.textContent).toContain('Claimlight has no access to websites');
    expect(root.querySelector('button.primary')?.textContent).toBe('Allow access to websites');
  });

  it('says when a page mentions none of the companies', async () => {
    world.url = 'https://example.com/';
    const root = await showPopup();
    expect(root.textContent).toContain('No mention of TikTok, ByteDance, or Oracle on this page.');
    expect(root.querySelector('#site-label')?.textContent).toBe('Highlight on example.com');
  });

  it('lists the mentioned companies, then each of their claims once', async () => {
    world.counts = { tiktok: 3, oracle: 1 };
    world.site = 'news.example.com';
    const root = await showPopup();
    const names = [...root.querySelectorAll('.company h2')].map((h) => h.textContent);
    expect(names).toEqual(['TikTok', 'Oracle']);
    const ids = [...root.querySelectorAll('.claims [data-claim-id]')].map((el) => el.getAttribute('data-claim-id'));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('us-traffic-routed-to-oracle-cloud');
    // Three folded to their statements before the fold, the rest folded behind it.
    expect(root.querySelectorAll('.claims > .claim-rows > li > .claim-row')).toHaveLength(3);
    expect(root.querySelector('.more-claims > summary')?.textContent).toBe(`${String(ids.length - 3)} more claims`);
    expect(root.querySelector('.page-repeats')).toBeNull();
  });

  it('leads with what the page repeats, and ranks the claims by the page', async () => {
    world.counts = { tiktok: 2, oracle: 1 };
    world.page = {
      sentences: [
        {
          id: 'a1b2c3d4-0',
          text: 'All US traffic now goes to Oracle, the company said.',
          claims: ['us-traffic-routed-to-oracle-cloud'],
        },
      ],
      aboutStory: true,
      ranked: ['us-traffic-routed-to-oracle-cloud', 'everything-is-seen-in-china'],
    };
    const root = await showPopup();
    const entry = root.querySelector('[data-page-claim="us-traffic-routed-to-oracle-cloud"]');
    expect(entry?.textContent).toContain('All US traffic now goes to Oracle, the company said.');
    expect(entry?.querySelector('.claim-row')?.getAttribute('data-claim-id')).toBe('us-traffic-routed-to-oracle-cloud');
    expect(entry?.querySelector('.repeat-actions')?.textContent).toContain('1 sentence here');
    // Below, the rest of the reports' claims, led by the page's ranking; the claim the page repeats is not
    // listed twice.
    const first = [...root.querySelectorAll('.claims .claim-row')].map((el) => el.getAttribute('data-claim-id'));
    expect(first[0]).toBe('everything-is-seen-in-china');
    expect(first).not.toContain('us-traffic-routed-to-oracle-cloud');
  });

  it('on a page about something else, says so and folds the claims', async () => {
    world.counts = { oracle: 2 };
    world.page = { sentences: [], aboutStory: false, ranked: [] };
    const root = await showPopup();
    expect(root.querySelector('.unrelated')?.textContent).toContain('Nothing on this page relates to the reports');
    const folded = root.querySelector('details.folded-claims');
    expect(folded?.hasAttribute('open')).toBe(false);
    // One line: that the page is about something else, and what unfolding shows.
    expect(folded?.querySelector('summary')?.textContent).toMatch(
      /^Nothing on this page relates to the reports’ story\. Claims about Oracle \(\d+\)$/,
    );
  });

  it('turning the site off saves it, and says so', async () => {
    world.counts = { tiktok: 1 };
    world.site = 'www.example.com';
    const root = await showPopup();
    (root.querySelector('#site') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 10));
    expect(world.written.at(-1)).toMatchObject({ disabledSites: ['example.com'] });
    expect(root.textContent).toContain('Claimlight is off on this site.');
  });

  it('says when corrupt settings fell back to their defaults', async () => {
    world.stored = { paused: 'sometimes' };
    world.url = 'https://example.com/';
    const root = await showPopup();
    expect(root.textContent).toContain('Some stored settings were unreadable');
  });
});
