// @vitest-environment happy-dom
/**
 * The entry's first decision: may this page mention a company? Read at once
 * when small, in pieces when large; either way the answer must be the same.
 */
import { describe, expect, it } from 'vitest';
import { probeForMention, type ProbeResult } from '../../src/content/detect/probe.ts';

function probe(readAtOnce?: number): Promise<ProbeResult> {
  return new Promise((resolve) => {
    probeForMention(document.body, 8, resolve, readAtOnce);
  });
}

/** Sections of nested lists: enough elements that a small read-at-once limit forces the piecewise path. */
function page(sections: number, extra = ''): string {
  const section = (i: number) =>
    `<section><h2>Part ${String(i)}</h2><ul>${'<li><a href="#">plain item</a> text</li>'.repeat(20)}</ul></section>`;
  return `<div id="app"><main>${Array.from({ length: sections }, (_, i) => section(i)).join('')}${extra}</main></div>`;
}

describe('probeForMention', () => {
  it('finds nothing on a page with no mention, at once and in pieces', async () => {
    document.body.innerHTML = page(30);
    expect((await probe()).found).toBe(false);
    expect((await probe(50)).found).toBe(false);
  });

  it('hands back the text it read in one piece (for a pack’s pre-test), and none when it read in pieces', async () => {
    document.body.innerHTML = page(3);
    expect((await probe()).text).toBe(document.body.textContent);
    expect((await probe(50)).text).toBeUndefined();
  });

  it('finds a mention deep in a large page when reading in pieces', async () => {
    document.body.innerHTML = page(30, '<section><p>Late in the page: <b>ByteDance</b> said so.</p></section>');
    expect((await probe()).found).toBe(true);
    expect((await probe(50)).found).toBe(true);
  });

  it('finds a mention in a text node directly under a split point', async () => {
    document.body.innerHTML = page(30);
    document.querySelector('main')?.append('Oracle Cloud');
    expect((await probe(50)).found).toBe(true);
  });

  it('skips code under the split points but not the page text', async () => {
    document.body.innerHTML = page(30, '<script>var TikTok = 1;</script><style>.TikTok{}</style>');
    expect((await probe(50)).found).toBe(false);
  });

  it('keeps the rule’s cases: the common noun "oracle" is not a possible mention', async () => {
    document.body.innerHTML = page(5, '<p>ask the oracle</p>');
    expect((await probe()).found).toBe(false);
  });
});
