/**
 * `npx tsx scripts/bench/hotspots.ts <page.html> [loads]`: where the content script's main-thread time goes on
 * one page, by function (self time from CPU-profile samples, averaged over the loads). Profile an unminified
 * build for readable names: `npx vite build --mode chrome --minify false` (then `npm run build` again).
 * ROWS=<n> lists more functions than the 20 it lists by default; CALLERS=<name> lists, for the functions whose
 * row starts with <name>, the calls (three frames up) their time came from.
 */
import { readFileSync } from 'node:fs';
import { launchChromium } from '../harness/harness.ts';
import { startServer } from '../harness/server.ts';
import { samplesOf, stackTest, startProfiling, stopProfiling } from './profile.ts';

const [file, loadsArg] = process.argv.slice(2);
if (!file) throw new Error('usage: hotspots.ts <page.html> [loads]');
const loads = Number(loadsArg ?? 5) || 5;
const server = await startServer();
const chromium = await launchChromium();
const url = server.page('/hotspots.html', readFileSync(file, 'utf8'));
const selfMs = new Map<string, number>();
const callersOf = process.env['CALLERS'];
const callerMs = new Map<string, number>();
let totalMs = 0;
try {
  for (let run = 0; run < loads; run++) {
    const { page } = await chromium.newTab();
    const cdp = await chromium.context.newCDPSession(page);
    await startProfiling(cdp);
    await page.goto(url, { waitUntil: 'load' });
    // The content script runs at document_idle and settles within this on the benchmark's pages.
    await page.waitForTimeout(800);
    const profile = await stopProfiling(cdp);
    // The same attribution as the benchmark's: the extension anywhere on the stack, gaps capped.
    const { onStack, frameOf, callerOf } = stackTest(profile, (u) =>
      u.startsWith(`chrome-extension://${chromium.extensionId}/`),
    );
    for (const { node, us } of samplesOf(profile)) {
      if (!onStack(node)) continue;
      const frame = frameOf(node);
      // Anonymous functions (callbacks, arrow functions) are told apart by their line.
      const fn =
        frame?.functionName || (frame?.lineNumber ? `(anonymous):${String(frame.lineNumber + 1)}` : '(top level)');
      const name = `${fn} ${frame?.url.split('/').pop() ?? ''}`;
      selfMs.set(name, (selfMs.get(name) ?? 0) + us / 1000);
      if (callersOf !== undefined && name.startsWith(callersOf)) {
        const chain: string[] = [];
        for (let up = callerOf(node); up !== undefined && chain.length < 3; up = callerOf(up)) {
          const caller = frameOf(up);
          chain.push(`${caller?.functionName || '(anonymous)'}:${String((caller?.lineNumber ?? -1) + 1)}`);
        }
        const key = chain.join(' < ');
        callerMs.set(key, (callerMs.get(key) ?? 0) + us / 1000);
      }
      totalMs += us / 1000;
    }
    await page.close();
  }
  console.log(`content script, ms per load (mean of ${String(loads)}): ${(totalMs / loads).toFixed(2)}`);
  for (const [name, ms] of [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env['ROWS'] ?? 20)))
    console.log(`${(ms / loads).toFixed(2).padStart(8)}  ${name}`);
  if (callersOf !== undefined) {
    console.log(`\n${callersOf}, called from:`);
    for (const [chain, ms] of [...callerMs].sort((a, b) => b[1] - a[1]).slice(0, 10))
      console.log(`${(ms / loads).toFixed(2).padStart(8)}  ${chain}`);
  }
} finally {
  await chromium.close();
  await server.close();
}
