/**
 * Chromium measurements. Browser A has the benchmark build of the extension;
 * browser B has no extension and runs the floor and naive mark.js on the same
 * pages, so every ratio compares numbers taken side by side in one run.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { chromiumPath } from '../harness/browsers.ts';
import { isAllowedUrl, OFFLINE_CHROMIUM_ARGS } from '../harness/harness.ts';
import { REPO_ROOT } from '../harness/server.ts';
import { attribute, startProfiling, stopProfiling } from './profile.ts';

const MARK_JS = readFileSync(join(REPO_ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');

export interface ExtensionPass {
  /** Main-thread time attributed to the content script during load and the initial pass. */
  extMs: number;
  longestTaskMs: number;
  tasksOver16: number;
  tasksOver50: number;
  /** The content script's own measure of its initial pass (wall time). */
  initialPassWallMs: number | null;
  highlights: number;
  /** Page-aware matching, on a page with a highlight (null elsewhere, or if it did not run in time). */
  matching: MatchingPass | null;
}

export interface MatchingPass {
  /** Main-thread time the content script spent reading the page's text for matching. */
  readMs: number;
  /** Time the background took to match it (off the page's thread). */
  backgroundMs: number | null;
  /** Whether the read began only after the first pass (the first highlights) was over. */
  afterFirstPass: boolean;
}

/** The minimal content script's pass: what any content script that reads the page's text costs. */
export interface MinimalPass {
  extMs: number;
}

export interface BaselinePass {
  textNodes: number;
  /** One textContent read in a fresh isolated world, as a content script's first read is. */
  nativeReadMs: number;
  /** The same read in the page's own world, where the DOM bindings already exist. */
  pageWorldReadMs: number;
  floorMs: number;
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

async function launchWithExtension(dir: string): Promise<BrowserContext> {
  const profile = await mkdtemp(join(tmpdir(), 'claimlight-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...OFFLINE_CHROMIUM_ARGS],
    viewport: { width: 1280, height: 800 },
  });
  await blockNetwork(context);
  return context;
}

export class ChromiumBench {
  private constructor(
    readonly withExtension: BrowserContext,
    readonly extensionId: string,
    readonly plain: Browser,
    readonly plainContext: BrowserContext,
    private readonly withMinimal: BrowserContext | null,
  ) {}

  /** `minimalDir`: the minimal extension (see minimal.ts), the reference for pages without a mention. */
  static async launch(distDir: string, minimalDir?: string): Promise<ChromiumBench> {
    const withExtension = await launchWithExtension(distDir);
    const worker = withExtension.serviceWorkers()[0] ?? (await withExtension.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const withMinimal = minimalDir === undefined ? null : await launchWithExtension(minimalDir);
    const plain = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: OFFLINE_CHROMIUM_ARGS,
    });
    const plainContext = await plain.newContext({ viewport: { width: 1280, height: 800 } });
    await blockNetwork(plainContext);
    return new ChromiumBench(withExtension, extensionId, plain, plainContext, withMinimal);
  }

  private isExtension = (url: string) => url.startsWith(`chrome-extension://${this.extensionId}/`);

  /** Loads `url` with the minimal extension and profiles its content script like Claimlight's. */
  async minimalPass(url: string): Promise<MinimalPass> {
    const context = this.withMinimal;
    if (!context) throw new Error('launched without the minimal extension');
    const page = await context.newPage();
    try {
      const cdp = await context.newCDPSession(page);
      await startProfiling(cdp);
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      // Content scripts at document_idle run by shortly after load; the same trailing wait as Claimlight's pass.
      await page.waitForFunction(() => document.documentElement.dataset['minimalDone'] === '1', undefined, {
        timeout: 60_000,
      });
      await page.waitForTimeout(400);
      const { totalMs } = attribute(await stopProfiling(cdp), (u) => u.startsWith('chrome-extension://'));
      return { extMs: totalMs };
    } finally {
      await page.close();
    }
  }

  private async waitForInitialPass(page: Page): Promise<number | null> {
    await page.waitForFunction(() => performance.getEntriesByName('claimlight:initial-pass').length > 0, undefined, {
      timeout: 60_000,
    });
    return page.evaluate(() => performance.getEntriesByName('claimlight:initial-pass')[0]?.duration ?? null);
  }

  /** Loads `url` with the extension and profiles everything the content script does until it settles. */
  async extensionPass(url: string): Promise<ExtensionPass> {
    const page = await this.withExtension.newPage();
    try {
      const cdp = await this.withExtension.newCDPSession(page);
      await startProfiling(cdp);
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      const initialPassWallMs = await this.waitForInitialPass(page);
      await page.waitForTimeout(400); // trailing slices and observers
      const highlights = await page.evaluate(() => document.querySelectorAll('[data-claimlight-entity]').length);
      const matching = highlights > 0 ? await this.matchingPass(page) : null;
      const { totalMs, tasksMs } = attribute(await stopProfiling(cdp), this.isExtension);
      return {
        matching,
        extMs: totalMs,
        longestTaskMs: Math.max(0, ...tasksMs),
        tasksOver16: tasksMs.filter((t) => t > 16).length,
        tasksOver50: tasksMs.filter((t) => t > 50).length,
        initialPassWallMs,
        highlights,
      };
    } finally {
      await page.close();
    }
  }

  /** The content script's first read of the page for matching, and the background's matching of it. */
  private async matchingPass(page: Page): Promise<MatchingPass | null> {
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
        { timeout: 10_000 },
      )
      .then((handle) => handle.jsonValue())
      .catch(() => null);
    if (!read) return null;
    const worker = this.withExtension.serviceWorkers()[0];
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
    return { ...read, backgroundMs };
  }

  /** In the browser without the extension: a native read, the floor, then naive mark.js, profiled alike. */
  async baselinePass(url: string, pattern: RegExp): Promise<BaselinePass> {
    const page = await this.plainContext.newPage();
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      await page.waitForTimeout(200);
      const cdp = await this.plainContext.newCDPSession(page);
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
      const textNodes = (await evaluateAs(
        cdp,
        `(() => { const re = ${re}; const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          let count = 0, hits = 0;
          for (let n = walker.nextNode(); n; n = walker.nextNode()) { count++; re.lastIndex = 0; if (re.test(n.data)) hits++; }
          return count; })()`,
        'bench/floor.js',
      )) as number;
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
        naiveMs: time('bench/naive.js'),
      };
    } finally {
      await page.close();
    }
  }

  /** Time from the content script's start to the first highlight inside the viewport. */
  async firstVisibleHighlight(url: string): Promise<number | null> {
    const page = await this.withExtension.newPage();
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
      await this.waitForInitialPass(page);
      await page.waitForTimeout(200);
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
   * Appends `count` paragraphs that mention TikTok, one at a time, and returns
   * each one's latency to its highlight and the extension's time per append.
   */
  async appends(url: string, count: number): Promise<{ latenciesMs: (number | null)[]; extMsPerAppend: number }> {
    const page = await this.withExtension.newPage();
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      await this.waitForInitialPass(page);
      await page.waitForTimeout(300);
      const cdp = await this.withExtension.newCDPSession(page);
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

  /** JS heap in use after GC on `url`, with the extension minus without. */
  async heapAdded(url: string): Promise<number> {
    const used = async (context: BrowserContext, waitForExtension: boolean) => {
      const page = await context.newPage();
      try {
        await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
        if (waitForExtension) await this.waitForInitialPass(page);
        await page.waitForTimeout(500);
        const cdp = await context.newCDPSession(page);
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
        return usedSize;
      } finally {
        await page.close();
      }
    };
    return (await used(this.withExtension, true)) - (await used(this.plainContext, false));
  }

  async close(): Promise<void> {
    await this.withExtension.close();
    await this.withMinimal?.close();
    await this.plain.close();
  }
}
