/**
 * The reference in Firefox: a minimal temporary add-on whose content script
 * runs naive mark.js on the page, `new Mark(document.body).markRegExp(re)`
 * with Claimlight's mention regular expression, injected like Claimlight's
 * (all URLs, document_idle). It times itself with performance.now(): first
 * the floor (the same read-only TreeWalker pass as Chromium's, scripts and styles skipped), then mark.js,
 * and writes both on the page's root element for the benchmark to read.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../harness/server.ts';

export const NAIVE_ADDON_ID = 'naive-markjs@bench.claimlight.invalid';

export function writeNaiveAddon(dir: string, pattern: RegExp): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'manifest.json'),
    `${JSON.stringify(
      {
        // Manifest V2: its content scripts need no host permission granted by hand.
        manifest_version: 2,
        name: 'Naive mark.js (benchmark reference)',
        version: '1.0',
        browser_specific_settings: { gecko: { id: NAIVE_ADDON_ID } },
        content_scripts: [{ matches: ['<all_urls>'], js: ['mark.min.js', 'naive.js'], run_at: 'document_idle' }],
      },
      null,
      2,
    )}\n`,
  );
  copyFileSync(join(REPO_ROOT, 'node_modules/mark.js/dist/mark.min.js'), join(dir, 'mark.min.js'));
  writeFileSync(
    join(dir, 'naive.js'),
    `/* global Mark */
(() => {
  const root = document.documentElement;
  const body = document.body;
  if (!body) {
    root.dataset.naiveDone = '1';
    return;
  }
  const re = new RegExp(${JSON.stringify(pattern.source)}, ${JSON.stringify(pattern.flags)});
  const t0 = performance.now();
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let hits = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentNode.localName;
    if (parent === 'script' || parent === 'style') continue;
    re.lastIndex = 0;
    if (re.test(n.data)) hits++;
  }
  const t1 = performance.now();
  new Mark(body).markRegExp(re);
  const t2 = performance.now();
  root.dataset.naiveFloorMs = String(t1 - t0);
  root.dataset.naiveMs = String(t2 - t1);
  root.dataset.naiveHits = String(hits);
  root.dataset.naiveDone = '1';
})();
`,
  );
}
