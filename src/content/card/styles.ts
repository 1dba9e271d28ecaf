/**
 * The card's own stylesheet, scoped to its shadow root after ui/claim.css (the
 * claims' look everywhere): `:host { all: initial }` keeps page styles out, and
 * the `.claim` rules below make the claims denser than on the extension's pages.
 */
export const CARD_CSS = `
:host {
  all: initial !important;
  position: fixed !important;
  inset: 0 auto auto 0 !important;
  z-index: 2147483647 !important;
  display: block !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
  visibility: visible !important;
  opacity: 1 !important;
  pointer-events: none !important;
  contain: none !important;
}
.card {
  --bg: #fffdf8;
  --fg: #1c1917;
  --muted: #57534e;
  --line: #e7e5e4;
  --accent: #9a3412;
  --quote-bg: #fef3c7;
  --quote-fg: #292524;
  position: fixed;
  top: 0;
  left: 0;
  box-sizing: border-box;
  /* The controller narrows both to the space beside the highlight (floating-ui's size middleware). */
  width: min(380px, calc(100vw - 16px));
  max-height: min(520px, calc(100vh - 16px));
  display: flex;
  flex-direction: column;
  overflow: hidden;
  pointer-events: auto;
  padding: 14px 0 10px;
  border: 1px solid var(--line);
  border-radius: 10px;
  background: var(--bg);
  color: var(--fg);
  box-shadow: 0 10px 30px rgba(28, 25, 23, 0.18), 0 2px 6px rgba(28, 25, 23, 0.12);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: start;
  animation: appear 0.12s ease-out;
}
.card:focus { outline: none; }
.card:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
@keyframes appear { from { opacity: 0; transform: translateY(4px); } to { opacity: 1; transform: none; } }
@media (prefers-reduced-motion: reduce) { .card { animation: none; } }
@media (prefers-color-scheme: dark) {
  .card {
    --bg: #1c1917;
    --fg: #f5f5f4;
    --muted: #d6d3d1;
    --line: #44403c;
    --accent: #fdba74;
    --quote-bg: #3b2f1e;
    --quote-fg: #fef3c7;
    box-shadow: 0 10px 30px rgba(0, 0, 0, 0.5);
  }
}
@media (forced-colors: active) { .card { border: 1px solid CanvasText; } }
.close {
  position: absolute;
  top: 6px;
  right: 6px;
  width: 28px;
  height: 28px;
  border: 0;
  border-radius: 6px;
  background: transparent;
  color: var(--muted);
  font: 20px/1 system-ui, sans-serif;
  cursor: pointer;
}
.close:hover { background: var(--line); color: var(--fg); }
.close:focus-visible { outline: 2px solid var(--accent); }
header { flex: none; padding: 0 44px 8px 16px; border-bottom: 1px solid var(--line); }
.body {
  flex: 1 1 auto;
  min-height: 48px;
  overflow-y: auto;
  overscroll-behavior: contain;
  padding: 0 16px 4px;
}
.name { margin: 0; font-size: 16px; line-height: 1.3; }
.description { margin: 0; color: var(--muted); }
.timeframe { margin: 4px 0 0; font-size: 12px; color: var(--muted); }
.claim .note { margin: 4px 0 0; font-size: 12px; color: var(--muted); }
.note summary { cursor: pointer; color: var(--accent); }
.note p { margin: 4px 0 0; }
.claims-heading {
  margin: 12px 0 4px;
  font-size: 11px;
  letter-spacing: 0.06em;
  text-transform: uppercase;
  color: var(--muted);
}
.claims { list-style: none; margin: 0; padding: 0; }
.folded-claims { margin: 10px 0 6px; }
.folded-claims > summary { cursor: pointer; padding: 8px 10px; border-radius: 6px; background: var(--quote-bg); color: var(--quote-fg); }
.folded-claims .unfold { color: var(--accent); font-weight: 600; }
.folded-claims > summary:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.claim { padding: 8px 0; border-top: 1px solid var(--line); }
.claim .meta { margin: 4px 0 0; display: flex; flex-wrap: wrap; gap: 2px 10px; font-size: 12px; color: var(--muted); }
.kind { font-weight: 600; color: var(--accent); }
.quote { margin: 6px 0 0; padding: 6px 10px; border-left: 3px solid var(--accent); background: var(--quote-bg); color: var(--quote-fg); border-radius: 0 6px 6px 0; }
.quote blockquote { margin: 0; font-style: italic; }
.quote blockquote::before { content: "\\201C"; }
.quote blockquote::after { content: "\\201D"; }
.quote figcaption {
  margin-top: 4px;
  font-size: 12px;
  display: -webkit-box;
  -webkit-line-clamp: 2;
  -webkit-box-orient: vertical;
  overflow: hidden;
}
footer { flex: none; margin: 6px 16px 0; padding-top: 8px; border-top: 1px solid var(--line); }
.quote-fold { margin: 6px 0 0; }
.quote-fold > summary { cursor: pointer; font-size: 12px; color: var(--accent); }
.quote-fold > summary:focus-visible, .note summary:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.quote .source { color: inherit; }
.follow-link {
  display: block;
  width: 100%;
  margin: 0 0 8px;
  padding: 8px 10px;
  border: 1px solid var(--accent);
  border-radius: 6px;
  background: transparent;
  color: var(--accent);
  font: 600 14px/1.3 system-ui, sans-serif;
  cursor: pointer;
}
.follow-link:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.all-claims { color: var(--accent); font-weight: 600; text-decoration: underline; text-underline-offset: 2px; }
.all-claims:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.state { margin: 0; padding: 0 44px 0 16px; color: var(--muted); }
/* A short window (a phone held sideways): the claims get the room; the timeframe stays in its tooltip. */
@media (max-height: 480px) {
  .card { padding-top: 8px; }
  header { padding-bottom: 4px; }
  .timeframe { display: none; }
  .close { top: 2px; }
  footer { margin-top: 2px; padding-top: 4px; }
  .claims-heading { margin-top: 6px; }
}
`;
