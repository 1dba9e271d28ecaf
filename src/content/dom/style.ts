/**
 * Claimlight's CSS in a page. Injected only into documents that have a
 * highlight, as an adopted stylesheet where the browser allows it (invisible
 * to the page's DOM), otherwise as a <style> element. Every rule is !important
 * so that page CSS aimed at generic elements cannot hide or distort it.
 */
import { highlightCss, MARKER_CSS } from '../../shared/highlightCss.ts';
import { UI_ATTRIBUTE } from '../constants.ts';
import type { HighlightStyle } from '../../shared/settings.ts';

/** One stylesheet in one document, whose text can be replaced in place. */
class DocumentSheet {
  private sheet: CSSStyleSheet | null = null;
  private element: HTMLStyleElement | null = null;

  constructor(private readonly doc: Document) {}

  get attached(): boolean {
    return this.sheet !== null || this.element?.isConnected === true;
  }

  set(css: string): void {
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
  }

  private attachElement(): void {
    if (!this.element) return;
    const head = this.doc.head as HTMLHeadElement | null;
    (head ?? this.doc.documentElement).append(this.element);
  }
}

/** The mention highlights' look, replaced in place when the style setting changes. */
export class HighlightStylesheet {
  private readonly sheet: DocumentSheet;
  private current: HighlightStyle | null = null;

  constructor(doc: Document) {
    this.sheet = new DocumentSheet(doc);
  }

  /** Applies `style`; a no-op when it is already applied, so calling it often costs nothing. */
  apply(style: HighlightStyle): void {
    if (style === this.current && this.sheet.attached) return;
    this.current = style;
    this.sheet.set(highlightCss(style));
  }

  remove(): void {
    this.sheet.remove();
    this.current = null;
  }
}

/**
 * The markers' rules (sentences that repeat a claim, the flash), per document:
 * added the first time a marker is drawn there, never before (see MARKER_CSS
 * for what adding them costs).
 */
const markers = new WeakMap<Document, DocumentSheet>();

export function showMarkerStyles(doc: Document): void {
  let sheet = markers.get(doc);
  if (!sheet) {
    sheet = new DocumentSheet(doc);
    markers.set(doc, sheet);
  }
  if (!sheet.attached) sheet.set(MARKER_CSS);
}

export function removeMarkerStyles(doc: Document): void {
  markers.get(doc)?.remove();
}
