/**
 * The cheap test that lets most pages stop early. It over-approximates every
 * mention rule (any separator; any case where the rule allows any case) with
 * a small regular expression that compiles in microseconds; the exact rules
 * run only where it matches. Oracle is matched in the rule's own cases, so
 * the common noun "oracle" does not wake the engine.
 */
export const MAY_MENTION =
  /[Tt][Ii][Kk][\s\-\u2010\u2011]?[Tt][Oo][Kk]|[Bb][Yy][Tt][Ee]\s?[Dd][Aa][Nn][Cc][Ee]|Oracle|ORACLE|字节跳动/;

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
