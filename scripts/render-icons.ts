/**
 * Renders scripts/assets/icon.svg to the PNG sizes the manifest lists
 * (Chrome does not take SVG icons). Run after changing the SVG:
 *   npx tsx scripts/render-icons.ts
 */
import { readFile, mkdir } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { chromiumPath } from './harness/browsers.ts';

const SIZES = [16, 32, 48, 128];
const svg = await readFile(new URL('./assets/icon.svg', import.meta.url), 'utf8');
await mkdir(new URL('../public/icons/', import.meta.url), { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: `public/icons/icon-${size}.png`, omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
