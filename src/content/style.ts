/**
 * The highlight's look. Injected only into documents that have a highlight,
 * as an adopted stylesheet where the browser allows it (invisible to the
 * page's DOM), otherwise as a <style> element. Every rule is !important so
 * that page CSS aimed at generic elements cannot hide or distort it.
 */
import type { HighlightStyle } from '../shared/settings.ts';
import { ENTITY_ATTRIBUTE, MENTION_TAG } from './constants.ts';

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

export function highlightCss(style: HighlightStyle): string {
  return `${COMMON}\n${VARIANTS[style]}\n@media (prefers-contrast: more) {${VARIANTS.contrast}\n}`;
}

/** One stylesheet per document, replaced in place when the style setting changes. */
export class HighlightStylesheet {
  private sheet: CSSStyleSheet | null = null;
  private element: HTMLStyleElement | null = null;
  private current: HighlightStyle | null = null;

  constructor(private readonly doc: Document) {}

  /** Applies `style`; a no-op when it is already applied, so calling it often costs nothing. */
  apply(style: HighlightStyle): void {
    if (style === this.current && (this.sheet || this.element?.isConnected)) return;
    this.current = style;
    const css = highlightCss(style);
    if (this.sheet) {
      this.sheet.replaceSync(css);
      return;
    }
    if (this.element) {
      this.element.textContent = css;
      if (!this.element.isConnected) this.attachElement();
      return;
    }
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
      this.sheet = sheet;
    } catch {
      // Firefox content scripts cannot adopt a sheet built in their own compartment.
      this.element = this.doc.createElement('style');
      this.element.setAttribute('data-claimlight-ui', '');
      this.element.textContent = css;
      this.attachElement();
    }
  }

  remove(): void {
    const sheet = this.sheet;
    if (sheet) this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== sheet);
    this.element?.remove();
    this.sheet = null;
    this.element = null;
    this.current = null;
  }

  private attachElement(): void {
    if (!this.element) return;
    const head = this.doc.head as HTMLHeadElement | null;
    (head ?? this.doc.documentElement).append(this.element);
  }
}
