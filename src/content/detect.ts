/**
 * The cheap test that lets most pages stop early. It over-approximates every
 * mention rule (any case, any separator) with a small regular expression that
 * compiles in microseconds; the exact rules run only where it matches.
 */
export const MAY_MENTION = /tik[\s\-\u2010\u2011]?tok|byte\s?dance|oracle|字节跳动/i;

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
