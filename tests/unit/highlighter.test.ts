// @vitest-environment happy-dom
/**
 * The highlighting engine against a DOM: wrap, follow the page's edits, and
 * undo node for node. The browsers run the same code in the e2e tests.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Highlighter } from '../../src/content/highlight/highlighter.ts';
import { BUILT_IN_COMPANIES } from '../../src/shared/lexicon.ts';
import { matcherFor } from '../../src/content/highlight/matchers.ts';
import { BUILT_IN_PRETEST, usePreTest } from '../../src/content/detect/pretest.ts';
import { preTestSources } from '../../src/shared/mentions.ts';

const ALL = BUILT_IN_COMPANIES;

let current: Highlighter | null = null;
afterEach(() => {
  // One highlighter per document, as in a page: the previous test's must not see the next test's DOM.
  current?.stop();
  current = null;
});

function setup(html: string) {
  document.body.innerHTML = html;
  let finished: () => void = () => undefined;
  const pageChanges = { count: 0 };
  const highlighter = new Highlighter(document, {
    changed: () => undefined,
    pageChanged: () => pageChanges.count++,
    initialPassDone: () => finished(),
  });
  highlighter.observe(document);
  current = highlighter;
  /** Starts and resolves once the sliced initial pass is over. */
  const run = (enabled = ALL) =>
    new Promise<void>((resolve) => {
      finished = resolve;
      highlighter.start(matcherFor(enabled));
    });
  return { highlighter, run, pageChanges };
}

const marks = () =>
  [...document.querySelectorAll('[data-claimlight-entity]')].map(
    (m) => `${m.getAttribute('data-claimlight-entity') ?? ''}:${m.textContent}`,
  );

function snapshot(): { nodes: Node[]; data: string[] } {
  const nodes: Node[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
  for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) nodes.push(n);
  return { nodes, data: nodes.map((n) => (n instanceof Text ? n.data : n.nodeName)) };
}

describe('Highlighter', () => {
  it('wraps every mention and counts them per company', async () => {
    const { highlighter, run } = setup('<p>TikTok and ByteDance</p><p>then <b>Oracle</b> and TikTok again</p>');
    await run();
    expect(marks()).toEqual(['tiktok:TikTok', 'bytedance:ByteDance', 'oracle:Oracle', 'tiktok:TikTok']);
    expect(highlighter.counts()).toEqual({ tiktok: 2, bytedance: 1, oracle: 1 });
    expect(document.body.textContent).toBe('TikTok and ByteDancethen Oracle and TikTok again');
  });

  it('tells of the page’s own changes, never of its own wrapping', async () => {
    const { run, pageChanges } = setup('<p id="p">TikTok and ByteDance</p>');
    await run();
    await new Promise((done) => setTimeout(done, 20));
    expect(marks()).toHaveLength(2);
    expect(pageChanges.count).toBe(0);
    const p = document.getElementById('p');
    p?.append(' and Oracle');
    await new Promise((done) => setTimeout(done, 20));
    expect(pageChanges.count).toBeGreaterThan(0);
  });

  it('stop() restores the same node objects with the same data', async () => {
    const { highlighter, run } = setup('<p>a TikTok b</p><p>TikTok</p><ul><li>x ByteDance y Oracle z</li></ul>');
    const before = snapshot();
    await run();
    expect(marks().length).toBe(4);
    highlighter.stop();
    const after = snapshot();
    expect(after.nodes.length).toBe(before.nodes.length);
    after.nodes.forEach((node, i) => expect(node).toBe(before.nodes[i]));
    expect(after.data).toEqual(before.data);
  });

  it('only the enabled companies are highlighted', async () => {
    const { run } = setup('<p>TikTok, ByteDance, Oracle</p>');
    await run(BUILT_IN_COMPANIES.filter((company) => company.id === 'bytedance'));
    expect(marks()).toEqual(['bytedance:ByteDance']);
  });

  it('highlights a company by its current rules when a new version of its pack changes them under the same id', async () => {
    const larkspur = (spellings: string[]) => ({
      id: 'larkspur',
      name: 'Larkspur Robotics',
      description: 'A fictional maker of port robots.',
      mentions: { spellings, ignoreCase: false, notFollowedBy: [] },
    });
    // As the engine does when the companies change: the pre-tests follow them.
    const highlight = async (spellings: string[]) => {
      usePreTest(preTestSources([larkspur(spellings)]));
      const { highlighter, run } = setup('<p>Larkspur and Lark Robotics</p>');
      await run([larkspur(spellings)]);
      const found = marks();
      highlighter.stop();
      return found;
    };
    try {
      expect(await highlight(['Larkspur'])).toEqual(['larkspur:Larkspur']);
      expect(await highlight(['Lark Robotics'])).toEqual(['larkspur:Lark Robotics']);
    } finally {
      usePreTest(BUILT_IN_PRETEST);
    }
  });

  it('leaves excluded places alone', async () => {
    const { run } = setup(
      '<textarea>TikTok</textarea><div contenteditable="true"><p>TikTok</p></div><p>TikTok</p><svg><text>Oracle</text></svg>',
    );
    await run();
    expect(marks()).toEqual(['tiktok:TikTok']);
  });
});
