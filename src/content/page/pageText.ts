/**
 * The page's readable text in blocks (a paragraph, an item, a heading, a
 * cell), read in slices, with where each block's characters live so that a
 * sentence found in a block's text becomes a Range in the page.
 */
import { MAX_BLOCK_CHARS, MAX_BLOCKS } from '../../shared/pageClaims.ts';
import { isNeverRead, neverReadUnder } from '../dom/excluded.ts';
import { runSliced, type Deadline } from '../dom/scheduler.ts';

/** Elements that start a new block of text; inline elements (a, b, span, a highlight) do not. */
const BLOCK_TAGS = new Set(
  'p li h1 h2 h3 h4 h5 h6 blockquote td th dd dt figcaption caption pre article section main div aside header footer nav body tr ul ol table form figure address details summary'.split(
    ' ',
  ),
);
const LINE_BREAKS = /[\n\r\t\f\v]/g;
/** Slice length before yielding to the page. */
const SLICE_MS = 6;
/** Text nodes read between two looks at the clock. */
const NODES_PER_CLOCK_CHECK = 128;

export interface Block {
  text: string;
  /** The text nodes the block is made of, and where each starts in `text`. */
  nodes: Text[];
  starts: number[];
}

type Owner = Element | 'excluded' | 'none';

/** A block being read: its text is gathered in parts and joined once, at the end. */
interface OpenBlock {
  owner: Element;
  block: Block;
  parts: string[];
  length: number;
}

/**
 * Gathers text nodes, in the order given, into blocks: the text of one block-level element, uninterrupted
 * by another's, is one block; nodes in a place never read are left out. Fed by a walk of its own (`readBlocks`)
 * or by another walk that reads every text node anyway.
 */
export class BlockReader {
  private readonly owners = new Map<Element, Owner>();
  private readonly blocks: Block[] = [];
  /** The element each block is the text of, index for index. */
  private readonly blockOwners: Element[] = [];
  private last: OpenBlock | null = null;
  private read = 0;
  /** Where the nodes that come before everything read so far begin (see `split`), if they do. */
  private splitAt: number | null = null;
  /** Set when the walk feeding the reader had to start over: what was read may hold a node twice. */
  spoiled = false;

  /** `neverRead`: whether an element is itself a place never read (see dom/excluded.ts). */
  constructor(
    private readonly neverRead: (element: Element) => boolean,
    private readonly maxChars = Infinity,
  ) {}

  /** Whether the reader has taken all the text it will (MAX_BLOCKS blocks or `maxChars` characters). */
  get full(): boolean {
    return this.read >= this.maxChars || this.blocks.length > MAX_BLOCKS;
  }

  /** Adds a text node whose text (read once by the caller) is `data`. */
  add(node: Text, data: string): void {
    if (data.length === 0 || this.full || this.spoiled) return;
    const parent = node.parentElement;
    // Most text nodes' parents are known already: looked up here, without a call.
    const owner = parent ? (this.owners.get(parent) ?? this.ownerOf(parent)) : 'none';
    if (typeof owner === 'string') return;
    // Text of one block element, uninterrupted by another block, is one block of text.
    let current = this.last;
    if (current?.owner !== owner) {
      if (current) finish(current);
      current = { owner, block: { text: '', nodes: [], starts: [] }, parts: [], length: 0 };
      this.last = current;
      this.blocks.push(current.block);
      this.blockOwners.push(owner);
    }
    if (current.length >= MAX_BLOCK_CHARS) return;
    const part =
      data.length > MAX_BLOCK_CHARS - current.length ? data.slice(0, MAX_BLOCK_CHARS - current.length) : data;
    current.block.nodes.push(node);
    current.block.starts.push(current.length);
    current.parts.push(part);
    current.length += part.length;
    this.read += part.length;
  }

  spoil(): void {
    this.spoiled = true;
  }

  /**
   * The nodes that come next lie before everything read so far, up to where it began (a walk that read
   * from the top of the viewport to the end goes on from the start of the page).
   */
  split(): void {
    if (this.last) finish(this.last);
    this.last = null;
    this.splitAt = this.blocks.length;
  }

  /** The blocks read, in page order, at most MAX_BLOCKS. */
  finish(): Block[] {
    if (this.last) finish(this.last);
    this.last = null;
    const at = this.splitAt;
    if (at === null || at === 0 || at === this.blocks.length) return this.blocks.slice(0, MAX_BLOCKS);
    const before = this.blocks.slice(at);
    const after = this.blocks.slice(0, at);
    // One block cut in two where the reading began: its start (read last) and its rest (read first) join.
    const end = before[before.length - 1];
    const start = after[0];
    if (end && start && this.blockOwners[this.blocks.length - 1] === this.blockOwners[0]) {
      before[before.length - 1] = joined(end, start);
      after.shift();
    }
    return [...before, ...after].slice(0, MAX_BLOCKS);
  }

  /**
   * The block a text node's parent belongs to: its nearest block-level ancestor, 'excluded' inside a place
   * never read (scripts, editors, Claimlight's own UI), 'none' outside any block. Resolved top-down from
   * the nearest ancestor already known, without recursion (pages can nest deeply).
   */
  private ownerOf(element: Element): Owner {
    const chain: Element[] = [];
    let above: Owner = 'none';
    for (let current: Element | null = element; current; current = current.parentElement) {
      const known = this.owners.get(current);
      if (known !== undefined) {
        above = known;
        break;
      }
      chain.push(current);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const el = chain[i] as Element;
      if (above !== 'excluded') above = this.neverRead(el) ? 'excluded' : BLOCK_TAGS.has(el.localName) ? el : above;
      this.owners.set(el, above);
    }
    return above;
  }
}

/**
 * Reads `root`'s text into blocks, in slices; stops after about `maxChars` of text. `cost.ms` grows by the
 * main-thread time the read takes (its slices, not the pauses between them).
 */
export async function readBlocks(root: Element, maxChars = Infinity, cost = { ms: 0 }): Promise<Block[]> {
  for (let up = root.parentElement; up; up = up.parentElement) if (isNeverRead(up)) return [];
  const start = () => ({
    walker: root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT),
    reader: new BlockReader(neverReadUnder(root), maxChars),
  });
  let read = start();
  const slice = (deadline: Deadline): boolean => {
    const began = performance.now();
    try {
      // The page may have removed where the walk stood: what is left of the page is read from the start.
      const { currentNode } = read.walker;
      if (currentNode !== root && !currentNode.isConnected) read = start();
      const { walker, reader } = read;
      let count = 0;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        // Read once: each read of a node's text from the content script's world copies it.
        reader.add(node, node.data);
        if (reader.full) return false;
        if (++count % NODES_PER_CLOCK_CHECK === 0 && deadline.expired()) return true;
      }
      return false;
    } finally {
      cost.ms += performance.now() - began;
    }
  };
  await runSliced(slice, SLICE_MS);
  return read.reader.finish();
}

/** Block `first` followed by block `second`, as one. */
function joined(first: Block, second: Block): Block {
  const offset = first.text.length;
  return {
    text: first.text + second.text,
    nodes: [...first.nodes, ...second.nodes],
    starts: [...first.starts, ...second.starts.map((start) => start + offset)],
  };
}

/**
 * The block with each of its nodes replaced by the nodes that hold its text now (`nodesOf`: wrapping a
 * mention splits a text node in several). A node whose pieces no longer add up to what was read is kept as
 * it is: its sentences will not resolve, and are not marked.
 */
export function withCurrentNodes(block: Block, nodesOf: (node: Text) => readonly Text[]): Block {
  const nodes: Text[] = [];
  const starts: number[] = [];
  block.nodes.forEach((node, i) => {
    const start = block.starts[i] ?? 0;
    const read = (block.starts[i + 1] ?? block.text.length) - start;
    const pieces = nodesOf(node);
    // Pieces shorter than what was read: the page changed the node since (a part cut at MAX_BLOCK_CHARS
    // can be shorter than its pieces).
    const length = pieces.reduce((sum, piece) => sum + piece.length, 0);
    if (pieces.length < 2 || length < read) {
      nodes.push(node);
      starts.push(start);
      return;
    }
    let at = start;
    for (const piece of pieces) {
      nodes.push(piece);
      starts.push(at);
      at += piece.length;
    }
  });
  return { text: block.text, nodes, starts };
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
