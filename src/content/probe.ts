/**
 * Decides whether a document may mention a company, reading its text in
 * pieces: the first levels of the tree are walked, below them each subtree is
 * read with one native textContent. Code (script, style, template) is skipped,
 * and the work yields whenever a slice has used its budget, so even a huge
 * page never holds the main thread for long.
 */
import { MAY_MENTION } from './detect.ts';
import { deadlineIn } from './scheduler.ts';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg']);
/** Levels below <body> that are walked before whole subtrees are read at once. */
const WALK_DEPTH = 3;

export interface ProbeResult {
  found: boolean;
  /** Whether a custom element (a possible shadow host) was seen on the way. */
  sawCustomElement: boolean;
}

/** Pages up to this many elements are read with one native textContent; bigger ones in slices. */
const ONE_READ_ELEMENTS = 20_000;

export function probeForMention(root: Element, budgetMs: number, onResult: (result: ProbeResult) => void): void {
  // Counting elements is a native query; on most pages one read of all the text is the cheapest test.
  if (root.getElementsByTagName('*').length <= ONE_READ_ELEMENTS) {
    onResult({ found: MAY_MENTION.test(root.textContent), sawCustomElement: hasCustomElementNear(root) });
    return;
  }
  let sawCustomElement = false;
  const stack: { node: Node; depth: number }[] = [{ node: root, depth: 0 }];
  const channel = new MessageChannel();
  const slice = () => {
    const deadline = deadlineIn(budgetMs);
    for (let item = stack.pop(); item; item = stack.pop()) {
      const { node, depth } = item;
      if (node instanceof Text) {
        if (MAY_MENTION.test(node.data)) return finish(true);
      } else if (node instanceof Element && !SKIP.has(node.nodeName)) {
        if (node.localName.includes('-')) sawCustomElement = true;
        if (depth < WALK_DEPTH && node.childElementCount > 0) {
          const children = node.childNodes;
          for (let i = children.length - 1; i >= 0; i--) {
            const child = children[i];
            if (child) stack.push({ node: child, depth: depth + 1 });
          }
        } else if (MAY_MENTION.test(node.textContent)) return finish(true);
      }
      if (deadline.expired()) {
        channel.port2.postMessage(null);
        return;
      }
    }
    finish(false);
  };
  const finish = (found: boolean) => {
    channel.port1.onmessage = null;
    onResult({ found, sawCustomElement });
  };
  channel.port1.onmessage = slice;
  slice();
}

/** Levels below <body> searched for a custom element, where web-component apps put their root. */
const CUSTOM_ELEMENT_DEPTH = 2;

/** Whether a custom element sits in the first levels under `root`. */
function hasCustomElementNear(root: Element, depth = 0): boolean {
  for (let child = root.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName.includes('-')) return true;
    if (depth + 1 < CUSTOM_ELEMENT_DEPTH && hasCustomElementNear(child, depth + 1)) return true;
  }
  return false;
}
