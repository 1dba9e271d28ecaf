/**
 * A claim pack survives a browser restart: imported, the browser closed and started again on the same
 * profile, the pack is still listed, verified, and its company highlighted.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, PlaywrightPage } from '../../scripts/harness/harness.ts';
import { expect, test } from '../support/fixtures.ts';
import { choosePack, HARBOR_FILE, packFile } from '../support/packs.ts';

const HARBOR = packFile(HARBOR_FILE);

test('an imported pack is still there after the browser restarts', async ({ server }) => {
  const profile = await mkdtemp(join(tmpdir(), 'claimlight-restart-'));
  try {
    const first = await launchChromium({ profile });
    try {
      const options = new PlaywrightPage(await first.openExtensionPage('src/options/index.html'));
      expect(await choosePack(options, HARBOR_FILE)).toBe('imported');
    } finally {
      await first.close();
    }
    const again = await launchChromium({ profile });
    try {
      const options = new PlaywrightPage(await again.openExtensionPage('src/options/index.html'));
      const sha = await options.waitFor(
        (id) => document.querySelector(`.pack-list [data-pack="${id}"] .sha code`)?.textContent ?? null,
        HARBOR.id,
        15_000,
      );
      expect(sha).toBe(HARBOR.sha256);
      const tab = await again.newPage();
      await tab.goto(server.url('/larkspur.html'));
      await expect
        .poll(() => tab.evaluate(() => document.querySelectorAll('[data-claimlight-entity="larkspur"]').length), {
          timeout: 15_000,
        })
        .toBe(2);
    } finally {
      await again.close();
    }
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});
