/**
 * Content script entry. Built as one self-contained IIFE, so no page can load
 * (and so detect) a chunk of it as a web-accessible resource.
 *
 * Most pages stop here: the page's text is read once and holds no possible
 * mention. Nothing else runs on them: no extension API is touched, no setting
 * read, no stylesheet or listener added. Only a page that may mention a
 * company loads the engine (highlighter, styles, hover card, messaging); a
 * dormant page is only watched for text it adds later.
 */
import { SLICE_BUDGET_MS } from './constants.ts';
import { mayHoldMention, mayMention } from './detect.ts';
import { benchMark, benchMeasure } from './perf.ts';
import { probeForMention } from './probe.ts';
import { openShadowRootsUnder } from './shadowRoots.ts';

benchMark('start');

let waking = false;
/** What to highlight first when the engine starts: changed nodes and shadow roots, or the whole page. */
const pending = new Set<Node>();
let wholePage = false;

/** While dormant: collects text added or changed later that may mention a company, and wakes on the first. */
const watcher = new MutationObserver((records) => {
  for (const record of records) {
    if (!mayHoldMention(record)) continue;
    if (record.type === 'characterData') pending.add(record.target);
    else for (const node of record.addedNodes) pending.add(node);
  }
  if (pending.size > 0) wake();
});
watcher.observe(document, { childList: true, subtree: true, characterData: true });

/** A possible mention appeared: load the engine, which reads the settings and takes over from the watcher. */
function wake(): void {
  if (waking) return;
  waking = true;
  void import('./engine.ts').then(({ startEngine }) =>
    startEngine(document, () => {
      // Same task as the engine's own observer starting: no change falls between the two.
      watcher.disconnect();
      return wholePage ? null : [...pending];
    }),
  );
}

/** Pages with no mention in their own text look inside web components, when the browser is idle. */
function checkShadowRoots(): void {
  for (const shadow of openShadowRootsUnder(document)) if (mayMention(shadow.textContent)) pending.add(shadow);
  if (pending.size > 0) wake();
}

const body = document.body as HTMLElement | null;
if (body && document.designMode !== 'on') {
  probeForMention(body, SLICE_BUDGET_MS, ({ found, sawCustomElement }) => {
    if (found) {
      wholePage = true;
      wake();
      return;
    }
    benchMeasure('initial-pass', 'start');
    if (sawCustomElement) requestIdleCallback(checkShadowRoots, { timeout: 3000 });
  });
} else benchMeasure('initial-pass', 'start');
