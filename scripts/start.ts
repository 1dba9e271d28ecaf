/**
 * `npm start` / `npm run start:firefox`: serves the demo page on 127.0.0.1
 * and opens a browser with the built extension loaded on it. Ctrl+C stops both.
 *   tsx scripts/start.ts chromium|firefox
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, firefoxPath } from './harness/browsers.ts';
import { REPO_ROOT, startServer } from './harness/server.ts';

const browser = process.argv[2] ?? 'chromium';
if (browser !== 'chromium' && browser !== 'firefox') {
  console.error(`Unknown browser "${browser}": use chromium or firefox.`);
  process.exit(2);
}

const server = await startServer(Number(process.env['PORT'] ?? 8787));
const demo = server.url('/demo.html');
console.log(`Demo page: ${demo}`);

const child =
  browser === 'chromium'
    ? spawn(
        chromiumPath(),
        [
          `--user-data-dir=${mkdtempSync(join(tmpdir(), 'claimlight-start-'))}`,
          `--disable-extensions-except=${join(REPO_ROOT, 'dist/chrome')}`,
          `--load-extension=${join(REPO_ROOT, 'dist/chrome')}`,
          '--no-first-run',
          '--no-default-browser-check',
          ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
          demo,
        ],
        { stdio: 'inherit' },
      )
    : spawn(
        join(REPO_ROOT, 'node_modules/.bin/web-ext'),
        ['run', '--source-dir', join(REPO_ROOT, 'dist/firefox'), '--firefox', firefoxPath(), '--start-url', demo],
        { stdio: 'inherit' },
      );

const stop = () => {
  child.kill();
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => {
  void server.close().then(() => process.exit(code ?? 0));
});
