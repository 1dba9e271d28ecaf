/**
 * Content script entry, the dormant part: built as one self-contained IIFE.
 *
 * Most pages stop here: the page's text is read once and holds no possible
 * mention. Nothing else runs on them: no setting read, no stylesheet or
 * listener added. The one extension API call every page makes is one read of
 * storage.local, before the probe: the companies of the reader's claim packs,
 * when they have any. Only a page that may mention a company loads the
 * engine (highlighter, styles, hover card, messaging); a dormant page is only
 * watched for text it adds later.
 */
import { ACTIVE_COMPANIES_KEY, parseActiveCompanies, type ActiveCompanies } from '../shared/catalog/state.ts';
import { SETTINGS_KEY } from '../shared/settingsKey.ts';
import { ENGINE_FILE, SLICE_BUDGET_MS } from './constants.ts';
import type { startEngine } from './engine.ts';
import { mayHoldMention, subtreeMayMention, usePreTest } from './detect/pretest.ts';
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
 * The companies of the reader's claim packs (null: the built-in ones), asked for first: the page is probed
 * once, with the pre-tests of every company it should look for. A storage read is a round trip to the
 * browser, not work on the page's thread.
 */
const active: Promise<ActiveCompanies | null> = api.storage.local.get(ACTIVE_COMPANIES_KEY).then(
  (items) => parseActiveCompanies(items[ACTIVE_COMPANIES_KEY]),
  () => null,
);

let waking = false;
/** What to highlight first when the engine starts: changed nodes and shadow roots, or the whole page. */
const pending = new Set<Node>();
/** The probe read the page's own text and found nothing: only what changed since needs highlighting. */
let pageProbed = false;

/** While dormant: collects text added or changed later that may mention a company, and wakes on the first. */
const WATCH: MutationObserverInit = { childList: true, subtree: true, characterData: true };
const watcher = new MutationObserver((records) => {
  for (const record of records) {
    if (record.type === 'childList' && sweepShadowRoots)
      for (const node of record.addedNodes) if (node instanceof Element) sweepLater(node);
    if (!mayHoldMention(record)) continue;
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
    }
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

const body = document.body as HTMLElement | null;
if (body && document.designMode !== 'on') {
  void active.then((packs) => {
    if (packs) usePreTest(packs.pretest);
    // A change the page made meanwhile woke the engine already: it reads the whole page, never probed.
    if (waking) return;
    probeForMention(body, SLICE_BUDGET_MS, ({ found }) => {
      if (found) {
        wake();
        return;
      }
      pageProbed = true;
      markInitialPassDone();
      // Pages with no mention in their own text look inside shadow roots, when the browser is idle, and
      // not during the page's own busy start: every element is visited (about half a microsecond each).
      sweepShadowRoots = true;
      sweeps.start(document.documentElement);
    });
  });
} else markInitialPassDone();
