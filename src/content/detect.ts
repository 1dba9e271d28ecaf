import { COMPANIES } from '../shared/lexicon.ts';
import { preTestSource } from '../shared/mentions.ts';

/**
 * The cheap test that lets most pages stop early, generated from the mention
 * rules in seeds/companies.json (see `preTestSource`): whole words, each
 * rule's cases, "Oracle of" excluded, so a page whose only near-misses are
 * "TheMoonOracle" or "the oracle" stops after its first read. The exact rules
 * run only where it matches.
 */
export const MAY_MENTION = new RegExp(preTestSource(COMPANIES));

export function mayMention(text: string | null): boolean {
  return text !== null && MAY_MENTION.test(text);
}

/** Whether a DOM change brought text that may mention a company (used while nothing is highlighted). */
export function mayHoldMention(record: MutationRecord): boolean {
  if (record.type === 'characterData') return mayMention(record.target.textContent);
  for (const node of record.addedNodes) {
    if (mayMention(node.textContent)) return true;
    // A web component added with its shadow root already attached.
    if (node instanceof Element && node.shadowRoot && mayMention(node.shadowRoot.textContent)) return true;
  }
  return false;
}
