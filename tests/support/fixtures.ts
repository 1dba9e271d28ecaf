/**
 * Playwright Test fixtures: one test server and one browser with the built
 * extension per worker, a fresh page per test.
 */
import { test as base, expect } from '@playwright/test';
import {
  launchHarness,
  launchPlainHarness,
  type BrowserHarness,
  type BrowserName,
  type ChromiumHarness,
  type TestPage,
} from '../../scripts/harness/harness.ts';
import { startServer, type TestServer } from '../../scripts/harness/server.ts';

export interface ClaimlightOptions {
  extBrowser: BrowserName;
}

interface WorkerFixtures {
  server: TestServer;
  harness: BrowserHarness;
  /** The same browser without the extension. */
  plain: BrowserHarness;
  /** `harness` as Chromium's, for the *.chromium.spec.ts files (run by the Chromium project only). */
  chromium: ChromiumHarness;
}

interface TestFixtures {
  tab: TestPage;
}

export const test = base.extend<TestFixtures, ClaimlightOptions & WorkerFixtures>({
  extBrowser: ['chromium', { option: true, scope: 'worker' }],
  server: [
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  harness: [
    async ({ extBrowser }, use) => {
      const harness = await launchHarness(extBrowser);
      await use(harness);
      await harness.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  chromium: [
    async ({ harness }, use) => {
      if (harness.name !== 'chromium') throw new Error(`a Chromium-only test ran in ${harness.name}`);
      await use(harness as ChromiumHarness);
    },
    { scope: 'worker' },
  ],
  plain: [
    async ({ extBrowser }, use) => {
      const plain = await launchPlainHarness(extBrowser);
      await use(plain);
      await plain.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  tab: async ({ harness }, use) => {
    const tab = await harness.newPage();
    await use(tab);
    await tab.close().catch(() => undefined);
  },
});

export { expect };
