/** Viewport and keyboard helpers that reach past `TestPage` to the driver underneath (Playwright or puppeteer). */
import { PlaywrightPage, type TestPage } from '../../scripts/harness/harness.ts';

interface PuppeteerLike {
  setViewport(viewport: { width: number; height: number }): Promise<void>;
  keyboard: { down(key: string): Promise<void>; up(key: string): Promise<void>; press(key: string): Promise<void> };
}

export async function setViewport(tab: TestPage, width: number, height: number): Promise<void> {
  if (tab instanceof PlaywrightPage) await tab.page.setViewportSize({ width, height });
  else await (tab as unknown as { page: PuppeteerLike }).page.setViewport({ width, height });
}
