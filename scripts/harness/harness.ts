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
  /** Taps a point of the viewport with a finger (touch emulation): pointer events of type "touch", then a click. */
  tap(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  /** Errors thrown by the page's own scripts since it opened. */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

export interface BrowserHarness {
  readonly name: BrowserName;
  newPage(): Promise<TestPage>;
  /** URLs any page or extension context asked for that were not local; each was refused. */
  readonly blockedRequests: string[];
  close(): Promise<void>;
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
  hover(selector: string) {
    return this.page.hover(selector);
  }
  moveMouse(x: number, y: number) {
    return this.page.mouse.move(x, y, { steps: 5 });
  }
  tap(x: number, y: number) {
    return this.page.touchscreen.tap(x, y);
  }
  press(key: string) {
    return this.page.keyboard.press(key as Parameters<PpPage['keyboard']['press']>[0]);
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
}

export async function launchChromium(
  options: { headless?: boolean; extraArgs?: string[] } = {},
): Promise<ChromiumHarness> {
  const profile = await mkdtemp(join(tmpdir(), 'claimlight-chromium-'));
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
  async function newTab(): Promise<{ page: PwPage; tabId: number }> {
    const marker = `about:blank#claimlight-tab-${randomUUID()}`;
    const tabId = await (
      await serviceWorker()
    ).evaluate(async (url) => {
      const { chrome } = globalThis as unknown as { chrome: ChromeApi };
      return (await chrome.windows.create({ url })).tabs?.[0]?.id;
    }, marker);
    if (tabId === undefined) throw new Error('the new window has no tab');
    const deadline = Date.now() + 30_000;
    for (;;) {
      const page = context.pages().find((p) => p.url() === marker);
      if (page) return { page, tabId };
      if (Date.now() > deadline) throw new Error(`no page for tab ${String(tabId)} after 30 s`);
      await new Promise((done) => setTimeout(done, 20));
    }
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
    async openExtensionPage(path: string) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
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
  return {
    name: 'firefox',
    browser,
    extensionId,
    blockedRequests,
    async newPage() {
      return new PuppeteerPage(await newOfflinePage(browser, blockedRequests));
    },
    close: () => browser.close(),
  };
}

export function launchHarness(name: BrowserName): Promise<BrowserHarness> {
  return name === 'chromium' ? launchChromium() : launchFirefox();
}

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
    close: () => browser.close(),
  };
}
