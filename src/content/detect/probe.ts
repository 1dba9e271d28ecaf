/**
 * Decides whether a document may mention a company with as few native reads
 * of its text as the page's size allows. One rule for every subtree: if it
 * holds at most READ_AT_ONCE_ELEMENTS elements (a native count), its text is
 * read with one textContent and tested; otherwise its children are visited
 * the same way. Most pages are one count and one read. A huge page is read
 * in pieces that each fit a slice, yielding between slices, so it never holds
 * the main thread for long; code under the split points is skipped.
 */
import { MAY_MENTION, subtreeMayMention } from './pretest.ts';
import { deadlineIn } from '../dom/scheduler.ts';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg']);

/**
 * Subtrees up to this many elements are read with one native textContent.
 * Measured in Chromium on this project's benchmark machine: one read of a
 * 70,000-text-node page takes about 7 ms, so a piece this size fits a slice.
 */
export const READ_AT_ONCE_ELEMENTS = 40_000;

export interface ProbeResult {
  found: boolean;
}

export function probeForMention(
  root: Element,
  budgetMs: number,
  onResult: (result: ProbeResult) => void,
  readAtOnce = READ_AT_ONCE_ELEMENTS,
): void {
  const finish = (found: boolean) => {
    onResult({ found });
  };
  // The common case, without allocating anything: the whole page in one read.
  if (root.getElementsByTagName('*').length <= readAtOnce) {
    finish(subtreeMayMention(root));
    return;
  }
  const stack: Node[] = [...root.childNodes].reverse();
  const channel = new MessageChannel();
  const slice = () => {
    const deadline = deadlineIn(budgetMs);
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (node instanceof Text) {
        if (MAY_MENTION.test(node.data)) return done(true);
      } else if (node instanceof Element && !SKIP.has(node.nodeName)) {
        if (node.getElementsByTagName('*').length <= readAtOnce) {
          if (subtreeMayMention(node)) return done(true);
        } else for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
      }
      if (deadline.expired()) {
        channel.port2.postMessage(null);
        return;
      }
    }
    done(false);
  };
  const done = (found: boolean) => {
    channel.port1.onmessage = null;
    finish(found);
  };
  channel.port1.onmessage = slice;
  slice();
}
