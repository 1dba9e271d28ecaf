/**
 * The pages the benchmark loads: the corpus performance pages (group c),
 * scaled copies of one of them, a mention-dense variant and a page with no
 * mention. Generated pages are served from memory by the test server.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, corpusAvailable, type TestServer } from '../harness/server.ts';

export interface BenchPage {
  name: string;
  url: string;
  /** Pages whose initial pass is compared against the floor and naive mark.js. */
  kind: 'corpus' | 'scaled' | 'dense' | 'article' | 'story' | 'synthetic' | 'empty' | 'hostile' | 'other-corpus';
  scale?: number;
}

/** The corpus page that is scaled 1x, 4x and 16x: many text nodes, no mention. */
export const SCALED_SOURCE = 'pages/trafilatura__eval__siegfried-marcus-berufsschule.at.kft.html';
export const SCALES = [1, 4, 16] as const;

/** The corpus pages of some groups (a: mentions, b: negatives, c: the largest pages). */
export function corpusPages(groups: readonly string[]): string[] {
  const manifest = readFileSync(join(CORPUS_DIR, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const header = manifest[0]?.split('\t') ?? [];
  const fileCol = header.indexOf('file');
  const groupCol = header.indexOf('group');
  return manifest
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((cols) => groups.includes(cols[groupCol] ?? ''))
    .map((cols) => cols[fileCol] ?? '')
    .filter(Boolean);
}

export function corpusPerformancePages(): string[] {
  return corpusPages(['c']);
}

/** The long article that gets about 100 mentions: a real page, read as users read articles about the companies. */
export const ARTICLE_SOURCE = 'pages/readability__wikipedia-2.html';
export const ARTICLE_MENTIONS = 100;

const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script>/gi;

function splitBody(html: string): { head: string; body: string; tail: string } {
  const open = /<body\b[^>]*>/i.exec(html);
  const close = html.toLowerCase().lastIndexOf('</body>');
  if (!open || close < 0) return { head: '<!doctype html><html><body>', body: html, tail: '</body></html>' };
  const bodyStart = open.index + open[0].length;
  return { head: html.slice(0, bodyStart), body: html.slice(bodyStart, close), tail: html.slice(close) };
}

/** The page with its body repeated `times` times; scripts removed so every copy renders the same. */
export function scaledPage(html: string, times: number): string {
  const { head, body, tail } = splitBody(html.replace(SCRIPT, ''));
  return head + body.repeat(times) + tail;
}

/** The page with a company name added at the end of every paragraph, list item, cell, link and heading. */
export function mentionDensePage(html: string): string {
  const names = ['TikTok', 'ByteDance', 'Oracle'];
  let i = 0;
  return html.replace(SCRIPT, '').replace(/<\/(p|li|td|a|h[1-6])>/gi, (close) => ` ${names[i++ % 3] ?? ''}${close}`);
}

/**
 * The page with a company name added at the end of evenly spaced paragraphs,
 * `mentions` in all: an article that mentions the companies every few lines.
 */
export function articlePage(html: string, mentions: number): string {
  const names = ['TikTok', 'ByteDance', 'Oracle'];
  const cleaned = html.replace(SCRIPT, '');
  const paragraphs = cleaned.match(/<\/p>/gi)?.length ?? 0;
  const every = Math.max(1, Math.floor(paragraphs / mentions));
  let seen = 0;
  let added = 0;
  return cleaned.replace(/<\/p>/gi, (close) => {
    if (seen++ % every !== 0 || added >= mentions) return close;
    return ` ${names[added++ % 3] ?? ''}${close}`;
  });
}

/** A synthetic article used when the corpus is absent: many paragraphs, no mention. */
export function syntheticPage(paragraphs: number): string {
  const p = (i: number) =>
    `<p>Paragraph ${i}: the committee met on <a href="#${i}">Tuesday</a> to discuss the <em>budget</em>, ` +
    `roads and schools; members asked for <strong>more time</strong> before the vote.</p>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Synthetic</title></head><body><main>${Array.from(
    { length: paragraphs },
    (_, i) => p(i),
  ).join('\n')}</main></body></html>`;
}

/** 25,000 paragraphs of four mentions each: far past the highlight cap, every mention still counted. */
export function hundredThousandMentions(): string {
  const p = '<p>TikTok, ByteDance and Oracle, and TikTok again.</p>';
  return `<!doctype html><html><head><meta charset="utf-8"><title>100,000 mentions</title></head><body>${p.repeat(25_000)}</body></html>`;
}

export function preparePages(server: TestServer): { pages: BenchPage[]; corpus: boolean } {
  const corpus = corpusAvailable();
  const pages: BenchPage[] = [];
  let source: string;
  if (corpus) {
    for (const file of corpusPerformancePages()) {
      pages.push({
        name: file.replace(/^pages\//, '').replace(/\.html$/, ''),
        url: server.url(`/corpus/${file}`),
        kind: 'corpus',
      });
    }
    source = readFileSync(join(CORPUS_DIR, SCALED_SOURCE), 'utf8');
    pages.push({
      name: `article, ${String(ARTICLE_MENTIONS)} mentions`,
      url: server.page(
        '/bench/article.html',
        articlePage(readFileSync(join(CORPUS_DIR, ARTICLE_SOURCE), 'utf8'), ARTICLE_MENTIONS),
      ),
      kind: 'article',
    });
  } else {
    source = syntheticPage(3000);
    pages.push({ name: 'synthetic-3000p', url: server.page('/bench/synthetic.html', source), kind: 'synthetic' });
  }
  for (const scale of SCALES) {
    pages.push({
      name: `scaled-${scale}x`,
      url: server.page(`/bench/scaled-${scale}x.html`, scaledPage(source, scale)),
      kind: 'scaled',
      scale,
    });
  }
  pages.push({ name: 'mention-dense', url: server.page('/bench/dense.html', mentionDensePage(source)), kind: 'dense' });
  pages.push({ name: 'no-mention (fixture)', url: server.url('/no-mentions.html'), kind: 'empty' });
  // A long article about the reports' story, written here: the page matching is built for.
  pages.push({ name: 'story article (fixture)', url: server.url('/long-story.html'), kind: 'story' });
  pages.push({
    name: '100,000 mentions',
    url: server.page('/bench/hundred-thousand.html', hundredThousandMentions()),
    kind: 'hostile',
  });
  // The rest of the corpus: pages that mention the companies (group a) and negatives (group b). Those
  // Claimlight highlights nothing on join the no-mention comparison, whatever their raw text holds.
  if (corpus) {
    for (const file of corpusPages(['a', 'b'])) {
      pages.push({
        name: file.replace(/^pages\//, '').replace(/\.html$/, ''),
        url: server.url(`/corpus/${file}`),
        kind: 'other-corpus',
      });
    }
  }
  return { pages, corpus };
}
