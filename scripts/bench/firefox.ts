/**
 * Firefox measurements, by the content scripts' own clocks (Firefox has no
 * CPU profiler here). Claimlight: its benchmark build's marks, read once the
 * window (the page's start to 2.5 s after its load event) is over. The
 * reference: the naive mark.js add-on (naive.ts) in a Firefox of its own,
 * timing itself.
 */
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxHarness } from '../harness/harness.ts';
import { WINDOW_AFTER_LOAD_MS } from './chromium.ts';

export interface FirefoxPass {
  /** The content script's measure of its initial pass: wall time from its start to its first highlights. */
  initialPassWallMs: number;
  /** Its read of the page for matching (its own busy time), when that was over by the time it was looked for. */
  readMs: number | null;
  /** What the script spent by its own clock: the initial pass's wall time plus the read's busy time. */
  scriptMs: number;
  /** Whether the initial pass (and the read, on a page with a highlight, when the build reads) ended inside the window. */
  inWindow: boolean;
  /** The longest slice by the script's own clock, when the build marks its slices (null: not exposed). */
  longestSliceMs: number | null;
  highlights: number;
}

export interface NaivePass {
  /** `new Mark(document.body).markRegExp(re)`, timed inside the add-on's content script. */
  naiveMs: number;
  /** The read-only TreeWalker pass with the same regex, timed there too, before mark.js ran. */
  floorMs: number;
}

const FIREFOX_PREFS = { 'privacy.reduceTimerPrecision': false };

/** Waits until the page's clock is past its load event's end + 2.5 s; returns that moment (page ms). */
async function waitForWindowEnd(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return nav && nav.loadEventEnd > 0 ? nav.loadEventEnd : null;
    },
    { timeout: 60_000 },
  );
  const end = ((await handle.jsonValue()) ?? 0) + WINDOW_AFTER_LOAD_MS;
  for (;;) {
    const now = await page.evaluate(() => performance.now());
    if (now >= end + 20) return end;
    await new Promise((done) => setTimeout(done, end + 20 - now));
  }
}

/** A build of Claimlight installed as a temporary add-on in a Firefox of its own. */
export class FirefoxExtension {
  private constructor(
    readonly label: string,
    private readonly harness: FirefoxHarness,
  ) {}

  /** `label`: the build's name in the tables. Full-resolution timers: Firefox rounds performance.now() by default. */
  static async launch(distDir: string, label: string): Promise<FirefoxExtension> {
    return new FirefoxExtension(label, await launchFirefox({ distDir, prefs: FIREFOX_PREFS }));
  }

  async pass(url: string, readsPage: boolean): Promise<FirefoxPass> {
    const page: Page = await this.harness.browser.newPage();
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      const windowEnd = await waitForWindowEnd(page);
      const inWindow = await page.evaluate(() => performance.getEntriesByName('claimlight:initial-pass').length > 0);
      // An initial pass still going at the window's end is waited for, to show what it took (and flagged late).
      if (!inWindow)
        await page.waitForFunction(() => performance.getEntriesByName('claimlight:initial-pass').length > 0, {
          timeout: 60_000,
        });
      const state = await page.evaluate((end) => {
        const pass = performance.getEntriesByName('claimlight:initial-pass')[0];
        const read = performance.getEntriesByName('claimlight:page-read')[0] as PerformanceMark | undefined;
        const slices = performance
          .getEntries()
          .filter((e) => e.name.startsWith('claimlight:slice'))
          .map((e) => (e.entryType === 'mark' ? Number((e as PerformanceMark).detail) : e.duration));
        return {
          initialPassWallMs: pass?.duration ?? null,
          initialPassInWindow: pass !== undefined && pass.startTime + pass.duration <= end,
          readMs: read ? Number(read.detail) : null,
          longestSliceMs: slices.length > 0 ? Math.max(...slices) : null,
          highlights: document.querySelectorAll('[data-claimlight-entity]').length,
        };
      }, windowEnd);
      if (state.initialPassWallMs === null) throw new Error('no claimlight:initial-pass measure');
      const readExpected = readsPage && state.highlights > 0;
      return {
        initialPassWallMs: state.initialPassWallMs,
        readMs: state.readMs,
        scriptMs: state.initialPassWallMs + (state.readMs ?? 0),
        // A read marked only after the window (on a page whose initial pass ran late) is not in it either.
        inWindow: inWindow && state.initialPassInWindow && (!readExpected || state.readMs !== null),
        longestSliceMs: state.longestSliceMs,
        highlights: state.highlights,
      };
    } finally {
      await page.close();
    }
  }

  close(): Promise<void> {
    return this.harness.close();
  }
}

/** The naive mark.js add-on in a Firefox of its own. */
export class FirefoxNaive {
  private constructor(private readonly harness: FirefoxHarness) {}

  static async launch(addonDir: string): Promise<FirefoxNaive> {
    return new FirefoxNaive(await launchFirefox({ distDir: addonDir, prefs: FIREFOX_PREFS }));
  }

  async pass(url: string): Promise<NaivePass> {
    const page: Page = await this.harness.browser.newPage();
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      const handle = await page.waitForFunction(
        () => {
          const data = document.documentElement.dataset;
          return data['naiveDone'] === '1'
            ? { naiveMs: Number(data['naiveMs']), floorMs: Number(data['naiveFloorMs']) }
            : null;
        },
        { timeout: 120_000 },
      );
      const result = await handle.jsonValue();
      if (!result) throw new Error('the naive add-on did not run');
      return result;
    } finally {
      await page.close();
    }
  }

  close(): Promise<void> {
    return this.harness.close();
  }
}
