/**
 * Where the test browsers are. Environment variables win; otherwise Debian's
 * packages, then Playwright's own Chromium where one is installed.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const INSTALL_HINT =
  'Install it with: sudo apt-get install -y chromium firefox-esr (Debian/Ubuntu), ' +
  'or point the variable at an existing binary.';

function firstExisting(candidates: (string | undefined)[]): string | undefined {
  return candidates.find((p): p is string => Boolean(p) && existsSync(p as string));
}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

export function chromiumPath(): string {
  const fromEnv = process.env['CLAIMLIGHT_CHROMIUM'];
  if (fromEnv && !existsSync(fromEnv)) {
    throw new Error(`CLAIMLIGHT_CHROMIUM=${fromEnv} does not exist. ${INSTALL_HINT}`);
  }
  const found = firstExisting([fromEnv, '/usr/bin/chromium', '/usr/bin/chromium-browser', playwrightChromium()]);
  if (!found) throw new Error(`No Chromium found (set CLAIMLIGHT_CHROMIUM). ${INSTALL_HINT}`);
  return found;
}

export function firefoxPath(): string {
  const fromEnv = process.env['CLAIMLIGHT_FIREFOX'];
  if (fromEnv && !existsSync(fromEnv)) {
    throw new Error(`CLAIMLIGHT_FIREFOX=${fromEnv} does not exist. ${INSTALL_HINT}`);
  }
  const found = firstExisting([fromEnv, '/usr/bin/firefox-esr', '/usr/bin/firefox']);
  if (!found) throw new Error(`No Firefox found (set CLAIMLIGHT_FIREFOX). ${INSTALL_HINT}`);
  return found;
}
