/**
 * One interface over the two ways we drive browsers: Playwright for Chromium
 * (an unpacked MV3 extension in a persistent context) and puppeteer-core over
 * WebDriver BiDi for Firefox (a temporary add-on). Tests written against
 * `BrowserHarness` run unchanged in both.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page as PwPage, type Worker } from '@playwright/test';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { chromiumPath, firefoxPath } from './browsers.ts';
import type { ChromeApi } from './chromeApi.ts';
import { REPO_ROOT } from './server.ts';

export type BrowserName = 'chromium' | 'firefox';

export const DIST = {
  chromium: join(REPO_ROOT, 'dist/chrome'),
  firefox: join(REPO_ROOT, 'dist/firefox'),
} as const;

/** True for URLs a test may load: the local test server and the extension itself. */
export function isAllowedUrl(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'chrome-extension:' || protocol === 'moz-extension:') return true;
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

type Fn<A, R> = (arg: A) => R | Promise<R>;

export interface TestPage {
  readonly browserName: BrowserName;
  goto(url: string): Promise<void>;
  evaluate<R, A = undefined>(fn: Fn<A, R>, arg?: A): Promise<R>;
  /** Waits until `fn` returns a truthy value in the page and returns it. */
  waitFor<R, A = undefined>(fn: Fn<A, R>, arg?: A, timeoutMs?: number): Promise<R>;
  hover(selector: string): Promise<void>;
  /** Moves the mouse pointer to a point in the viewport. */
  moveMouse(x: number, y: number): Promise<void>;
  /** Clicks a point of the viewport with the mouse. */
  click(x: number, y: number): Promise<void>;
  /** Taps a point of the viewport with a finger (touch emulation): pointer events of type "touch", then a click. */
  tap(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  /** Chooses `file` (a path on this machine) in the file input `selector`, as a reader picking it would. */
  setFile(selector: string, file: string): Promise<void>;
  /** Errors thrown by the page's own scripts since it opened. */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

/**
 * Claimlight's side panel page, opened as a tab that follows another window's active tab (no test driver
 * reaches the browser's real side panel or sidebar; the page and its behaviour are the same).
 */
export interface PanelView {
  readonly page: TestPage;
  /** Makes `tab` the active tab of the window the panel follows. */
  activate(tab: TestPage): Promise<void>;
  /** Opens a blank tab in the window the panel follows and makes it active. */
  newTab(): Promise<TestPage>;
}

export interface BrowserHarness {
  readonly name: BrowserName;
  newPage(): Promise<TestPage>;
  /**
   * Opens the side panel page following the window `tab` is in, and makes `tab` that window's active tab.
   * `via` is a page with a mention of TikTok: in Firefox, its card's link to the library is the way into the
   * extension's own pages, since WebDriver BiDi does not let a test navigate a tab to a moz-extension: URL.
   */
  openPanel(tab: TestPage, via: string): Promise<PanelView>;
  /**
   * Opens one of the extension's pages (`src/options/index.html`) in a tab of its own. `via` as for
   * `openPanel`: Firefox's way in.
   */
  openPage(path: string, via: string): Promise<TestPage>;
  /** Opens the toolbar popup's page for `tab` (as `src/popup/index.html?tab=<id>`) in a tab of its own. */
  openPopup(tab: TestPage, via: string): Promise<TestPage>;
  /** URLs any page or extension context asked for that were not local; each was refused. */
  readonly blockedRequests: string[];
  close(): Promise<void>;
}

/** The tab id of a test page, known since the extension opened it: never guessed from focus. */
export function tabIdOf(tab: TestPage): number {
  if (!(tab instanceof PlaywrightPage) || tab.tabId === undefined) {
    throw new Error('not a page the Chromium harness opened with the extension');
  }
  return tab.tabId;
}

export class PlaywrightPage implements TestPage {
  readonly browserName = 'chromium' as const;
  readonly pageErrors: string[] = [];
  constructor(
    readonly page: PwPage,
    /** The page's tab id when the extension opened it (`ChromiumHarness.newTab`); none in the plain browser. */
    readonly tabId?: number,
  ) {
    page.on('pageerror', (e) => this.pageErrors.push(String(e)));
  }
  async goto(url: string) {
    await this.page.goto(url, { waitUntil: 'load' });
  }
  evaluate<R, A>(fn: Fn<A, R>, arg?: A): Promise<R> {
    const run = this.page.evaluate.bind(this.page) as (f: Fn<A, R>, a?: A) => Promise<R>;
    return run(fn, arg);
  }
  async waitFor<R, A>(fn: Fn<A, R>, arg?: A, timeoutMs = 5000): Promise<R> {
    const wait = this.page.waitForFunction.bind(this.page) as (
      f: Fn<A, R>,
      a: A | undefined,
      o: { timeout: number },
    ) => Promise<{ jsonValue(): Promise<unknown> }>;
    return (await (await wait(fn, arg, { timeout: timeoutMs })).jsonValue()) as R;
  }
  hover(selector: string) {
    return this.page.hover(selector);
  }
  moveMouse(x: number, y: number) {
    return this.page.mouse.move(x, y, { steps: 5 });
  }
  click(x: number, y: number) {
    return this.page.mouse.click(x, y);
  }
  /** The touch events Playwright's touchscreen sends, without a context made with `hasTouch` for it. */
  async tap(x: number, y: number) {
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    } finally {
      await cdp.detach();
    }
  }
  press(key: string) {
    return this.page.keyboard.press(key);
  }
  setFile(selector: string, file: string) {
    return this.page.locator(selector).setInputFiles(file);
  }
  close() {
    return this.page.close();
  }
}

class PuppeteerPage implements TestPage {
  readonly browserName = 'firefox' as const;
  readonly pageErrors: string[] = [];
  constructor(readonly page: PpPage) {
    page.on('pageerror', (e) => this.pageErrors.push(String(e)));
  }
  async goto(url: string) {
    await this.page.goto(url, { waitUntil: 'load' });
  }
  evaluate<R, A>(fn: Fn<A, R>, arg?: A): Promise<R> {
    const run = this.page.evaluate.bind(this.page) as (f: Fn<A, R>, a?: A) => Promise<R>;
    return run(fn, arg);
  }
  async waitFor<R, A>(fn: Fn<A, R>, arg?: A, timeoutMs = 5000): Promise<R> {
    const wait = this.page.waitForFunction.bind(this.page) as (
      f: Fn<A, R>,
      o: { timeout: number },
      a: A | undefined,
    ) => Promise<{ jsonValue(): Promise<unknown> }>;
    return (await (await wait(fn, { timeout: timeoutMs }, arg)).jsonValue()) as R;
  }
  /** Waits for the element first, as Playwright's hover does: puppeteer's fails at once when it is not there yet. */
  async hover(selector: string) {
    await this.page.waitForSelector(selector, { timeout: 15_000 });
    await this.page.hover(selector);
  }
  moveMouse(x: number, y: number) {
    return this.page.mouse.move(x, y, { steps: 5 });
  }
  click(x: number, y: number) {
    return this.page.mouse.click(x, y);
  }
  tap(x: number, y: number) {
    return this.page.touchscreen.tap(x, y);
  }
  press(key: string) {
    return this.page.keyboard.press(key as Parameters<PpPage['keyboard']['press']>[0]);
  }
  async setFile(selector: string, file: string) {
    const input = await this.page.waitForSelector(selector);
    if (!input) throw new Error(`no ${selector}`);
    await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(file);
  }
  close() {
    return this.page.close();
  }
}

/** Chromium flags that keep every request on this machine and the browser quiet. */
export const OFFLINE_CHROMIUM_ARGS = [
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-default-apps',
  '--metrics-recording-only',
  '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider',
];

export interface ChromiumHarness extends BrowserHarness {
  readonly context: BrowserContext;
  readonly extensionId: string;
  serviceWorker(): Promise<Worker>;
  /** Opens a blank page in a window of its own and tells its tab id. */
  newTab(): Promise<{ page: PwPage; tabId: number }>;
  /** Opens an extension page, such as `src/popup/index.html?tab=3`. */
  openExtensionPage(path: string): Promise<PwPage>;
  openPanel(tab: TestPage, via?: string): Promise<PanelView & { page: PlaywrightPage }>;
}

export async function launchChromium(
  options: {
    headless?: boolean;
    extraArgs?: string[];
    /** A profile folder to reuse (kept on close, so a test can start the browser again on it). */
    profile?: string;
  } = {},
): Promise<ChromiumHarness> {
  const profile = options.profile ?? (await mkdtemp(join(tmpdir(), 'claimlight-chromium-')));
  const blockedRequests: string[] = [];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    args: [
      `--disable-extensions-except=${DIST.chromium}`,
      `--load-extension=${DIST.chromium}`,
      ...OFFLINE_CHROMIUM_ARGS,
      ...(options.extraArgs ?? []),
    ],
    viewport: { width: 1280, height: 800 },
  });
  await context.route(
    (url) => !isAllowedUrl(url.href),
    (route) => {
      blockedRequests.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  const serviceWorker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await serviceWorker()).url()).host;
  for (const page of context.pages()) await page.close().catch(() => undefined);
  // Tests need the id of their page's tab. Focus says nothing reliable (headless Chromium moves it between
  // test pages and extension pages) and without the `tabs` permission tabs carry no URL, so the extension
  // opens the page itself: `windows.create` returns the tab id, and a unique URL finds the matching Page.
  // (`tabs.create` fails with "No current window" once the harness has closed the startup page.)
  /** Has the extension open a tab at a unique blank URL (`open` returns its id) and finds its Page by that URL. */
  async function openMarkedTab(
    open: (worker: Worker, url: string) => Promise<number | undefined>,
  ): Promise<{ page: PwPage; tabId: number }> {
    const marker = `about:blank#claimlight-tab-${randomUUID()}`;
    const tabId = await open(await serviceWorker(), marker);
    if (tabId === undefined) throw new Error('the new tab has no id');
    const deadline = Date.now() + 30_000;
    for (;;) {
      const page = context.pages().find((p) => p.url() === marker);
      if (page) return { page, tabId };
      if (Date.now() > deadline) throw new Error(`no page for tab ${String(tabId)} after 30 s`);
      await new Promise((done) => setTimeout(done, 20));
    }
  }
  const newTab = () =>
    openMarkedTab((worker, marker) =>
      worker.evaluate(async (url) => {
        const { chrome } = globalThis as unknown as { chrome: ChromeApi };
        return (await chrome.windows.create({ url })).tabs?.[0]?.id;
      }, marker),
    );
  async function openExtensionPage(path: string) {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    return page;
  }
  async function activate(tab: TestPage): Promise<void> {
    await (
      await serviceWorker()
    ).evaluate(async (id) => {
      const { chrome } = globalThis as unknown as { chrome: ChromeApi };
      await chrome.tabs.update(id, { active: true });
    }, tabIdOf(tab));
  }
  return {
    name: 'chromium',
    context,
    extensionId,
    blockedRequests,
    serviceWorker,
    newTab,
    async newPage() {
      const { page, tabId } = await newTab();
      return new PlaywrightPage(page, tabId);
    },
    openExtensionPage,
    async openPage(path: string) {
      return new PlaywrightPage(await openExtensionPage(path));
    },
    async openPopup(tab: TestPage) {
      return new PlaywrightPage(await openExtensionPage(`src/popup/index.html?tab=${String(tabIdOf(tab))}`));
    },
    async openPanel(tab: TestPage) {
      // Chromium lets the test open the extension's pages directly; `via` is Firefox's way in.
      const worker = await serviceWorker();
      const windowId = await worker.evaluate(async (id) => {
        const { chrome } = globalThis as unknown as { chrome: ChromeApi };
        return (await chrome.tabs.get(id)).windowId;
      }, tabIdOf(tab));
      if (windowId === undefined) throw new Error('the tab has no window');
      // The panel page in a window of its own, following the test tab's window.
      const panel = new PlaywrightPage(await openExtensionPage(`src/panel/index.html?window=${String(windowId)}`));
      await activate(tab);
      return {
        page: panel,
        activate,
        async newTab() {
          const { page, tabId } = await openMarkedTab((worker, marker) =>
            worker.evaluate(
              async ([url, id]) => {
                const { chrome } = globalThis as unknown as { chrome: ChromeApi };
                return (await chrome.tabs.create({ url, windowId: id, active: true })).id;
              },
              [marker, windowId] as const,
            ),
          );
          return new PlaywrightPage(page, tabId);
        },
      };
    },
    async close() {
      await context.close();
      if (options.profile === undefined) await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Firefox preferences that send every non-local request to a closed port. */
const OFFLINE_FIREFOX_PREFS: Record<string, unknown> = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.socks': '127.0.0.1',
  'network.proxy.socks_port': 9,
  'network.proxy.no_proxies_on': '127.0.0.1,localhost',
  'network.proxy.allow_hijacking_localhost': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'app.update.enabled': false,
};

/**
 * Takes an extension page to another of the extension's addresses from inside (Puppeteer sees no navigation
 * events for tabs the extension opened), and waits until it has loaded there.
 */
async function navigateWithin(page: PpPage, to: string): Promise<void> {
  const target = await page.evaluate((relative) => new URL(relative, location.href).href, to);
  await page.evaluate((href) => location.assign(href), target);
  const deadline = Date.now() + 15_000;
  const arrived = () =>
    page.evaluate((href) => location.href === href && document.readyState === 'complete', target).catch(() => false);
  while (!(await arrived())) {
    if (Date.now() > deadline) throw new Error(`the extension page did not reach ${target}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** A Firefox page whose requests to anywhere but this machine are refused and recorded. */
async function newOfflinePage(browser: PpBrowser, blockedRequests: string[]): Promise<PpPage> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    // A request can finish or vanish before we answer (navigation, page close): ignore that race.
    if (isAllowedUrl(request.url())) request.continue().catch(() => undefined);
    else {
      blockedRequests.push(request.url());
      request.abort('blockedbyclient').catch(() => undefined);
    }
  });
  return page;
}

export interface FirefoxHarness extends BrowserHarness {
  readonly browser: PpBrowser;
  readonly extensionId: string;
}

export async function launchFirefox(
  options: { distDir?: string; prefs?: Record<string, unknown> } = {},
): Promise<FirefoxHarness> {
  const blockedRequests: string[] = [];
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    extraPrefsFirefox: { ...OFFLINE_FIREFOX_PREFS, ...options.prefs },
  });
  const extensionId = await browser.installExtension(options.distDir ?? DIST.firefox);
  /** Opens a page with a mention, follows its card's link to the library, and takes that tab to `path`. */
  async function openThroughCard(path: string, via: string): Promise<PpPage> {
    const opener = await newOfflinePage(browser, blockedRequests);
    try {
      await opener.bringToFront();
      await opener.goto(via, { waitUntil: 'load' });
      // The highlight comes after the load event (the content script runs at document_idle, then its engine loads).
      const mention = 'claimlight-mention[data-claimlight-entity="tiktok"]';
      await opener.waitForSelector(mention, { timeout: 15_000 });
      await opener.hover(mention);
      const link = await opener.waitForFunction(
        () => {
          const r = document
            .querySelector('claimlight-card')
            ?.shadowRoot?.querySelector('.all-claims')
            ?.getBoundingClientRect();
          return r && r.width > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
        },
        { timeout: 15_000 },
      );
      const at = (await link.jsonValue()) as { x: number; y: number };
      const before = new Set(await browser.pages());
      await opener.mouse.click(at.x, at.y);
      // Puppeteer may still report the new tab as about:blank: ask the page itself where it is.
      const deadline = Date.now() + 15_000;
      for (;;) {
        for (const page of await browser.pages()) {
          if (before.has(page)) continue;
          const href = await page.evaluate(() => location.href).catch(() => '');
          if (href.startsWith('moz-extension://')) {
            await page.waitForFunction(() => document.readyState === 'complete');
            await navigateWithin(page, `/${path}`);
            return page;
          }
        }
        if (Date.now() > deadline) throw new Error('the card’s library link opened no extension page');
        await new Promise((done) => setTimeout(done, 100));
      }
    } finally {
      await opener.close();
    }
  }
  const activate = async (tab: TestPage) => {
    if (!(tab instanceof PuppeteerPage)) throw new Error('not a Firefox test page');
    await tab.page.bringToFront();
  };
  return {
    name: 'firefox',
    browser,
    extensionId,
    blockedRequests,
    async newPage() {
      return new PuppeteerPage(await newOfflinePage(browser, blockedRequests));
    },
    async openPage(path: string, via: string) {
      return new PuppeteerPage(await openThroughCard(path, via));
    },
    async openPopup(tab: TestPage, via: string) {
      const popup = await openThroughCard('src/popup/index.html', via);
      // Firefox shows the extension the address of a page it may run on: the tab is found by it.
      const url = await tab.evaluate(() => location.href);
      const tabId = await popup.evaluate(async (href) => {
        const ext = (globalThis as unknown as { browser: ChromeApi }).browser;
        return (await ext.tabs.query({})).find((t) => t.url === href)?.id;
      }, url);
      if (tabId === undefined) throw new Error(`no tab shows ${url}`);
      await navigateWithin(popup, `?tab=${String(tabId)}`);
      return new PuppeteerPage(popup);
    },
    async openPanel(tab: TestPage, via: string) {
      // Puppeteer opens every page as a tab of the one window: the panel follows that window.
      const panel = await openThroughCard(`src/panel/index.html`, via);
      const windowId = await panel.evaluate(async () => {
        const ext = (globalThis as unknown as { browser: ChromeApi }).browser;
        return (await ext.windows.getCurrent()).id;
      });
      if (windowId === undefined) throw new Error('the panel has no window');
      await navigateWithin(panel, `?window=${String(windowId)}`);
      await activate(tab);
      return {
        page: new PuppeteerPage(panel),
        activate,
        async newTab() {
          const page = new PuppeteerPage(await newOfflinePage(browser, blockedRequests));
          await activate(page);
          return page;
        },
      };
    },
    close: () => browser.close(),
  };
}

export function launchHarness(name: BrowserName): Promise<BrowserHarness> {
  return name === 'chromium' ? launchChromium() : launchFirefox();
}

const noPanel = (): Promise<PanelView> => Promise.reject(new Error('the browser without the extension has no panel'));
const noPage = (): Promise<TestPage> => Promise.reject(new Error('the browser without the extension has no pages'));

/** The same browser without the extension, for comparing a page with and without Claimlight. */
export async function launchPlainHarness(name: BrowserName): Promise<BrowserHarness> {
  const blockedRequests: string[] = [];
  if (name === 'chromium') {
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: OFFLINE_CHROMIUM_ARGS,
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.route(
      (url) => !isAllowedUrl(url.href),
      (route) => {
        blockedRequests.push(route.request().url());
        return route.abort('blockedbyclient');
      },
    );
    return {
      name,
      blockedRequests,
      newPage: async () => new PlaywrightPage(await context.newPage()),
      openPanel: noPanel,
      openPage: noPage,
      openPopup: noPage,
      close: () => browser.close(),
    };
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    extraPrefsFirefox: OFFLINE_FIREFOX_PREFS,
  });
  return {
    name,
    blockedRequests,
    async newPage() {
      return new PuppeteerPage(await newOfflinePage(browser, blockedRequests));
    },
    openPanel: noPanel,
    openPage: noPage,
    openPopup: noPage,
    close: () => browser.close(),
  };
}
