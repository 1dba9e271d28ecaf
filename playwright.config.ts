import { defineConfig } from '@playwright/test';
import type { ClaimlightOptions } from './tests/support/fixtures.ts';

export default defineConfig<ClaimlightOptions>({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: process.env['CI'] ? 2 : 2,
  retries: 0,
  // Generous: CI machines are shared and slow at times; tests wait on conditions, never on fixed budgets.
  timeout: 60_000,
  forbidOnly: Boolean(process.env['CI']),
  reporter: [['list']],
  projects: [
    // Checks of the built extension itself (dist/), once, with no browser: `npm run test:e2e` builds first.
    { name: 'build', testMatch: /\.build\.spec\.ts$/ },
    { name: 'chromium', use: { extBrowser: 'chromium' }, testIgnore: /\.build\.spec\.ts$/ },
    { name: 'firefox', use: { extBrowser: 'firefox' }, testIgnore: [/\.chromium\.spec\.ts$/, /\.build\.spec\.ts$/] },
  ],
});
