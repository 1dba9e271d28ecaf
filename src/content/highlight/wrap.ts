/**
 * Wraps mentions, already found by the exact rules, with mark.js and records
 * what changed.
 *
 * mark.js works on a detached copy: the text of each page node from its
 * first mention on goes into one detached container, mark.js wraps the
 * precomputed ranges there (`markRanges`: no second search, no walk of
 * anything else), and the result goes back into the page with one insertion
 * per node. Why not in place: every change to the live page costs the
 * browser (Firefox builds layout frames for each new node; mark.js makes
 * four live changes per mention), and mark.js walks each context with a
 * NodeIterator, which Chromium keeps registered with the document, visiting
 * each one on every node removal: with page nodes as contexts, 2,000
 * highlights meant 2,000 live iterators visited 2,000 times. Detached, the
 * page sees two changes per node (its text shortened, the new nodes
 * inserted after it), and mark.js makes one iterator per batch.
 */
import Mark from 'mark.js';
import type { EntityId } from '../../shared/entities.ts';
import type { Mention } from '../../shared/mentions.ts';
import { ENTITY_ATTRIBUTE, MENTION_TAG } from '../constants.ts';
import type { HighlightEntry } from './registry.ts';

export interface TextMentions {
  node: Text;
  /** In order, not overlapping, as the rules found them in `node.data`. */
  mentions: readonly Mention[];
}

interface MarkRange {
  start: number;
  length: number;
  entity: EntityId;
}

function isMark(node: Node): node is HTMLElement {
  return node instanceof Element && node.localName === MENTION_TAG;
}

/**
 * Wraps the mentions of each item (distinct, connected text nodes) and returns
 * one record per node. The page's node keeps the text before its first
 * mention; the highlights and the text between and after them are inserted
 * right after it.
 */
export function wrapMentions(doc: Document, items: readonly TextMentions[]): HighlightEntry[] {
  const workbench = doc.createElement('div');
  const pieces: Text[] = [];
  const ranges: MarkRange[] = [];
  let offset = 0;
  for (const { node, mentions } of items) {
    const first = mentions[0]?.start ?? 0;
    const piece = doc.createTextNode(node.data.slice(first));
    for (const mention of mentions)
      ranges.push({
        start: offset + mention.start - first,
        length: mention.end - mention.start,
        entity: mention.entity,
      });
    offset += piece.length;
    workbench.appendChild(piece);
    pieces.push(piece);
  }
  if (pieces.length === 0) return [];
  new Mark(workbench).markRanges(ranges, {
    element: MENTION_TAG,
    className: '',
    exclude: [],
    each(element: Element, range: MarkRange) {
      element.setAttribute(ENTITY_ATTRIBUTE, range.entity);
    },
  });
  // Each piece, split by mark.js, is followed by its highlights and text up to the next piece.
  const entries: HighlightEntry[] = [];
  items.forEach(({ node, mentions }, i) => {
    const piece = pieces[i];
    const next = pieces[i + 1] ?? null;
    if (!piece) return;
    const created: Node[] = [];
    // mark.js leaves the piece empty when it splits at a mention's start; the empty node is not needed.
    if (piece.length > 0) created.push(piece);
    for (let sibling = piece.nextSibling; sibling && sibling !== next; sibling = sibling.nextSibling)
      created.push(sibling);
    const marks = created.filter(isMark);
    if (marks.length === 0) return;
    const fullText = node.data;
    const keptText = fullText.slice(0, mentions[0]?.start ?? 0);
    const inserted = doc.createDocumentFragment();
    inserted.append(...created);
    node.data = keptText;
    node.parentNode?.insertBefore(inserted, node.nextSibling);
    const entities = marks.map((mark) => mark.getAttribute(ENTITY_ATTRIBUTE) as EntityId);
    entries.push({ original: node, fullText, keptText, created, marks, entities });
  });
  return entries;
}
