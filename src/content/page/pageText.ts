/**
 * The page's readable text in blocks (a paragraph, an item, a heading, a
 * cell), read in slices, with where each block's characters live so that a
 * sentence found in a block's text becomes a Range in the page.
 */
import { MAX_BLOCK_CHARS, MAX_BLOCKS } from '../../shared/pageClaims.ts';
import { UNREAD_SELECTOR } from '../constants.ts';

/** Elements that start a new block of text; inline elements (a, b, span, a highlight) do not. */
const BLOCK_TAGS = new Set(
  'p li h1 h2 h3 h4 h5 h6 blockquote td th dd dt figcaption caption pre article section main div aside header footer nav body tr ul ol table form figure address details summary'.split(
    ' ',
  ),
);
/** Up to this many elements, the excluded places are found with one query (a few milliseconds at most). */
const ONE_QUERY_ELEMENTS = 40_000;
const LINE_BREAKS = /[\n\r\t\f\v]/g;
/** Slice length before yielding to the page. */
const SLICE_MS = 6;

export interface Block {
  text: string;
  /** The text nodes the block is made of, and where each starts in `text`. */
  nodes: Text[];
  starts: number[];
}

type Owner = Element | 'excluded' | 'none';

/**
 * The block a text node's parent belongs to: its nearest block-level
 * ancestor, 'excluded' inside a place never read (scripts, editors,
 * Claimlight's own UI), 'none' outside any block. Resolved top-down from the
 * nearest ancestor already known, without recursion (pages can nest deeply).
 */
function ownerOf(element: Element, memo: Map<Element, Owner>, excluded: ReadonlySet<Element> | null): Owner {
  const chain: Element[] = [];
  let above: Owner = 'none';
  for (let current: Element | null = element; current; current = current.parentElement) {
    const known = memo.get(current);
    if (known !== undefined) {
      above = known;
      break;
    }
    chain.push(current);
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const el = chain[i] as Element;
    if (above !== 'excluded') {
      const isExcluded = excluded ? excluded.has(el) : el.matches(UNREAD_SELECTOR);
      above = isExcluded ? 'excluded' : BLOCK_TAGS.has(el.localName) ? el : above;
    }
    memo.set(el, above);
  }
  return above;
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Reads `root`'s text into blocks, yielding every few milliseconds; stops after about `maxChars` of text.
 * `cost.ms` grows by the main-thread time the read takes (its slices, not the pauses between them).
 */
export async function readBlocks(root: Element, maxChars = Infinity, cost = { ms: 0 }): Promise<Block[]> {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const memo = new Map<Element, Owner>();
  // One native query for the places never read, rather than a selector match per element; on a huge page that
  // query alone would hold the main thread too long, so each element is matched as the sliced walk meets it.
  const small = root.getElementsByTagName('*').length <= ONE_QUERY_ELEMENTS;
  const excluded = small ? new Set(root.querySelectorAll(UNREAD_SELECTOR)) : null;
  for (let up = root.parentElement; up; up = up.parentElement) if (up.matches(UNREAD_SELECTOR)) return [];
  const blocks: Block[] = [];
  /** The block being read: its text is gathered in parts and joined once, at the end. */
  let current: { owner: Element; block: Block; parts: string[]; length: number } | null = null;
  let sliceStart = performance.now();
  let end = sliceStart + SLICE_MS;
  let count = 0;
  let read = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if ((++count & 127) === 0 && performance.now() > end) {
      cost.ms += performance.now() - sliceStart;
      await yieldToPage();
      sliceStart = performance.now();
      end = sliceStart + SLICE_MS;
      // The page may have removed where the walk stood; what is left of the page is read from the start.
      if (!node.isConnected) return readBlocks(root, maxChars, cost);
    }
    const parent = node.parentElement;
    // Most text nodes' parents are known already: looked up here, without a call.
    const owner = parent ? (memo.get(parent) ?? ownerOf(parent, memo, excluded)) : 'none';
    if (typeof owner === 'string') continue;
    // Read once: each read of a node's text from the content script's world copies it.
    const data = node.data;
    if (data.length === 0) continue;
    if (!current || current.owner !== owner) {
      if (current) finish(current);
      if (blocks.length >= MAX_BLOCKS) break;
      current = { owner, block: { text: '', nodes: [], starts: [] }, parts: [], length: 0 };
      blocks.push(current.block);
    }
    if (current.length >= MAX_BLOCK_CHARS) continue;
    const part =
      data.length > MAX_BLOCK_CHARS - current.length ? data.slice(0, MAX_BLOCK_CHARS - current.length) : data;
    current.block.nodes.push(node);
    current.block.starts.push(current.length);
    current.parts.push(part);
    current.length += part.length;
    read += part.length;
    if (read >= maxChars) break;
  }
  if (current) finish(current);
  cost.ms += performance.now() - sliceStart;
  return blocks;
}

function finish({ block, parts }: { block: Block; parts: string[] }): void {
  // Line breaks in the page's source are spaces on screen (and the sentence splitter ends a sentence at
  // every line break): each becomes a space, one for one, so offsets still point into the nodes.
  block.text = parts.join('').replace(LINE_BREAKS, ' ');
}

/** Fewer letters than this cannot state a claim (a menu item, a button, a date): not worth sending. */
const MIN_LETTERS = 24;
/** MIN_LETTERS letters, anything between them: one native scan (the two parts never overlap, so no backtracking). */
const ENOUGH_LETTERS = new RegExp(`^(?:\\P{L}*\\p{L}){${String(MIN_LETTERS)}}`, 'u');

/** Whether a block has enough words to be matched at all. */
export function worthMatching(block: Block): boolean {
  return block.text.length >= MIN_LETTERS && ENOUGH_LETTERS.test(block.text);
}

/** The page Range of characters [start, end) of a block, or null if its nodes no longer hold them. */
export function rangeOf(doc: Document, block: Block, start: number, end: number): Range | null {
  const at = (offset: number, isEnd: boolean): [Text, number] | null => {
    let i = block.starts.length - 1;
    // The node holding the offset (an end offset on a node boundary belongs to the node before).
    while (i > 0 && ((block.starts[i] ?? 0) > offset || (isEnd && (block.starts[i] ?? 0) === offset))) i--;
    const node = block.nodes[i];
    const local = offset - (block.starts[i] ?? 0);
    return node && node.isConnected && local <= node.length ? [node, local] : null;
  };
  const from = at(start, false);
  const to = at(end, true);
  if (!from || !to) return null;
  const range = doc.createRange();
  try {
    range.setStart(from[0], from[1]);
    range.setEnd(to[0], to[1]);
  } catch {
    return null;
  }
  return range.collapsed ? null : range;
}

/**
 * The text of the block (paragraph, item, cell...) that holds `node`, at most `max` characters of it,
 * centred on `node` when the block is longer: what the card ranks a company's claims by.
 */
export function textAround(node: Node, max: number): string {
  let block: Element | null = node instanceof Element ? node : node.parentElement;
  while (block && !BLOCK_TAGS.has(block.localName)) block = block.parentElement;
  if (!block) return '';
  const text = block.textContent.replace(LINE_BREAKS, ' ');
  if (text.length <= max) return text;
  // Where the node starts in the block's text: the text of everything before it.
  const before = node.ownerDocument?.createRange();
  if (!before) return text.slice(0, max);
  before.setStart(block, 0);
  before.setEndBefore(node);
  const at = before.toString().length;
  const from = Math.max(0, Math.min(at - Math.floor(max / 2), text.length - max));
  return text.slice(from, from + max);
}
