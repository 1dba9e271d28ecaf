/** The highlight's look, injected only into pages that have a mention. */
import { ENTITY_ATTRIBUTE, MENTION_TAG } from './constants.ts';

const CSS = `
${MENTION_TAG}[${ENTITY_ATTRIBUTE}] {
  all: revert;
  display: inline !important;
  visibility: visible !important;
  background: rgba(250, 204, 21, 0.35) !important;
  color: inherit !important;
  border-radius: 2px;
  box-shadow: 0 1px 0 rgba(161, 98, 7, 0.8);
}
`;

export function injectHighlightStyle(doc: Document): void {
  if (doc.getElementById('claimlight-style')) return;
  const style = doc.createElement('style');
  style.id = 'claimlight-style';
  style.textContent = CSS;
  // Typed non-null, but a document may have no head.
  const head = doc.head as HTMLHeadElement | null;
  (head ?? doc.documentElement).append(style);
}
