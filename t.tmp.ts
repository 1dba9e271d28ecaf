import { ChromiumBench } from './scripts/bench/chromium.ts';
import { startProfiling, stopProfiling, type CpuProfile } from './scripts/bench/profile.ts';
import { startServer } from './tests/support/server.ts';
import { scaledPage, mentionDensePage } from './scripts/bench/pages.ts';
import { readFileSync } from 'node:fs';
const s = await startServer();
const b = await ChromiumBench.launch('/work/main/dist/bench-chrome');
const target = process.argv[2] ?? '/no-mentions.html';
const src = readFileSync('../shared/corpus/pages/trafilatura__eval__siegfried-marcus-berufsschule.at.kft.html', 'utf8');
const url = target.startsWith('/')
  ? s.url(target)
  : target === 'dense'
    ? s.page('/d.html', mentionDensePage(src))
    : s.page('/x.html', scaledPage(src, 16));
for (let k = 0; k < 2; k++) {
  const page = await b.withExtension.newPage();
  const cdp = await b.withExtension.newCDPSession(page);
  await startProfiling(cdp);
  await page.goto(url);
  await page.waitForTimeout(1500);
  if (process.argv[3] === 'append') {
    await page.evaluate(
      `for (let i=0;i<20;i++){const p=document.createElement('p');p.textContent='TikTok '+i;document.body.appendChild(p);}`,
    );
    await page.waitForTimeout(500);
  }
  const prof: CpuProfile = await stopProfiling(cdp);
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const isExt = (id: number): boolean => {
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
      if (byId.get(x)?.callFrame.url.startsWith('chrome-extension://')) return true;
    }
    return false;
  };
  prof.samples.forEach((id, i) => {
    if (!isExt(id)) return;
    const n = byId.get(id)!;
    // attribute to nearest extension frame for context
    let x: number | undefined = id;
    let label = '';
    for (; x !== undefined; x = parent.get(x)) {
      const f = byId.get(x)!.callFrame as any;
      if (f.url.startsWith('chrome-extension://')) {
        label = `${f.functionName || '(anon)'}:${f.lineNumber}:${f.columnNumber}`;
        break;
      }
    }
    const key = `${n.callFrame.functionName || '(anon)'} <- ${label}`;
    self.set(key, (self.get(key) ?? 0) + (prof.timeDeltas[i + 1] ?? 50) / 1000);
  });
  console.log(
    '---',
    [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([k, v]) => `${v.toFixed(2)}ms ${k}`)
      .join('\n'),
  );
  await page.close();
}
await b.close();
await s.close();
