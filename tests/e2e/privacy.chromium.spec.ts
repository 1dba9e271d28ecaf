/**
 * Privacy at run time, in Chromium, where the browser can record every
 * request it makes (NetLog) whichever context made it: over a full session
 * (pages, hover card, popup, options, library, viewer) no extension context
 * requests anything, and the pages request only themselves. Also: a page
 * cannot probe the extension's files, and the extension pages' CSP refuses
 * remote code and connections at run time.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { ChromeApi } from '../../scripts/harness/chromeApi.ts';
import { launchChromium, type ChromiumHarness } from '../../scripts/harness/harness.ts';
import { startServer, type TestServer } from '../../scripts/harness/server.ts';
import { mentionsKey } from '../../src/shared/sessionKeys.ts';

interface NetLog {
  constants: { logEventTypes: Record<string, number> };
  events: { type: number; params?: { url?: string; initiator?: string } }[];
}

/** Every URL the network stack was asked for, with the origin that asked (when the browser records one). */
function requestsIn(path: string): { url: string; initiator: string | null }[] {
  const log = JSON.parse(readFileSync(path, 'utf8')) as NetLog;
  const start = log.constants.logEventTypes['URL_REQUEST_START_JOB'];
  return log.events
    .filter((e) => e.type === start && e.params?.url)
    .map((e) => {
      const initiator = e.params?.initiator;
      // The browser's own requests (component updater, sign-in) are logged as made by "not an origin".
      return { url: e.params?.url ?? '', initiator: initiator && initiator !== 'not an origin' ? initiator : null };
    });
}

/** What the background tells an extension page (the popup's question) about a tab. */
function tabStateFrom(extensionPage: Page, tabId: number): Promise<unknown> {
  return extensionPage.evaluate(
    (id) =>
      (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime.sendMessage({ type: 'tab/get-state', tabId: id }),
    tabId,
  );
}

test.describe('privacy over a full session', () => {
  let server: TestServer;
  let harness: ChromiumHarness;
  let dir: string;
  let netLog: string;

  test.beforeAll(async () => {
    server = await startServer();
    dir = await mkdtemp(join(tmpdir(), 'claimlight-netlog-'));
    netLog = join(dir, 'netlog.json');
    harness = await launchChromium({ extraArgs: [`--log-net-log=${netLog}`, '--net-log-capture-mode=Default'] });
  });

  test.afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('no extension context requests anything; pages request only themselves', async () => {
    test.setTimeout(120_000);
    const visited = new Set<string>();
    const { page, tabId } = await harness.newTab();
    const article = server.url('/article.html');
    visited.add(new URL(article).pathname);
    await page.goto(article);
    await page.waitForFunction(() => document.querySelectorAll('[data-claimlight-entity]').length >= 5);
    // The hover card, and from it the source viewer and the library.
    await page.hover('#p1 claimlight-mention');
    await page.waitForFunction(
      () =>
        document.querySelector('claimlight-card')?.shadowRoot?.querySelector('.card .name')?.textContent ===
        'ByteDance',
    );
    const tabs = harness.context.pages().length;
    await page.evaluate(() => {
      const root = document.querySelector('claimlight-card')?.shadowRoot;
      root?.querySelector<HTMLElement>('.all-claims')?.click();
      root?.querySelector<HTMLElement>('.source')?.click();
    });
    await expect.poll(() => harness.context.pages().length).toBe(tabs + 2);
    // The extension's own pages, each used a little: each closed once it has rendered what it shows (the
    // popup the article's three companies, the options their settings, the library its claims, the viewer its
    // answer), so whatever it loads to show that has been asked for.
    for (const [path, shown] of [
      [`src/popup/index.html?tab=${String(tabId)}`, '.company >> nth=2'],
      ['src/options/index.html', 'main.options:not([aria-busy]) .switch >> nth=0'],
      ['src/library/index.html?company=oracle', '.claims .claim >> nth=0'],
      ['src/viewer/index.html?source=002', 'main.viewer h1'],
    ] as const) {
      const extensionPage = await harness.openExtensionPage(path);
      await extensionPage.waitForLoadState('load');
      await expect(extensionPage.locator(shown)).toBeVisible({ timeout: 15_000 });
      await extensionPage.close();
    }
    // A second page with no mention, and a reload.
    const plain = server.url('/no-mentions.html');
    visited.add(new URL(plain).pathname);
    await page.goto(plain);
    await page.reload();
    // A request the page itself makes, so the log is seen to name who asked.
    visited.add('/demo.html');
    await page.evaluate(() => fetch('/demo.html').then((r) => r.text()));
    // The positive control: a mention the reloaded page adds is highlighted, so the content script ran on it
    // and its engine started there (anything either asks for has been asked for) before the log is closed.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p id="control">Later: TikTok.</p>'));
    await page.waitForFunction(() => document.querySelector('#control claimlight-mention') !== null);
    await harness.close();

    const requests = requestsIn(netLog);
    // The log names the origin behind each request a page or extension context makes.
    expect(requests).toContainEqual({ url: server.url('/demo.html'), initiator: server.origin });
    // Nothing asked for by the extension's service worker, its pages or its content script…
    expect(requests.filter((r) => r.initiator?.startsWith('chrome-extension://'))).toEqual([]);
    // …and everything any page or extension context asked for is a test page the session opened (or the
    // favicon the browser fetches for it). Requests with no initiator are the browser's own (component
    // updater, sign-in), made with or without Claimlight, and refused by the offline host rules.
    const strays = requests
      .filter((r) => r.initiator !== null || new URL(r.url).origin === server.origin)
      .map((r) => new URL(r.url))
      .filter((u) => u.origin !== server.origin || !(visited.has(u.pathname) || u.pathname === '/favicon.ico'));
    expect(strays.map((u) => u.href)).toEqual([]);
  });
});

test.describe('what a page and the extension pages can reach', () => {
  let server: TestServer;
  let harness: ChromiumHarness;

  test.beforeAll(async () => {
    server = await startServer();
    harness = await launchChromium();
  });

  test.afterAll(async () => {
    await harness.close();
    await server.close();
  });

  test('a page cannot load or probe any of the extension’s files', async () => {
    const page = await harness.context.newPage();
    await page.goto(server.url('/no-mentions.html'));
    const base = `chrome-extension://${harness.extensionId}/`;
    const outcomes = await page.evaluate(async (root) => {
      const files = [
        'manifest.json',
        'src/content/index.iife.js',
        'src/content/engine.js',
        'icons/icon-16.png',
        'src/popup/index.html',
      ];
      const results: string[] = [];
      for (const file of files) {
        const url = root + file;
        const byFetch = await fetch(url).then(
          () => 'loaded',
          () => 'refused',
        );
        const byElement = await new Promise<string>((done) => {
          const img = document.createElement('img');
          img.onload = () => done('loaded');
          img.onerror = () => done('refused');
          img.src = url;
        });
        results.push(`${file}: ${byFetch}, ${byElement}`);
      }
      // The engine is the one file the content script imports: a page's script or import cannot have it.
      const engine = root + 'src/content/engine.js';
      const byScript = await new Promise<string>((done) => {
        const script = document.createElement('script');
        script.type = 'module';
        script.onload = () => done('loaded');
        script.onerror = () => done('refused');
        script.src = engine;
        document.head.append(script);
      });
      const byImport = await import(/* @vite-ignore */ engine).then(
        () => 'loaded',
        () => 'refused',
      );
      results.push(`engine by script: ${byScript}, by import: ${byImport}`);
      return results;
    }, base);
    expect(outcomes).toEqual([
      'manifest.json: refused, refused',
      'src/content/index.iife.js: refused, refused',
      'src/content/engine.js: refused, refused',
      'icons/icon-16.png: refused, refused',
      'src/popup/index.html: refused, refused',
      'engine by script: refused, by import: refused',
    ]);
    await page.close();
  });

  test('a page without a mention runs only the dormant entry; the engine loads with the first mention', async () => {
    // Every script the browser compiles in a tab, in any world (the page's, the content script's).
    const watch = async (page: Page) => {
      const parsed: string[] = [];
      const cdp = await harness.context.newCDPSession(page);
      cdp.on('Debugger.scriptParsed', (event: { url: string }) => {
        if (event.url.startsWith('chrome-extension://')) parsed.push(event.url);
      });
      await cdp.send('Debugger.enable');
      return parsed;
    };
    const files = (parsed: string[]) => parsed.map((url) => new URL(url).pathname);

    const quiet = await harness.context.newPage();
    const quietScripts = await watch(quiet);
    await quiet.goto(server.url('/no-mentions.html'));
    // The dormant entry ran on the page (it read the page's text and found no possible mention)…
    await expect.poll(() => files(quietScripts)).toEqual(['/src/content/index.iife.js']);
    await quiet.evaluate(() => document.body.textContent.length);

    // …while on a page with mentions, opened after it, the engine is loaded and highlights: the same
    // observer sees it, so it would have seen the quiet page's.
    const busy = await harness.context.newPage();
    const busyScripts = await watch(busy);
    await busy.goto(server.url('/demo.html'));
    await busy.waitForFunction(() => document.querySelectorAll('claimlight-mention').length >= 3);
    expect(files(busyScripts)).toEqual(['/src/content/index.iife.js', '/src/content/engine.js']);
    expect(files(quietScripts)).toEqual(['/src/content/index.iife.js']);

    // The quiet page's first mention brings the engine, and it highlights.
    await quiet.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'A late paragraph about TikTok.';
      document.body.append(p);
    });
    await quiet.waitForFunction(() => document.querySelectorAll('claimlight-mention').length === 1);
    expect(files(quietScripts)).toEqual(['/src/content/index.iife.js', '/src/content/engine.js']);
    await quiet.close();
    await busy.close();
  });

  test('extension pages refuse remote code, connections and inline scripts at run time', async () => {
    const page = await harness.openExtensionPage('src/options/index.html');
    const outcome = await page.evaluate(async (origin) => {
      const connect = await fetch(`${origin}/article.html`).then(
        () => 'connected',
        () => 'refused',
      );
      const remoteModule = await import(/* @vite-ignore */ `${origin}/remote.js`).then(
        () => 'loaded',
        () => 'refused',
      );
      const inline = await new Promise<string>((done) => {
        (window as unknown as { __inlineRan?: boolean }).__inlineRan = false;
        // An inline script runs as it is inserted, or is refused with a CSP violation report: wait for either.
        document.addEventListener('securitypolicyviolation', (event) => {
          if (event.blockedURI === 'inline') done('refused');
        });
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true;';
        document.head.append(script);
        if ((window as unknown as { __inlineRan?: boolean }).__inlineRan) done('ran');
      });
      const evaluated = (() => {
        try {
          // eslint-disable-next-line @typescript-eslint/no-implied-eval
          const made = new Function('return 1') as () => number;
          return made() === 1 ? 'ran' : 'refused';
        } catch {
          return 'refused';
        }
      })();
      return { connect, remoteModule, inline, evaluated };
    }, server.origin);
    expect(outcome).toEqual({ connect: 'refused', remoteModule: 'refused', inline: 'refused', evaluated: 'refused' });
    await page.close();
  });

  test('malformed, forged and oversized messages to the background change nothing', async () => {
    const { page, tabId } = await harness.newTab();
    await page.goto(server.url('/article.html'));
    await page.waitForFunction(() => document.querySelectorAll('[data-claimlight-entity]').length >= 5);
    const worker = await harness.serviceWorker();
    const options = await harness.openExtensionPage('src/options/index.html');
    const tabsBefore = harness.context.pages().length;
    // The control: a well-formed report from the options page's own tab is recorded there.
    const CONTROL = { tiktok: 2, bytedance: 0, oracle: 0 };
    const ownTab = await options.evaluate(async (counts) => {
      const { chrome } = globalThis as unknown as { chrome: ChromeApi };
      await chrome.runtime.sendMessage({ type: 'mentions/report', counts });
      return (await chrome.tabs.getCurrent()).id ?? -1;
    }, CONTROL);
    expect(await tabStateFrom(options, ownTab)).toMatchObject({ counts: CONTROL });
    const answers = await options.evaluate(async () => {
      const big = 'x'.repeat(8 * 1024 * 1024);
      const bad: unknown[] = [
        null,
        42,
        'mentions/report',
        [],
        {},
        { type: 'no-such-type' },
        { type: 'mentions/report' },
        { type: 'mentions/report', counts: { tiktok: -1, bytedance: 0, oracle: 0 } },
        { type: 'mentions/report', counts: { tiktok: 1e300, bytedance: 0, oracle: 0 } },
        // A pack's company is any well-formed id: a key that is none is no company.
        { type: 'mentions/report', counts: { tiktok: 1, bytedance: 0, oracle: 0, 'Extra Co': 5 } },
        { type: 'mentions/report', counts: { tiktok: 1, bytedance: 0, oracle: 0 }, padding: big },
        JSON.parse('{"type":"tab/get-state","tabId":1,"__proto__":{"polluted":true}}'),
        { type: 'tab/get-state', tabId: 'all' },
        { type: 'claims/card', entity: '__proto__' },
        { type: 'claims/card', entity: big },
        { type: 'library/open', entity: 'javascript:alert(1)' },
        { type: 'viewer/open', source: '../../manifest', quote: 'x' },
        { type: 'viewer/open', source: '002', quote: big },
      ];
      const out: string[] = [];
      for (const message of bad) {
        const answer: unknown = await (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime
          .sendMessage(message)
          .then(
            (a: unknown) => a,
            (e: unknown) => `error: ${String(e)}`,
          );
        out.push(answer === undefined ? 'ignored' : JSON.stringify(answer).slice(0, 80));
      }
      return { out, polluted: ({} as { polluted?: boolean }).polluted ?? false };
    });
    expect(answers.out.every((a) => a === 'ignored')).toBe(true);
    expect(answers.polluted).toBe(false);
    // No tab was opened by a bad message, and the background still answers good ones with the true counts.
    expect(harness.context.pages().length).toBe(tabsBefore);
    const state = await tabStateFrom(options, tabId);
    expect(state).toMatchObject({ tabId, counts: { tiktok: 3, bytedance: 1, oracle: 1 } });
    // None of the bad reports was recorded for the tab that sent them either.
    expect(await tabStateFrom(options, ownTab)).toHaveProperty('counts', CONTROL);
    expect(
      await worker.evaluate(
        (id) => (globalThis as unknown as { chrome: ChromeApi }).chrome.action.getBadgeText({ tabId: id }),
        tabId,
      ),
    ).toBe('5');
    await options.close();
    await page.close();
  });

  test('corrupt per-tab counts in session storage are read as nothing, not trusted', async () => {
    const { page, tabId } = await harness.newTab();
    await page.goto(server.url('/no-mentions.html'));
    const worker = await harness.serviceWorker();
    const options = await harness.openExtensionPage('src/options/index.html');
    const store = (value: unknown) =>
      worker.evaluate(
        ([key, v]) => (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.session.set({ [key]: v }),
        [mentionsKey(tabId), value] as const,
      );
    // The control: well-formed counts stored the same way are read.
    await store({ frames: { 0: { tiktok: 2, bytedance: 0, oracle: 0 } } });
    expect(await tabStateFrom(options, tabId)).toMatchObject({ tabId, counts: { tiktok: 2 } });
    for (const corrupt of [
      'garbage',
      { frames: 'x', site: 42 },
      { frames: { 0: { tiktok: -5, bytedance: 'a', oracle: null } }, site: 'x'.repeat(1000) },
      { frames: { 0: { tiktok: 2, bytedance: 0, oracle: 0, 'no id': 1 } } },
    ]) {
      await store(corrupt);
      const state = await tabStateFrom(options, tabId);
      // Nothing counted: no company has a count.
      expect(state).toEqual({ tabId, counts: {}, site: null });
    }
    await options.close();
    await page.close();
  });
});
