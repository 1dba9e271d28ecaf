/**
 * `npm run bench -- --soak <minutes>`: an infinite-scroll page appends a
 * post that mentions the companies every 100 ms for several minutes, and,
 * like real feeds, drops posts that scrolled far away (it keeps the newest
 * 300). Side by side in Chromium with and without the extension, every 30 s:
 * JS heap after a forced GC (with minus without is what the extension adds),
 * highlights on the page, and the latency from each append to its highlight.
 * The extension's heap and highlight count must stay bounded and the latency
 * must not drift. Writes artifacts/soak.json and artifacts/soak.md.
 */
import type { CDPSession, Page } from '@playwright/test';
import type { TestServer } from '../harness/server.ts';
import { ExtensionBrowser, PlainBrowser } from './chromium.ts';
import { spread, fmt, type Spread } from './stats.ts';

const INTERVAL_MS = 30_000;
const APPEND_EVERY_MS = 100;
const KEEP_POSTS = 300;

/** The feed: appends, measures each post's append-to-highlight latency, and drops old posts. */
export function feedPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Endless feed</title></head><body>
<main id="feed"></main>
<script>
  const feed = document.getElementById('feed');
  const lines = [
    'TikTok said US traffic now goes to Oracle Cloud Infrastructure.',
    'Senators asked ByteDance about access to American user data.',
    'A plain post about the weather, with no company in it.',
    'Oracle engineers reviewed the TikTok recommendation code, and ByteDance was asked to comment.',
  ];
  window.__soak = { posts: 0, latencies: [] };
  function post() {
    const n = window.__soak.posts++;
    const article = document.createElement('article');
    const h = document.createElement('h2');
    h.textContent = 'Post ' + n;
    const p = document.createElement('p');
    p.textContent = lines[n % lines.length] + ' (update ' + n + ')';
    article.append(h, p);
    const t0 = performance.now();
    const watch = new MutationObserver(() => {
      if (article.querySelector('claimlight-mention')) {
        window.__soak.latencies.push(performance.now() - t0);
        watch.disconnect();
      }
    });
    watch.observe(article, { childList: true, subtree: true });
    article.__watch = watch;
    feed.append(article);
    while (feed.children.length > ${String(KEEP_POSTS)}) {
      const old = feed.firstElementChild;
      old.__watch?.disconnect();
      old.remove();
    }
  }
  setInterval(post, ${String(APPEND_EVERY_MS)});
</script></body></html>`;
}

export interface SoakSample {
  minute: number;
  posts: number;
  highlights: number;
  latencyMs: Spread | null;
  heapWithMiB: number;
  heapWithoutMiB: number;
  addedMiB: number;
}

async function heapMiB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 2 ** 20;
}

export async function soak(
  minutes: number,
  server: TestServer,
  benchDist: string,
): Promise<{ samples: SoakSample[]; verdict: { target: string; met: boolean; detail: string }[] }> {
  const url = server.page('/bench/feed.html', feedPage());
  const withExtension = await ExtensionBrowser.launch(benchDist, 'current');
  const plain = await PlainBrowser.launch();
  const samples: SoakSample[] = [];
  let withPage: Page | null = null;
  let withoutPage: Page | null = null;
  try {
    withPage = await withExtension.context.newPage();
    withoutPage = await plain.context.newPage();
    await Promise.all([withPage.goto(url), withoutPage.goto(url)]);
    const withCdp = await withExtension.context.newCDPSession(withPage);
    const withoutCdp = await plain.context.newCDPSession(withoutPage);
    const end = Date.now() + minutes * 60_000;
    const started = Date.now();
    while (Date.now() < end) {
      await new Promise((done) => setTimeout(done, INTERVAL_MS));
      const state = await withPage.evaluate(() => {
        const soakState = (window as unknown as { __soak: { posts: number; latencies: number[] } }).__soak;
        const latencies = soakState.latencies.splice(0);
        return {
          posts: soakState.posts,
          latencies,
          highlights: document.querySelectorAll('[data-claimlight-entity]').length,
        };
      });
      const heapWith = await heapMiB(withCdp);
      const heapWithout = await heapMiB(withoutCdp);
      const sample: SoakSample = {
        minute: (Date.now() - started) / 60_000,
        posts: state.posts,
        highlights: state.highlights,
        latencyMs: spread(state.latencies),
        heapWithMiB: heapWith,
        heapWithoutMiB: heapWithout,
        addedMiB: heapWith - heapWithout,
      };
      samples.push(sample);
      console.log(
        `${sample.minute.toFixed(1)} min: ${String(sample.posts)} posts, ${String(sample.highlights)} highlights, ` +
          `latency ${fmt(sample.latencyMs, 1, ' ms')}, heap added ${sample.addedMiB.toFixed(2)} MiB`,
      );
    }
  } finally {
    await withPage?.close();
    await withoutPage?.close();
    await withExtension.close();
    await plain.close();
  }
  return { samples, verdict: judge(samples) };
}

/** Bounded and steady: the second half of the run compared with the first. */
function judge(samples: SoakSample[]): { target: string; met: boolean; detail: string }[] {
  const half = Math.max(1, Math.floor(samples.length / 2));
  const early = samples.slice(0, half);
  const late = samples.slice(half);
  const max = (xs: number[]) => Math.max(...xs);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const lateLatency = median(late.map((s) => s.latencyMs?.median ?? NaN));
  const earlyLatency = median(early.map((s) => s.latencyMs?.median ?? NaN));
  return [
    {
      target: 'heap the extension adds stays bounded (late max ≤ early max + 1 MiB)',
      met: late.length > 0 && max(late.map((s) => s.addedMiB)) <= max(early.map((s) => s.addedMiB)) + 1,
      detail: `early max ${max(early.map((s) => s.addedMiB)).toFixed(2)} MiB, late max ${max(late.map((s) => s.addedMiB)).toFixed(2)} MiB`,
    },
    {
      target: 'highlights stay bounded (never above the 2,000 cap, late max ≤ early max × 1.1)',
      met:
        late.length > 0 &&
        max(samples.map((s) => s.highlights)) <= 2000 &&
        max(late.map((s) => s.highlights)) <= max(early.map((s) => s.highlights)) * 1.1,
      detail: `early max ${String(max(early.map((s) => s.highlights)))}, late max ${String(max(late.map((s) => s.highlights)))}`,
    },
    {
      target: 'append-to-highlight latency does not drift (late median ≤ 1.5 × early median + 0.5 ms)',
      met: late.length > 0 && lateLatency <= earlyLatency * 1.5 + 0.5,
      detail: `early ${earlyLatency.toFixed(2)} ms, late ${lateLatency.toFixed(2)} ms`,
    },
  ];
}

export function soakMarkdown(
  minutes: number,
  machine: string,
  samples: SoakSample[],
  verdict: { target: string; met: boolean; detail: string }[],
): string {
  const lines = [
    `Command: \`npm run bench -- --soak ${String(minutes)}\` · ${new Date().toISOString().slice(0, 10)} · ${machine}`,
    `A feed page appends a post every ${String(APPEND_EVERY_MS)} ms and keeps the newest ${String(KEEP_POSTS)}; ` +
      'Chromium with and without the extension side by side, sampled every 30 s after a forced GC.',
    '',
    '| minute | posts appended | highlights on page | append → highlight, median (min–max) | heap with | heap without | added by the extension |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...samples.map(
      (s) =>
        `| ${s.minute.toFixed(1)} | ${String(s.posts)} | ${String(s.highlights)} | ${fmt(s.latencyMs, 1, ' ms')} | ${s.heapWithMiB.toFixed(2)} MiB | ${s.heapWithoutMiB.toFixed(2)} MiB | ${s.addedMiB.toFixed(2)} MiB |`,
    ),
    '',
    ...verdict.map((v) => `- ${v.met ? 'met' : 'MISSED'}: ${v.target} (${v.detail})`),
    '',
  ];
  return lines.join('\n');
}
