// @vitest-environment happy-dom
/**
 * Exact undo as a property: for generated DOM trees with mentions in many
 * positions, highlighting and then turning highlighting off leaves the same
 * node objects, in the same order, with the same data, and while the page
 * edits its own nodes the result is exactly what the page made. Once the
 * page stops changing (quiescence), every allowed mention is highlighted
 * again, including in places the highlighter had left alone for a while.
 *
 * Failing cases that fast-check finds are kept in REGRESSIONS below (as the
 * shrunk tree it printed), so they run first on every later run.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { Highlighter } from '../../src/content/highlight/highlighter.ts';
import { BUILT_IN_COMPANIES } from '../../src/shared/lexicon.ts';
import { matcherFor } from '../../src/content/highlight/matchers.ts';
import { findMentions } from '../../src/shared/mentions.ts';

const matcher = matcherFor(BUILT_IN_COMPANIES);

type Tree = { text: string } | { tag: string; children: Tree[]; shadow?: Tree[] };

/** Pieces of text: every spelling the rules accept, near misses, and whitespace. */
const WORDS = [
  'TikTok',
  'Tik Tok',
  'tik-tok',
  "TikTok's",
  'ByteDance',
  'byte dance',
  '字节跳动',
  'Oracle',
  'ORACLE',
  'oracle',
  'Oracle of Delphi',
  'TikToker',
  'TheMoonOracle',
  ' ',
  '\n  ',
  'says',
  ',',
  '.',
  '',
];
/** Inline and block elements, a link, and places the highlighter must never enter. */
const TAGS = ['b', 'i', 'em', 'span', 'a', 'p', 'div', 'li', 'code', 'script', 'textarea', 'x-card'];
const EXCLUDED = new Set(['script', 'textarea']);

const textArb: fc.Arbitrary<Tree> = fc
  .array(fc.constantFrom(...WORDS), { maxLength: 6 })
  .map((words) => ({ text: words.join(' ').replace(/ {2,}/g, ' ') }));

const { tree: treeArb } = fc.letrec<{ tree: Tree; node: Tree }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, textArb, tie('tree')),
  tree: fc.record(
    {
      tag: fc.constantFrom(...TAGS),
      // Consecutive text children become adjacent text nodes: the DOM is built node by node, never parsed.
      children: fc.array(tie('node'), { maxLength: 4 }),
      shadow: fc.array(tie('node'), { maxLength: 3 }),
    },
    { requiredKeys: ['tag', 'children'] },
  ),
}));

const bodyArb = fc.array(fc.oneof(textArb, treeArb), { minLength: 1, maxLength: 5 });

/** Cases kept as regressions: two written by hand, then each failure fast-check found (add new ones here). */
const REGRESSIONS: Tree[][] = [
  // Adjacent text nodes that only together spell a mention, around a link with a mention in it.
  [{ text: 'Tik' }, { text: 'Tok ' }, { tag: 'a', children: [{ text: 'TikTok' }, { text: '' }, { text: ' Oracle' }] }],
  // A shadow root whose host sits inside an excluded element, next to one that does not.
  [
    { tag: 'textarea', children: [], shadow: [{ text: 'TikTok' }] },
    { tag: 'x-card', children: [{ text: ' ' }], shadow: [{ tag: 'b', children: [{ text: 'ByteDance' }] }] },
  ],
  // Found by this property (in CI): adjacent text nodes that each hold a whole mention read as one word in the
  // root's textContent ("TikTokTikTok"), and a whole-word pre-test on that text skipped the root.
  [
    {
      tag: 'b',
      children: [
        {
          tag: 'b',
          children: [
            { tag: 'b', children: [{ tag: 'x-card', children: [], shadow: [{ text: 'TikTok' }, { text: 'TikTok' }] }] },
          ],
        },
      ],
    },
    { text: '' },
  ],
  // Found by this property: a shadow root nested in a web component inside an excluded element was highlighted.
  [
    {
      tag: 'textarea',
      children: [
        { tag: 'x-card', children: [], shadow: [{ tag: 'x-card', children: [], shadow: [{ text: 'TikTok' }] }] },
      ],
    },
  ],
];

function build(parent: Node, trees: Tree[], shadows: ShadowRoot[]): void {
  for (const tree of trees) {
    if ('text' in tree) {
      parent.appendChild(document.createTextNode(tree.text));
      continue;
    }
    const element = document.createElement(tree.tag);
    if (tree.tag === 'a') element.setAttribute('href', '#');
    build(element, tree.children, shadows);
    if (tree.shadow && tree.tag === 'x-card') {
      const root = element.attachShadow({ mode: 'open' });
      shadows.push(root);
      build(root, tree.shadow, shadows);
    }
    parent.appendChild(element);
  }
}

/** Every node in document order, shadow roots included (after their host's light children). */
function nodesOf(root: Node, out: Node[] = []): Node[] {
  out.push(root);
  for (let child = root.firstChild; child; child = child.nextSibling) nodesOf(child, out);
  if (root instanceof Element && root.shadowRoot) nodesOf(root.shadowRoot, out);
  return out;
}

const dataOf = (node: Node) => (node instanceof CharacterData ? `#${node.data}` : node.nodeName);

/** Mentions the rules find in text nodes the highlighter may enter. */
function expectedMentions(root: Node, excluded = false): number {
  let count = 0;
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child instanceof Text) count += excluded ? 0 : findMentions(matcher, child.data).length;
    else if (child instanceof Element) {
      const inside = excluded || EXCLUDED.has(child.localName);
      count += expectedMentions(child, inside);
      if (child.shadowRoot) count += expectedMentions(child.shadowRoot, inside);
    }
  }
  return count;
}

let current: Highlighter | null = null;
afterEach(() => {
  current?.stop();
  current = null;
  document.body.replaceChildren();
});

/** Lets the observer callback and the highlighter's sliced work run to the end. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Waits until the highlighter has done what the page's changes so far brought: their records reach it before
 * the next task, and its slices follow, a task each, however many a loaded machine needs.
 */
async function settle(): Promise<void> {
  await nextTask();
  for (let i = 0; i < 10_000 && current && !current.idle; i++) await nextTask();
  expect(current?.idle ?? true).toBe(true);
}

const marksIn = (nodes: Node[]) => nodes.filter((n) => n instanceof Element && n.localName === 'claimlight-mention');

describe('exact undo (property)', () => {
  it('highlight then off: same nodes, same order, same data, for any tree', async () => {
    await fc.assert(
      fc.asyncProperty(bodyArb, async (trees) => {
        const shadows = buildBody(trees);
        const before = nodesOf(document.body);
        const beforeData = before.map(dataOf);
        const text = document.body.textContent;

        const highlighter = await highlightBody(shadows);
        // Every mention in an allowed place is wrapped, and the page's text reads the same.
        expect(marksIn(nodesOf(document.body)).length).toBe(expectedMentions(document.body));
        expect(document.body.textContent).toBe(text);

        highlighter.stop();
        const after = nodesOf(document.body);
        expect(after.length).toBe(before.length);
        after.forEach((node, i) => expect(node).toBe(before[i]));
        expect(after.map(dataOf)).toEqual(beforeData);
      }),
      { numRuns: 150, examples: REGRESSIONS.map((r) => [r]) },
    );
  }, 60_000);

  it('while highlighted, the page edits its own nodes; off leaves exactly what the page made', async () => {
    const editArb = fc.array(
      fc.record({
        kind: fc.constantFrom('rewrite', 'remove', 'move'),
        target: fc.nat(),
        where: fc.nat(),
        text: fc.constantFrom(...WORDS),
        // Several edits in one task, before the highlighter's observer runs, as a framework's render does.
        sameTask: fc.boolean(),
      }),
      { minLength: 1, maxLength: 5 },
    );
    await fc.assert(
      fc.asyncProperty(bodyArb, editArb, async (trees, edits) => {
        // The model: the same tree and the same edits, without Claimlight.
        const model = document.createElement('div');
        build(model, trees, []);
        const modelNodes = lightNodes(model);
        const shadows = buildBody(trees);
        const pageNodes = lightNodes(document.body);

        const highlighter = await highlightBody(shadows);
        let inPageAtTaskStart = new Set(lightNodes(document.body));
        for (const edit of edits) {
          fc.pre(!isUnreportedWrite(edit, pageNodes, inPageAtTaskStart));
          applyEdit(edit, pageNodes, document.body);
          applyEdit(edit, modelNodes, model);
          if (!edit.sameTask) {
            await settle();
            inPageAtTaskStart = new Set(lightNodes(document.body));
          }
        }
        await settle();
        // What the page reads while highlighted is what the model reads.
        expect(document.body.textContent).toBe(model.textContent);
        // Quiescence: once the page stops changing, every allowed mention is highlighted again,
        // including in places left alone for a while, and the text is still the page's.
        await quiesce(highlighter);
        expect(document.body.textContent).toBe(model.textContent);
        expect(marksIn(nodesOf(document.body)).length).toBe(expectedMentions(document.body));
        highlighter.stop();
        const after = lightNodes(document.body);
        const afterModel = lightNodes(model);
        expect(after.map((n) => pageNodes.indexOf(n))).toEqual(afterModel.map((n) => modelNodes.indexOf(n)));
        expect(after.map(dataOf)).toEqual(afterModel.map(dataOf));
      }),
      { numRuns: 150, examples: EDIT_REGRESSIONS },
    );
  }, 120_000);
});

/**
 * Edit sequences kept as regressions. The first was found by the Preact app in
 * tests/e2e/frameworks.spec.ts: a page that moves a highlighted node and then
 * rewrites its text in the same task; undo used to put back the old text.
 */
const EDIT_REGRESSIONS: [Tree[], Edit[]][] = [
  [
    [
      { tag: 'p', children: [{ text: 'TikTok' }] },
      { tag: 'p', children: [] },
    ],
    [
      { kind: 'move', target: 1, where: 0, text: '', sameTask: true },
      { kind: 'rewrite', target: 1, where: 0, text: 'Oracle' },
    ],
  ],
  // Found by this property: the page moved its node and wrote the very text the split had left in it.
  [
    [{ text: 'TikTok' }],
    [
      { kind: 'move', target: 0, where: 0, text: '', sameTask: true },
      { kind: 'rewrite', target: 0, where: 0, text: '' },
    ],
  ],
  // Found by this property: removed and rewritten in one task, put back, then a sibling rewritten.
  [
    [{ text: 'TikTok' }, { text: '' }],
    [
      { kind: 'remove', target: 0, where: 0, text: '', sameTask: true },
      { kind: 'rewrite', target: 0, where: 0, text: 'Oracle' },
      { kind: 'move', target: 0, where: 0, text: '' },
      { kind: 'rewrite', target: 1, where: 0, text: 'TikTok' },
    ],
  ],
  // Found by this property: an element removed, a highlighted node in it rewritten and its parent moved out, in one task.
  [
    [{ tag: 'b', children: [{ tag: 'b', children: [{ text: '' }, { tag: 'b', children: [{ text: 'TikTok' }] }] }] }],
    [
      { kind: 'remove', target: 0, where: 0, text: '', sameTask: true },
      { kind: 'rewrite', target: 4, where: 0, text: 'TikTok', sameTask: true },
      { kind: 'move', target: 1, where: 0, text: '' },
      { kind: 'rewrite', target: 0, where: 0, text: 'TikTok' },
    ],
  ],
  // Found by the quiescence step: a highlighted shadow root moved into an excluded place stayed highlighted.
  [
    [
      { tag: 'b', children: [{ tag: 'b', children: [{ tag: 'x-card', children: [], shadow: [{ text: 'TikTok' }] }] }] },
      { tag: 'script', children: [{ text: '' }] },
      { text: '' },
    ],
    [{ kind: 'move', target: 0, where: 591569374, text: 'TikTok' }],
  ],
  // Found by the quiescence step: a shadow root moved out of an excluded place was never highlighted.
  [
    [
      {
        tag: 'textarea',
        children: [{ tag: 'b', children: [{ tag: 'x-card', children: [], shadow: [{ text: 'TikTok' }] }] }],
      },
    ],
    [{ kind: 'move', target: 585076897, where: 0, text: 'TikTok' }],
  ],
  // Found by this property: the page removed an element, then moved its highlighted text node out of it.
  [
    [{ tag: 'b', children: [{ text: 'TikTok' }] }],
    [
      { kind: 'remove', target: 0, where: 0, text: '', sameTask: true },
      { kind: 'move', target: 1, where: 0, text: '' },
    ],
  ],
  // Found by this property (in CI): an element taken out, its child element taken out of it in the same task,
  // then the highlighted text node moved from that child back into the page.
  [
    [{ text: '' }, { text: '' }, { tag: 'b', children: [{ tag: 'b', children: [{ text: '' }, { text: 'TikTok' }] }] }],
    [
      { kind: 'remove', target: 2, where: 0, text: 'TikTok', sameTask: true },
      { kind: 'remove', target: 3, where: 0, text: 'TikTok' },
      { kind: 'move', target: 5, where: 0, text: 'TikTok' },
    ],
  ],
];

function buildBody(trees: Tree[]): ShadowRoot[] {
  // One highlighter per document, as in a page: the previous run's must not see this run's tree.
  current?.stop();
  current = null;
  document.body.replaceChildren();
  const shadows: ShadowRoot[] = [];
  build(document.body, trees, shadows);
  return shadows;
}

/** The nodes under `root` outside shadow roots, `root` excluded. */
function lightNodes(root: Node): Node[] {
  const out: Node[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

/** Retries after give-ups come fast here (the real waits are seconds): the property is about the end state. */
const FAST_RETRY = { elementQuietMs: 5, pageQuietMs: 10, maxQuietMs: 40 };

/** Waits until no place is left alone any more and the work it brought is done. */
async function quiesce(highlighter: Highlighter): Promise<void> {
  for (let i = 0; i < 100 && highlighter.waitingToRetry; i++) await new Promise((r) => setTimeout(r, 10));
  expect(highlighter.waitingToRetry).toBe(false);
  await settle();
}

/** Highlights the tree in the body and the given shadow roots, resolving after the first full pass. */
async function highlightBody(shadows: ShadowRoot[]): Promise<Highlighter> {
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const highlighter = new Highlighter(
    document,
    {
      changed: () => undefined,
      pageChanged: () => undefined,
      initialPassDone: () => done(),
    },
    FAST_RETRY,
  );
  current = highlighter;
  highlighter.observe(document);
  for (const shadow of shadows) highlighter.observe(shadow);
  highlighter.start(matcher);
  await finished;
  return highlighter;
}

/**
 * A write that leaves a node's text as it was, to a node the page took out of
 * the document in the same task. Browsers report it: the observer follows a
 * removed node until the task ends (DOM standard, "transient registered
 * observers"), and tests/e2e/dynamic.spec.ts checks that Claimlight then keeps
 * what the page wrote. happy-dom makes no record for it, and without the
 * record such a write leaves no trace at all, so these cases are not
 * generated here.
 */
function isUnreportedWrite(edit: Edit, nodes: Node[], inPageAtTaskStart: Set<Node>): boolean {
  const target = nodes[edit.target % nodes.length];
  return (
    edit.kind === 'rewrite' &&
    target instanceof Text &&
    target.data === edit.text &&
    inPageAtTaskStart.has(target) &&
    !document.body.contains(target)
  );
}

type Edit = { kind: 'rewrite' | 'remove' | 'move'; target: number; where: number; text: string; sameTask?: boolean };

/** One page edit by reference, as frameworks make them: nodeValue in place, removeChild, insertBefore. */
function applyEdit(edit: Edit, nodes: Node[], root: Node): void {
  const target = nodes[edit.target % nodes.length];
  if (!target) return;
  if (edit.kind === 'rewrite') {
    if (target instanceof Text) target.nodeValue = edit.text;
    return;
  }
  if (edit.kind === 'remove') {
    target.parentNode?.removeChild(target);
    return;
  }
  // Move: before another node that is not inside the moved one, or at the end of the root.
  const candidates = nodes.filter((n) => n !== target && !target.contains(n) && n.parentNode && root.contains(n));
  const before = candidates[edit.where % Math.max(1, candidates.length)];
  if (before?.parentNode) before.parentNode.insertBefore(target, before);
  else root.appendChild(target);
}
