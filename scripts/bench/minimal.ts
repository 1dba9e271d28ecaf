/**
 * The reference for pages without a mention: a minimal extension whose
 * content script only reads the page's text once and tests the mention
 * regular expression, injected like Claimlight's (all URLs, document_idle).
 * Claimlight's no-mention cost is held to a ratio of this one's, measured the
 * same way in the same run: what any content script that reads the page
 * costs is not Claimlight's to save.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeMinimalExtension(dir: string, pattern: RegExp): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify(
      {
        manifest_version: 3,
        name: 'Minimal content script (benchmark reference)',
        version: '1.0',
        content_scripts: [{ matches: ['<all_urls>'], js: ['minimal.js'], run_at: 'document_idle' }],
      },
      null,
      2,
    ),
  );
  // The data attribute tells the benchmark the script ran; it is written after the measured work.
  writeFileSync(
    join(dir, 'minimal.js'),
    `(() => {
  const re = new RegExp(${JSON.stringify(pattern.source)}, ${JSON.stringify(pattern.flags.replace('g', ''))});
  const body = document.body;
  const found = body !== null && re.test(body.textContent);
  document.documentElement.dataset.minimalFound = String(found);
  document.documentElement.dataset.minimalDone = '1';
})();
`,
  );
}
