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
import { NEVER_READ_SELECTOR } from '../dom/excluded.ts';
import { SliceScheduler } from '../dom/scheduler.ts';

/**
 * Subtrees up to this many elements are read with one native textContent.
 * Measured in Chromium on this project's benchmark machine: one read of a
 * 70,000-text-node page takes about 7 ms, so a piece this size fits a slice.
 */
export const READ_AT_ONCE_ELEMENTS = 40_000;

export interface ProbeResult {
  found: boolean;
  /** The page's text when it was read in one piece, so another company's pre-test can run without reading it again. */
  text?: string;
}

export function probeForMention(
  root: Element,
  budgetMs: number,
  onResult: (result: ProbeResult) => void,
  readAtOnce = READ_AT_ONCE_ELEMENTS,
): void {
  // The common case, without allocating anything: the whole page in one read.
  if (root.getElementsByTagName('*').length <= readAtOnce) {
    const text = root.textContent;
    onResult({ found: subtreeMayMention(root, text), text });
    return;
  }
  const stack: Node[] = [...root.childNodes].reverse();
  let found = false;
  const slice = (deadline: { expired(): boolean }): boolean => {
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (node instanceof Text) found = MAY_MENTION.test(node.data);
      // Places never read (scripts, editors, graphics) are skipped whole: the highlighter never enters them.
      else if (node instanceof Element && !node.matches(NEVER_READ_SELECTOR)) {
        if (node.getElementsByTagName('*').length <= readAtOnce) found = subtreeMayMention(node);
        else for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
      }
      if (found) break;
      if (deadline.expired()) return true;
    }
    onResult({ found });
    return false;
  };
  new SliceScheduler(slice, budgetMs).runNow();
}
