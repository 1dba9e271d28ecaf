/**
 * The highlight's look. Injected only into documents that have a highlight,
 * as an adopted stylesheet where the browser allows it (invisible to the
 * page's DOM), otherwise as a <style> element. Every rule is !important so
 * that page CSS aimed at generic elements cannot hide or distort it.
 */
import { highlightCss } from '../shared/highlightCss.ts';
import { UI_ATTRIBUTE } from './constants.ts';
import type { HighlightStyle } from '../shared/settings.ts';

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
      this.element.setAttribute(UI_ATTRIBUTE, '');
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
