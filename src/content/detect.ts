import { COMPANIES } from '../shared/lexicon.ts';
import { preTestSource } from '../shared/mentions.ts';

/**
 * The cheap tests that let most pages stop early, generated from the mention
 * rules in seeds/companies.json (see `preTestSource`); the exact rules run
 * only where they match.
 * - MAY_MENTION, for one text node (what the rules match): whole words, each
 *   rule's cases, "Oracle of" excluded, so "TheMoonOracle" or "tiktoker" is
 *   no candidate.
 * - MAY_CONTAIN, for text read across nodes (`textContent`), which glues
 *   neighbouring nodes together: spellings and cases only.
 */
export const MAY_MENTION = new RegExp(preTestSource(COMPANIES));
export const MAY_CONTAIN = new RegExp(preTestSource(COMPANIES, false), 'g');

/** At most this many distinct candidate words are looked up in the DOM before a subtree counts as a candidate. */
const MAX_CANDIDATE_WORDS = 8;

/** Whether text read across nodes (a `textContent`) may hold a mention in one of its nodes. */
export function mayMention(text: string | null): boolean {
  if (text === null) return false;
  MAY_CONTAIN.lastIndex = 0;
  return MAY_CONTAIN.test(text);
}

/**
 * Whether some text node under `root` may mention a company, from one read of
 * its text: glued text that passes the whole-word test is a candidate; text
 * whose only candidates are inside words ("TheMoonOracle") is settled by
 * asking the DOM for the few text nodes that contain those words (one native
 * XPath query each) and testing each node on its own.
 */
export function subtreeMayMention(root: Node, text = root.textContent): boolean {
  if (!mayMention(text) || text === null) return false;
  if (MAY_MENTION.test(text)) return true;
  MAY_CONTAIN.lastIndex = 0;
  const words = new Set<string>();
  for (const match of text.matchAll(MAY_CONTAIN)) {
    words.add(match[0]);
    if (words.size > MAX_CANDIDATE_WORDS) return true;
  }
  return [...words].some((word) => someTextNodeMentions(root, word));
}

function someTextNodeMentions(root: Node, word: string): boolean {
  const doc = root.ownerDocument ?? (root as Document);
  try {
    // The words are letters, spaces and hyphens (from the rules), so a double-quoted literal holds them.
    const found = doc.evaluate(
      `.//text()[contains(., "${word}")]`,
      root,
      null,
      XPathResult.ORDERED_NODE_SNAPSHOT_TYPE,
      null,
    );
    for (let i = 0; i < found.snapshotLength; i++)
      if (MAY_MENTION.test(found.snapshotItem(i)?.nodeValue ?? '')) return true;
    return false;
  } catch {
    // No XPath here (or the page broke it): every text node, one by one.
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (MAY_MENTION.test((node as Text).data)) return true;
    return false;
  }
}

/** Whether a DOM change brought text that may mention a company (used while nothing is highlighted). */
export function mayHoldMention(record: MutationRecord): boolean {
  if (record.type === 'characterData') return MAY_MENTION.test(record.target.nodeValue ?? '');
  for (const node of record.addedNodes) {
    if (node instanceof Text ? MAY_MENTION.test(node.data) : subtreeMayMention(node)) return true;
    // A web component added with its shadow root already attached.
    if (node instanceof Element && node.shadowRoot && subtreeMayMention(node.shadowRoot)) return true;
  }
  return false;
}
