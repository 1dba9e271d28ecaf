/**
 * Wraps the mentions in one text node with mark.js and records what changed.
 * mark.js runs with the text node itself as its context, so it touches
 * nothing but that node.
 */
import Mark from 'mark.js';
import type { EntityId } from '../shared/entities.ts';
import type { MentionMatcher } from '../shared/mentions.ts';
import { ENTITY_ATTRIBUTE, MENTION_TAG } from './constants.ts';
import type { HighlightEntry } from './registry.ts';

export function entityOfText(matcher: MentionMatcher, text: string): EntityId | null {
  const re = new RegExp(matcher.pattern.source, 'v');
  const match = re.exec(text);
  return match ? matcher.entityOf(match) : null;
}

/** Wraps every mention in `node`; returns the record of the change, or null when there was none. */
export function wrapTextNode(node: Text, matcher: MentionMatcher): HighlightEntry | null {
  const fullText = node.data;
  const marks: HTMLElement[] = [];
  const entities: EntityId[] = [];
  // mark.js mutates lastIndex; give it its own instance.
  const pattern = new RegExp(matcher.pattern.source, matcher.pattern.flags);
  new Mark(node as unknown as HTMLElement).markRegExp(pattern, {
    element: MENTION_TAG,
    className: '',
    exclude: [],
    each(element: Element) {
      const entity = entityOfText(matcher, element.textContent);
      if (!entity) return;
      element.setAttribute(ENTITY_ATTRIBUTE, entity);
      marks.push(element as HTMLElement);
      entities.push(entity);
    },
  });
  if (marks.length === 0) return null;
  // After mark.js: node (text before the first mention), then a highlight and the text after it, per mention.
  const created: Node[] = [];
  for (let next = node.nextSibling; next && created.length < marks.length * 2; next = next.nextSibling) {
    created.push(next);
  }
  return { original: node, fullText, created, marks, entities };
}
