/**
 * Content script entry, the dormant part: built as one self-contained IIFE.
 *
 * Most pages stop here: the page's text is read once and holds no possible
 * mention. Nothing else runs on them: no setting read, no stylesheet or
 * listener added. The one extension API call every page makes is one read of
 * storage.local, alongside the probe: the companies of the reader's claim
 * packs, when they have any. Only a page that may mention a company loads the
 * engine (highlighter, styles, hover card, messaging); a dormant page is only
 * watched for text it adds later.
 */
import { ACTIVE_COMPANIES_KEY, parsePackPreTest } from '../shared/catalog/activeCompanies.ts';
import type { PreTestSources } from '../shared/mentions.ts';
import { SETTINGS_KEY } from '../shared/settingsKey.ts';
import { ENGINE_FILE, SLICE_BUDGET_MS } from './constants.ts';
import type { startEngine } from './engine.ts';
import { mayHoldMention, nodeMayMention, subtreeMayMention, usePreTest } from './detect/pretest.ts';
import { markInitialPassDone, markStart } from './perf.ts';
import { probeForMention } from './detect/probe.ts';
import { SliceScheduler } from './dom/scheduler.ts';
import { DORMANT_SWEEP_GAPS_MS, ShadowRootSweeps } from './dom/shadowRoots.ts';

/** What the engine's module exports. */
interface EngineModule {
  startEngine: typeof startEngine;
}

markStart();

/** The extension API as the browser gives it to content scripts (Firefox: `browser`; Chrome: `chrome`). */
interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
}
interface ContentApi {
  runtime: { getURL(path: string): string };
  storage: { sync: StorageArea; local: StorageArea };
}
const api =
  (globalThis as { browser?: ContentApi }).browser ?? (globalThis as unknown as { chrome: ContentApi }).chrome;

/**
 * The companies of the reader's claim packs (null: the built-in ones). The read is a round trip to the
 * browser, 15-40 ms in Firefox, so the page is not kept waiting for it: it is probed at once for the
 * built-in companies, and tested again for a pack's only when the read returns some (see `settlePackCompanies`).
 */
const active: Promise<unknown> = api.storage.local.get(ACTIVE_COMPANIES_KEY).then(
  (items) => items[ACTIVE_COMPANIES_KEY],
  () => undefined,
);

let waking = false;
/** What to highlight first when the engine starts: changed nodes and shadow roots, or the whole page. */
const pending = new Set<Node>();
/** The probe read the page's own text and found nothing: only what changed since needs highlighting. */
let pageProbed = false;
/**
 * Until the packs' companies are known, what the page changed that the built-in pre-test passed over, so
 * a pack's pre-test can look at it too (null once they are known).
 */
let unsettled: Node[] | null = [];

/** While dormant: collects text added or changed later that may mention a company, and wakes on the first. */
const WATCH: MutationObserverInit = { childList: true, subtree: true, characterData: true };
const watcher = new MutationObserver((records) => {
  for (const record of records) {
    if (record.type === 'childList' && sweepShadowRoots)
      for (const node of record.addedNodes) if (node instanceof Element) sweepLater(node);
    if (!mayHoldMention(record)) {
      if (unsettled) unsettled.push(...(record.type === 'characterData' ? [record.target] : record.addedNodes));
      continue;
    }
    if (record.type === 'characterData') pending.add(record.target);
    else for (const node of record.addedNodes) pending.add(node);
  }
  if (pending.size > 0) wake();
});
watcher.observe(document, WATCH);

/**
 * Shadow roots hold text the page's own read cannot see. While dormant, every
 * element is checked for one in idle time (2 s after load, once more a few
 * seconds later, and each subtree the page adds); a root is watched from then
 * on, and wakes the engine when its text may mention a company.
 */
let sweepShadowRoots = false;
const idleSweep = new SliceScheduler((deadline) => !waking && sweeps.run(deadline), SLICE_BUDGET_MS, 'idle');
const sweeps = new ShadowRootSweeps(
  (shadow) => {
    watcher.observe(shadow, WATCH);
    if (subtreeMayMention(shadow)) {
      pending.add(shadow);
      wake();
    } else unsettled?.push(shadow);
  },
  () => idleSweep.later(),
  DORMANT_SWEEP_GAPS_MS,
);
function sweepLater(root: Element): void {
  if (waking) return;
  sweeps.addSubtree(root);
  idleSweep.later();
}

/**
 * A possible mention appeared: load the engine, which takes over from the watcher. The engine's module and
 * the reader's settings are each a round trip: both are asked for at once.
 */
function wake(): void {
  if (waking) return;
  waking = true;
  sweeps.stop();
  const stored = api.storage.sync.get(SETTINGS_KEY).then(
    (items) => items[SETTINGS_KEY],
    () => undefined,
  );
  // The engine's address comes from the browser (in Chrome, one that changes every session).
  void (import(/* @vite-ignore */ api.runtime.getURL(ENGINE_FILE)) as Promise<EngineModule>).then(({ startEngine }) =>
    startEngine(document, stored, active, () => {
      // Same task as the engine's first start: the watcher collected every change until now.
      watcher.disconnect();
      return pageProbed ? [...pending] : null;
    }),
  );
}

/** A probe reading the page in pieces has not answered yet. */
let probing = false;
/** The page's text as the probe read it in one piece, kept only until the packs' companies are known. */
let probeText: string | null = null;
/** A pack's pre-test arrived while a probe in pieces was under way: the probe runs again with it. */
let probeAgain = false;

const body = document.body as HTMLElement | null;
const probed = body && document.designMode !== 'on' ? body : null;

function runProbe(root: HTMLElement): void {
  probing = true;
  probeForMention(root, SLICE_BUDGET_MS, ({ found, text }) => {
    probing = false;
    if (waking) return;
    if (found) {
      // Also a pack's pre-test finding what the built-in one did not: the engine reads the whole page.
      pageProbed = false;
      wake();
      return;
    }
    if (unsettled && text !== undefined) probeText = text;
    if (probeAgain) {
      probeAgain = false;
      runProbe(root);
      return;
    }
    if (pageProbed) return;
    pageProbed = true;
    markInitialPassDone();
    // Pages with no mention in their own text look inside shadow roots, when the browser is idle, and
    // not during the page's own busy start: every element is visited (about half a microsecond each).
    sweepShadowRoots = true;
    sweeps.start(document.documentElement);
  });
}

/**
 * The packs' companies are known. With none, the built-in probe was the whole answer. With some, their
 * pre-test replaces the built-in one (it covers every enabled company) and looks at what the built-in one
 * passed over: the page's text as the probe read it (kept, not read again) and what the page changed since.
 */
function settlePackCompanies(pretest: PreTestSources | null): void {
  const changed = unsettled ?? [];
  const text = probeText;
  unsettled = null;
  probeText = null;
  if (!pretest || !usePreTest(pretest) || waking) return;
  const added = changed.filter(nodeMayMention);
  if (added.length > 0) {
    for (const node of added) pending.add(node);
    wake();
    return;
  }
  if (!probed) return;
  if (probing) probeAgain = true;
  else if (text === null) runProbe(probed);
  else if (subtreeMayMention(probed, text)) {
    pageProbed = false;
    wake();
  }
}

if (probed) runProbe(probed);
else markInitialPassDone();
void active.then((value) => {
  settlePackCompanies(parsePackPreTest(value));
});
