/**
 * Firefox measurements: the content script's initial-pass wall time from its
 * performance marks, beside the floor's wall time on the same page.
 */
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxHarness } from '../harness/harness.ts';

export interface FirefoxPass {
  initialPassWallMs: number;
  floorWallMs: number;
  highlights: number;
}

export class FirefoxBench {
  private constructor(private readonly harness: FirefoxHarness) {}

  static async launch(distDir: string): Promise<FirefoxBench> {
    // Full-resolution timers: Firefox rounds performance.now() by default.
    return new FirefoxBench(await launchFirefox({ distDir, prefs: { 'privacy.reduceTimerPrecision': false } }));
  }

  async pass(url: string, pattern: RegExp): Promise<FirefoxPass> {
    const page: Page = await this.harness.browser.newPage();
    try {
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      await page.waitForFunction(() => performance.getEntriesByName('claimlight:initial-pass').length > 0, {
        timeout: 60_000,
      });
      await new Promise((done) => setTimeout(done, 300));
      const { initialPassWallMs, floorWallMs, highlights } = await page.evaluate(
        (source, flags) => {
          const initialPassWallMs = performance.getEntriesByName('claimlight:initial-pass')[0]?.duration ?? NaN;
          const highlights = document.querySelectorAll('[data-claimlight-entity]').length;
          const re = new RegExp(source, flags);
          const t0 = performance.now();
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          let hits = 0;
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            re.lastIndex = 0;
            if (re.test((n as Text).data)) hits++;
          }
          const floorWallMs = performance.now() - t0;
          return { initialPassWallMs, floorWallMs, highlights, hits };
        },
        pattern.source,
        pattern.flags,
      );
      return { initialPassWallMs, floorWallMs, highlights };
    } finally {
      await page.close();
    }
  }

  close(): Promise<void> {
    return this.harness.close();
  }
}
