/** The highlight's CSS for each style setting; shared by the content script and the options preview. */
import type { HighlightStyle } from './settings.ts';

export const MENTION_TAG = 'claimlight-mention';
export const ENTITY_ATTRIBUTE = 'data-claimlight-entity';
/** CSS Custom Highlight names: page sentences that repeat a claim, and the one just shown from the popup. */
export const CLAIM_HIGHLIGHT = 'claimlight-claim';
export const FLASH_HIGHLIGHT = 'claimlight-claim-flash';

const SELECTOR = `${MENTION_TAG}[${ENTITY_ATTRIBUTE}]`;

const COMMON = `
${SELECTOR} {
  display: inline !important;
  visibility: visible !important;
  opacity: 1 !important;
  position: static !important;
  float: none !important;
  margin: 0 !important;
  padding: 0 !important;
  font: inherit !important;
  color: inherit !important;
  letter-spacing: inherit !important;
  text-transform: inherit !important;
  transform: none !important;
  filter: none !important;
  clip-path: none !important;
  mask: none !important;
  cursor: help !important;
  border-radius: 2px !important;
  transition: background-color 0.15s ease-out, box-shadow 0.15s ease-out !important;
}
a ${SELECTOR}, button ${SELECTOR} { cursor: inherit !important; }
${SELECTOR}[data-claimlight-current] { outline: 2px solid #b45309 !important; outline-offset: 1px !important; }
@media (prefers-reduced-motion: reduce) {
  ${SELECTOR} { transition: none !important; }
}
@media (forced-colors: active) {
  ${SELECTOR} {
    background: Mark !important;
    color: MarkText !important;
    forced-color-adjust: none !important;
    box-shadow: none !important;
    text-decoration: underline !important;
  }
}`;

const VARIANTS: Record<HighlightStyle, string> = {
  soft: `
${SELECTOR} {
  background-color: rgba(250, 204, 21, 0.38) !important;
  box-shadow: inset 0 -2px 0 rgba(180, 83, 9, 0.85) !important;
  text-decoration: none !important;
}
${SELECTOR}:hover { background-color: rgba(250, 204, 21, 0.6) !important; }`,
  underline: `
${SELECTOR} {
  background-color: transparent !important;
  box-shadow: none !important;
  text-decoration: underline 2px solid #d97706 !important;
  text-underline-offset: 3px !important;
}
${SELECTOR}:hover { background-color: rgba(250, 204, 21, 0.3) !important; }`,
  contrast: `
${SELECTOR} {
  background-color: #ffe600 !important;
  color: #000 !important;
  box-shadow: 0 0 0 1px #000 !important;
  text-decoration: underline 2px solid #000 !important;
}`,
};

/**
 * The rules sit in a cascade layer: an !important declaration in a layer
 * outranks every unlayered !important one, so page CSS aimed at the highlight
 * element (whatever its specificity) cannot hide or distort it.
 */
export function highlightCss(style: HighlightStyle): string {
  return `@layer claimlight {\n${COMMON}\n${VARIANTS[style]}\n@media (prefers-contrast: more) {${VARIANTS.contrast}\n}\n}`;
}

/**
 * The look of the sentence markers and the flash (CSS Custom Highlight API), kept apart from the mention
 * rules: a `::highlight()` rule applies to every element, so adding it makes the browser restyle the whole
 * document (about 140 ms on the benchmark's mention-dense page in Chromium, against about 5 ms for the
 * mention rules alone). It is added only once a marker is drawn.
 */
export const MARKER_CSS = `@layer claimlight {
::highlight(${CLAIM_HIGHLIGHT}) {
  text-decoration: underline 2px dotted #7c3aed !important;
  text-underline-offset: 4px !important;
  background-color: rgba(124, 58, 237, 0.07) !important;
}
::highlight(${FLASH_HIGHLIGHT}) { background-color: rgba(124, 58, 237, 0.3) !important; }
}`;
