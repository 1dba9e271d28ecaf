/**
 * Wraps every mention under a root in a <claimlight-mention> element, with mark.js.
 */
import Mark from 'mark.js';
import { emptyCounts, type MentionCounts } from '../shared/entities.ts';
import { mentionMatcher } from '../shared/lexicon.ts';
import { findMentions } from '../shared/mentions.ts';
import { ENTITY_ATTRIBUTE, MENTION_TAG, UI_ATTRIBUTE } from './constants.ts';

/** Text inside these is code, form state, editable or not prose: never touch it. */
const EXCLUDED = [
  'script',
  'style',
  'noscript',
  'template',
  'title',
  'textarea',
  'input',
  'select',
  'option',
  '[contenteditable]:not([contenteditable="false"])',
  '[contenteditable]:not([contenteditable="false"]) *',
  'svg',
  'svg *',
  'math',
  'math *',
  MENTION_TAG,
  `[${UI_ATTRIBUTE}]`,
  `[${UI_ATTRIBUTE}] *`,
];

/** Highlights every mention under `root` and returns how many of each it wrapped. */
export function highlightMentions(root: HTMLElement): MentionCounts {
  const counts = emptyCounts();
  // Cheap native test first: most pages mention none of the companies.
  if (findMentions(mentionMatcher, root.textContent).length === 0) return counts;

  new Mark(root).markRegExp(new RegExp(mentionMatcher.pattern.source, mentionMatcher.pattern.flags), {
    element: MENTION_TAG,
    className: '',
    exclude: EXCLUDED,
    each(element: Element) {
      const [mention] = findMentions(mentionMatcher, element.textContent);
      if (!mention) return;
      element.setAttribute(ENTITY_ATTRIBUTE, mention.entity);
      counts[mention.entity] += 1;
    },
  });
  return counts;
}
