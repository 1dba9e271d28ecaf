/**
 * Chromium measurements. Each build of the extension runs in a Chromium of
 * its own (a persistent context, all of them alive at once, loads taken in
 * turn); a plain Chromium without an extension runs the floor and naive
 * mark.js on the same pages, so every ratio compares numbers taken side by
 * side in one run.
 *
 * The extension's time is everything its scripts (anything under
 * chrome-extension://: the injected entry and any module it loads) do on
 * the main thread from the page's start until 2.5 s after its load event: the
 * CPU profile is cut at that moment of the page's clock.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { chromiumPath } from '../harness/browsers.ts';
import { isAllowedUrl, OFFLINE_CHROMIUM_ARGS } from '../harness/harness.ts';
import { REPO_ROOT } from '../harness/server.ts';
import { attribute, pageOriginUs, startProfiling, stopProfiling } from './profile.ts';

const MARK_JS = readFileSync(join(REPO_ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');

/** The window every build is measured in: from the page's start to this long after its load event. */
export const WINDOW_AFTER_LOAD_MS = 2500;
const CLOCK_URL = 'bench/clock.js';
/**
 * How long the clock loop runs: long enough to hold samples even on a busy machine, where the profiler
 * samples every 130 µs or so rather than every 50 and sometimes pauses for 10 to 35 ms.
 */
const CLOCK_SPIN_MS = 25;
/** A pass the profile cannot be placed for is taken again, up to this many times in all. */
const WINDOW_ATTEMPTS = 3;

/** Thrown when the profile cannot be placed on the page's clock, or misses part of the window: the pass is taken again. */
class ClockError extends Error {}

export interface ExtensionPass {
  /** Main-thread time attributed to the extension's scripts in the window. */
  extMs: number;
  longestTaskMs: number;
  tasksOver16: number;
  tasksOver50: number;
  /** The window's end, in ms of the page's clock (its load event's end + 2.5 s). */
  windowEndMs: number;
  /** The content script's own measure of its initial pass (wall time); null when the build has no marks. */
  initialPassWallMs: number | null;
  /** Whether the initial pass was over inside the window (null: the build emits no marks). */
  initialPassInWindow: boolean | null;
  /** Highlights on the page when the window ended. */
  highlights: number;
  /** Page-aware matching, on a page with a highlight (null elsewhere, or for a build without it). */
  matching: MatchingPass | null;
}

export interface MatchingPass {
  /** Main-thread time the content script spent reading the page's text for matching (its own clock). */
  readMs: number;
  /** Time the background took to match it (off the page's thread). */
  backgroundMs: number | null;
  /** Whether the read began only after the first pass (the first highlights) was over. */
  afterFirstPass: boolean;
  /** Whether the read was over inside the window (a read that came later is in no window's time). */
  inWindow: boolean;
}

export interface BaselinePass {
  textNodes: number;
  /** One textContent read in a fresh isolated world, as a content script's first read is. */
  nativeReadMs: number;
  /** The same read in the page's own world, where the DOM bindings already exist. */
  pageWorldReadMs: number;
  floorMs: number;
  /** For reference: the floor's walk from the page's own world, the text of scripts and styles included. */
  floorPageWorldMs: number;
  naiveMs: number;
}

async function blockNetwork(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => !isAllowedUrl(url.href),
    (route) => route.abort('blockedbyclient'),
  );
}

/** Runs `code` in the page's main world under a script URL the profile can attribute. */
async function evaluateAs(cdp: CDPSession, code: string, sourceUrl: string, contextId?: number): Promise<unknown> {
  const result = (await cdp.send('Runtime.evaluate', {
    expression: `${code}\n//# sourceURL=${sourceUrl}`,
    ...(contextId === undefined ? {} : { contextId }),
    awaitPromise: true,
    returnByValue: true,
  })) as { result: { value?: unknown }; exceptionDetails?: { text: string } };
  if (result.exceptionDetails) throw new Error(`${sourceUrl}: ${result.exceptionDetails.text}`);
  return result.result.value;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Waits until the page's clock is past its load event's end + 2.5 s; returns that moment (page ms). */
export async function waitForWindowEnd(page: Page): Promise<number> {
  const loadEnd = await page
    .waitForFunction(
      () => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return nav && nav.loadEventEnd > 0 ? nav.loadEventEnd : null;
      },
      undefined,
      { timeout: 60_000 },
    )
    .then((handle) => handle.jsonValue());
  const end = (loadEnd ?? 0) + WINDOW_AFTER_LOAD_MS;
  for (;;) {
    const now = await page.evaluate(() => performance.now());
    if (now >= end + 20) return end;
    await sleep(end + 20 - now);
  }
}

/** A build of the extension in a Chromium of its own. */
export class ExtensionBrowser {
  private constructor(
    readonly label: string,
    readonly context: BrowserContext,
    readonly extensionId: string,
    /** Whether the build emits the benchmark's performance marks. */
    readonly marks: boolean,
    /** Whether the build reads the page for claim matching (emits claimlight:page-read). */
    readonly pageRead: boolean,
    private readonly profileDir: string,
  ) {}

  static async launch(dir: string, label: string): Promise<ExtensionBrowser> {
    const profileDir = await mkdtemp(join(tmpdir(), 'claimlight-bench-'));
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath(),
      headless: true,
      args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...OFFLINE_CHROMIUM_ARGS],
      viewport: { width: 1280, height: 800 },
    });
    await blockNetwork(context);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const { content, chunks } = contentScriptSources(dir);
    return new ExtensionBrowser(
      label,
      context,
      extensionId,
      // The marks' names: 'claimlight:start' now, built from 'claimlight:' and a name in older builds.
      content.includes('claimlight:'),
      content.includes('claimlight:page-read') || chunks.includes('claimlight:page-read'),
      profileDir,
    );
  }

  /**
   * Imports a claim pack as a reader does (the options page's file input), and waits until it is stored: the
   * pages measured afterwards carry its companies in the pre-test and its claims in the background.
   */
  async importPack(file: string): Promise<void> {
    const page = await this.context.newPage();
    try {
      await page.goto(`chrome-extension://${this.extensionId}/src/options/index.html`);
      await page.locator('.packs input[type=file]').setInputFiles(file);
      await page.locator('.pack-outcome .imported').waitFor({ timeout: 120_000 });
    } finally {
      await page.close();
    }
  }

  /**
   * The extension's scripts: anything under chrome-extension://. This browser has no other extension, and a
   * module loaded from a web-accessible resource with `use_dynamic_url` has an address under a per-session
   * id rather than the extension's.
   */
  private isExtension = (url: string) => url.startsWith('chrome-extension://');

  /** Loads `url` and profiles everything the extension's scripts do in the window. */
  async windowPass(url: string): Promise<ExtensionPass> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.windowPassOnce(url);
      } catch (error) {
        if (!(error instanceof ClockError) || attempt >= WINDOW_ATTEMPTS) throw error;
      }
    }
  }

  private async windowPassOnce(url: string): Promise<ExtensionPass> {
    const page = await this.context.newPage();
    try {
      const cdp = await this.context.newCDPSession(page);
      await startProfiling(cdp);
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      const windowEndMs = await waitForWindowEnd(page);
      // The page's clock against the profile's: a busy loop whose page times are known, after the window.
      const [t0, t1] = (await evaluateAs(
        cdp,
        `(() => { const t0 = performance.now(); let t1 = t0; while (t1 - t0 < ${String(CLOCK_SPIN_MS)}) t1 = performance.now(); return [t0, t1]; })()`,
        CLOCK_URL,
      )) as [number, number];
      const profile = await stopProfiling(cdp);
      const origin = pageOriginUs(profile, CLOCK_URL, t0, t1);
      if (origin === null) throw new ClockError(`${url}: the clock loop left no sample in the profile`);
      // A navigation to another process restarts the profiler there when the page commits, after its time
      // origin: the profile must start before the document is parsed (before any content script can run).
      const domInteractiveMs = await page.evaluate(
        () =>
          (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domInteractive,
      );
      const window = { fromUs: Math.max(origin, profile.startTime), toUs: origin + windowEndMs * 1000 };
      if (profile.startTime > origin + (domInteractiveMs ?? 0) * 1000 || profile.endTime < window.toUs)
        throw new ClockError(
          `${url}: the profile (${String(profile.startTime)}–${String(profile.endTime)} µs) does not cover the window ` +
            `(${String(origin)}, document interactive at +${String(domInteractiveMs)} ms, to ${String(window.toUs)} µs)`,
        );
      const { totalMs, tasksMs } = attribute(profile, this.isExtension, window);
      const state = await page.evaluate((end) => {
        const pass = performance.getEntriesByName('claimlight:initial-pass')[0];
        return {
          highlights: document.querySelectorAll('[data-claimlight-entity]').length,
          initialPassWallMs: pass?.duration ?? null,
          initialPassInWindow: pass ? pass.startTime + pass.duration <= end : false,
          // Marked once the read is over: there now (a few ms past the window's end) means over inside it.
          readInWindow: performance.getEntriesByName('claimlight:page-read').length > 0,
        };
      }, windowEndMs);
      const matching =
        state.highlights > 0 && this.pageRead ? await this.matchingPass(page, state.readInWindow, this.context) : null;
      return {
        extMs: totalMs,
        longestTaskMs: Math.max(0, ...tasksMs),
        tasksOver16: tasksMs.filter((t) => t > 16).length,
        tasksOver50: tasksMs.filter((t) => t > 50).length,
        windowEndMs,
        initialPassWallMs: this.marks ? state.initialPassWallMs : null,
        initialPassInWindow: this.marks ? state.initialPassInWindow : null,
        highlights: state.highlights,
        matching,
      };
    } finally {
      await page.close();
    }
  }

  /**
   * The content script's read of the page for matching, and the background's match of it. `inWindow`:
   * whether its mark (set once the read is over) was there when the window ended; a later read is
   * waited for a few seconds, to show what it cost.
   */
  private async matchingPass(page: Page, inWindow: boolean, context: BrowserContext): Promise<MatchingPass | null> {
    const read = await page
      .waitForFunction(
        () => {
          const mark = performance.getEntriesByName('claimlight:page-read')[0] as PerformanceMark | undefined;
          const pass = performance.getEntriesByName('claimlight:initial-pass')[0];
          return mark && pass
            ? { readMs: mark.detail as number, afterFirstPass: mark.startTime >= pass.startTime + pass.duration }
            : null;
        },
        undefined,
        { timeout: 5_000 },
      )
      .then((handle) => handle.jsonValue())
      .catch(() => null);
    if (!read) return null;
    const worker = context.serviceWorkers()[0];
    // The background's measure of the match that answered this read (pages are benchmarked one at a time).
    const backgroundMs = worker
      ? await worker.evaluate(async () => {
          for (let i = 0; i < 50; i++) {
            const entry = performance.getEntriesByName('claimlight:match').at(-1);
            if (entry) {
              performance.clearMeasures('claimlight:match');
              return entry.duration;
            }
            await new Promise((done) => setTimeout(done, 100));
          }
          return null;
        })
      : null;
    return { ...read, inWindow, backgroundMs };
  }

  /** Time from the content script's start to the first highlight inside the viewport (null: no marks). */
  async firstVisibleHighlight(url: string): Promise<number | null> {
    if (!this.marks) return null;
    const page = await this.context.newPage();
    try {
      await page.addInitScript(() => {
        const w = window as unknown as { __clFirstVisible?: number };
        new MutationObserver((records, observer) => {
          for (const record of records) {
            for (const node of record.addedNodes) {
              if (!(node instanceof Element) || node.localName !== 'claimlight-mention') continue;
              const r = node.getBoundingClientRect();
              if (r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth) {
                w.__clFirstVisible = performance.now();
                observer.disconnect();
                return;
              }
            }
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      await page.waitForFunction(() => performance.getEntriesByName('claimlight:initial-pass').length > 0, undefined, {
        timeout: 60_000,
      });
      await sleep(200);
      return await page.evaluate(() => {
        const seen = (window as unknown as { __clFirstVisible?: number }).__clFirstVisible;
        const start = performance.getEntriesByName('claimlight:start')[0]?.startTime;
        return seen === undefined || start === undefined ? null : seen - start;
      });
    } finally {
      await page.close();
    }
  }

  /**
   * Appends `count` paragraphs that mention TikTok, one at a time, once the
   * window is over, and returns each one's latency to its highlight and the
   * extension's time per append.
   */
  async appends(url: string, count: number): Promise<{ latenciesMs: (number | null)[]; extMsPerAppend: number }> {
    const page = await this.context.newPage();
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      await waitForWindowEnd(page);
      const cdp = await this.context.newCDPSession(page);
      await evaluateAs(
        cdp,
        `window.__clAppend = (i) => new Promise((resolve) => {
          const p = document.createElement('p');
          p.textContent = 'Update ' + i + ': TikTok says US traffic now goes to Oracle Cloud Infrastructure.';
          const observer = new MutationObserver(() => {
            if (p.querySelector('claimlight-mention')) { observer.disconnect(); resolve(performance.now() - t0); }
          });
          observer.observe(p, { childList: true, subtree: true });
          const t0 = performance.now();
          document.body.appendChild(p);
          setTimeout(() => { observer.disconnect(); resolve(null); }, 1000);
        })`,
        'bench/append-setup.js',
      );
      await startProfiling(cdp);
      const latenciesMs: (number | null)[] = [];
      for (let i = 0; i < count; i++) {
        latenciesMs.push((await evaluateAs(cdp, `window.__clAppend(${i})`, 'bench/append.js')) as number | null);
        await page.waitForTimeout(40);
      }
      const { totalMs } = attribute(await stopProfiling(cdp), this.isExtension);
      return { latenciesMs, extMsPerAppend: totalMs / count };
    } finally {
      await page.close();
    }
  }

  /** JS heap in use on `url` after the window and a GC. */
  heapUsed(url: string): Promise<number> {
    return heapUsed(this.context, url);
  }

  async close(): Promise<void> {
    await this.context.close();
    await rm(this.profileDir, { recursive: true, force: true });
  }
}

async function heapUsed(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await waitForWindowEnd(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usedSize;
  } finally {
    await page.close();
  }
}

/** Every .js file under `dir`. */
function scriptsUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.js'))
    .map((name) => join(dir, name));
}

/**
 * The text of a build's content scripts and of the modules beside them (src/content/), and that of its
 * chunks (assets/, where a module the engine imports may land), to see which marks it emits.
 */
function contentScriptSources(dir: string): { content: string; chunks: string } {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  const entries = (manifest.content_scripts ?? []).flatMap((cs) => cs.js ?? []).map((f) => join(dir, f));
  const read = (paths: string[]) => [...new Set(paths)].map((path) => readFileSync(path, 'utf8')).join('\n');
  return {
    content: read([...entries, ...scriptsUnder(join(dir, 'src/content'))]),
    chunks: read(scriptsUnder(join(dir, 'assets'))),
  };
}

/** Chromium without an extension: the floor, a native read and naive mark.js, profiled alike. */
export class PlainBrowser {
  private constructor(
    readonly browser: Browser,
    readonly context: BrowserContext,
  ) {}

  static async launch(): Promise<PlainBrowser> {
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: OFFLINE_CHROMIUM_ARGS,
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await blockNetwork(context);
    return new PlainBrowser(browser, context);
  }

  /** A native read, the floor, then naive mark.js, profiled alike. */
  async baselinePass(url: string, pattern: RegExp): Promise<BaselinePass> {
    const page = await this.context.newPage();
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      await page.waitForTimeout(200);
      const cdp = await this.context.newCDPSession(page);
      const re = `new RegExp(${JSON.stringify(pattern.source)}, ${JSON.stringify(pattern.flags)})`;
      // A content script reads from its own, fresh world, where the same read costs more than in the page's
      // world (1 to 4 ms more on the corpus pages in this benchmark). The reference read is made alike.
      const { frameTree } = await cdp.send('Page.getFrameTree');
      const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
        frameId: frameTree.frame.id,
        worldName: 'bench-read',
      });
      await startProfiling(cdp);
      await evaluateAs(cdp, 'document.body.textContent.length', 'bench/native-read.js', executionContextId);
      await evaluateAs(cdp, 'document.body.textContent.length', 'bench/page-world-read.js');
      // The floor, as the targets define it: one plain read of the page's text, a TreeWalker over its text
      // nodes that skips scripts and styles, from a content script's world (the only one an extension has).
      const textNodes = (await evaluateAs(
        cdp,
        `(() => { const re = ${re}; const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          let count = 0, hits = 0;
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            count++;
            const parent = n.parentNode.localName;
            if (parent === 'script' || parent === 'style') continue;
            re.lastIndex = 0; if (re.test(n.data)) hits++;
          }
          return count; })()`,
        'bench/floor.js',
        executionContextId,
      )) as number;
      // For reference: the same walk from the page's own world, scripts and styles included (the floor before).
      await evaluateAs(
        cdp,
        `(() => { const re = ${re}; const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          let hits = 0;
          for (let n = walker.nextNode(); n; n = walker.nextNode()) { re.lastIndex = 0; if (re.test(n.data)) hits++; }
          return hits; })()`,
        'bench/floor-page-world.js',
      );
      // mark.js is a UMD bundle: hide AMD/CommonJS loaders the page may have so it lands on window.
      await evaluateAs(cdp, `(function (define, module, exports) { ${MARK_JS} }).call(window)`, 'bench/markjs-lib.js');
      await evaluateAs(cdp, `(() => { new Mark(document.body).markRegExp(${re}); })()`, 'bench/naive.js');
      const profile = await stopProfiling(cdp);
      const time = (suffix: string) => attribute(profile, (u) => u.endsWith(suffix)).totalMs;
      return {
        textNodes,
        nativeReadMs: time('bench/native-read.js'),
        pageWorldReadMs: time('bench/page-world-read.js'),
        floorMs: time('bench/floor.js'),
        floorPageWorldMs: time('bench/floor-page-world.js'),
        naiveMs: time('bench/naive.js'),
      };
    } finally {
      await page.close();
    }
  }

  heapUsed(url: string): Promise<number> {
    return heapUsed(this.context, url);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
