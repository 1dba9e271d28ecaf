/**
 * Wraps the mentions in text nodes with mark.js and records what changed.
 * mark.js runs with the text nodes themselves as its contexts, so it touches
 * nothing else; nodes are handed to it in batches because each call has a
 * fixed cost.
 */
import Mark from 'mark.js';
import type { EntityId } from '../shared/entities.ts';
import type { MentionMatcher } from '../shared/mentions.ts';
import { ENTITY_ATTRIBUTE, MENTION_TAG } from './constants.ts';
import type { HighlightEntry } from './registry.ts';

/** One compiled copy of each matcher's pattern for mark.js and one for naming a highlight's company. */
const compiled = new WeakMap<MentionMatcher, { wrap: RegExp; classify: RegExp }>();

function regexesOf(matcher: MentionMatcher): { wrap: RegExp; classify: RegExp } {
  let found = compiled.get(matcher);
  if (!found) {
    const { source, flags } = matcher.pattern;
    found = { wrap: new RegExp(source, flags), classify: new RegExp(source, flags.replace('g', '')) };
    compiled.set(matcher, found);
  }
  return found;
}

export function entityOfText(matcher: MentionMatcher, text: string): EntityId | null {
  const match = regexesOf(matcher).classify.exec(text);
  return match ? matcher.entityOf(match) : null;
}

function isMark(node: Node): node is HTMLElement {
  return node instanceof Element && node.localName === MENTION_TAG;
}

/**
 * Wraps every mention in `nodes` (distinct text nodes) and returns one record
 * per node that changed. mark.js splits a node around each mention: the node
 * keeps the text before the first one, and everything between it and its old
 * next sibling is new.
 */
export function wrapTextNodes(nodes: readonly Text[], matcher: MentionMatcher): HighlightEntry[] {
  const before = nodes.map((node) => ({ node, fullText: node.data, boundary: node.nextSibling }));
  const pattern = regexesOf(matcher).wrap;
  pattern.lastIndex = 0;
  new Mark(nodes as unknown as HTMLElement[]).markRegExp(pattern, {
    element: MENTION_TAG,
    className: '',
    exclude: [],
    each(element: Element) {
      const entity = entityOfText(matcher, element.textContent);
      if (entity) element.setAttribute(ENTITY_ATTRIBUTE, entity);
    },
  });
  const entries: HighlightEntry[] = [];
  for (const { node, fullText, boundary } of before) {
    const created: Node[] = [];
    for (let next = node.nextSibling; next && next !== boundary; next = next.nextSibling) created.push(next);
    if (created.length === 0) continue;
    const marks = created.filter(isMark);
    const entities = marks.map((mark) => mark.getAttribute(ENTITY_ATTRIBUTE) as EntityId);
    entries.push({ original: node, fullText, keptText: node.data, created, marks, entities });
  }
  return entries;
}
