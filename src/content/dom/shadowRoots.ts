/**
 * Finds open shadow roots. Two ways, for two costs:
 * - `openShadowRootsUnder`: at once, custom elements only. Nearly every
 *   shadow host is a custom element, and one native XPath query for
 *   hyphenated tag names finds them without touching every element from
 *   script. XPath cannot start from a shadow root, so inside one (they are
 *   small) every element is checked.
 * - `ShadowRootSweep`: in slices, every element that can host a root. A
 *   `div`, `span`, `p` or `section` can host one too; only visiting each such
 *   element finds those (a link, an item or a cell cannot), so that work is
 *   cut into slices that yield to the page.
 * Closed shadow roots are the page's declared private parts: never entered.
 */
import type { Deadline } from './scheduler.ts';

const CUSTOM_ELEMENTS = ".//*[contains(local-name(), '-')]";

function candidateHosts(root: Document | Element | ShadowRoot): Iterable<Element> {
  if (root instanceof ShadowRoot) return root.querySelectorAll('*');
  const doc = root instanceof Document ? root : root.ownerDocument;
  const result = doc.evaluate(CUSTOM_ELEMENTS, root, null, XPathResult.UNORDERED_NODE_SNAPSHOT_TYPE, null);
  const hosts: Element[] = root instanceof Element ? [root] : [];
  for (let i = 0; i < result.snapshotLength; i++) {
    const item = result.snapshotItem(i);
    if (item instanceof Element) hosts.push(item);
  }
  return hosts;
}

export function openShadowRootsUnder(root: Document | Element | ShadowRoot, found: ShadowRoot[] = []): ShadowRoot[] {
  let hosts: Iterable<Element>;
  try {
    hosts = candidateHosts(root);
  } catch {
    // A document without XPath (or a page that broke it): the sliced sweep still finds every root.
    return found;
  }
  for (const host of hosts) {
    const shadow = host.shadowRoot;
    if (shadow && !found.includes(shadow)) {
      found.push(shadow);
      openShadowRootsUnder(shadow, found);
    }
  }
  return found;
}

/** Elements checked between two looks at the clock: each check is one property read. */
const CHECKS_PER_CLOCK = 256;

/**
 * The only elements a shadow root can be attached to, custom elements aside (the DOM standard's list for
 * attachShadow): the sweep reads these, not every link, list item, cell or image of the page.
 */
const HOST_TAGS = [
  'div',
  'span',
  'p',
  'section',
  'article',
  'aside',
  'blockquote',
  'body',
  'footer',
  'header',
  'main',
  'nav',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
];

/** Up to this many elements, a subtree is read whole: one list per tag would cost more than it saves. */
const READ_WHOLE_ELEMENTS = 256;

/**
 * The elements under `root` that may host a shadow root, as lists read when the sweep reaches them: on a
 * large subtree (the document) the elements of HOST_TAGS (live collections, native) and the custom elements
 * (one XPath query); on a small one (most subtrees a page adds, and shadow roots, which XPath cannot
 * search) every element.
 */
function candidateLists(root: Node): ArrayLike<Element>[] {
  if (root instanceof ShadowRoot) return [root.querySelectorAll('*')];
  const scope = root as Document | Element;
  const all = scope.getElementsByTagName('*');
  if (all.length <= READ_WHOLE_ELEMENTS) return [all];
  try {
    const custom = [...candidateHosts(scope)].filter((element) => element !== root);
    return [...HOST_TAGS.map((tag) => scope.getElementsByTagName(tag)), custom];
  } catch {
    // A document without XPath (or a page that broke it): every element.
    return [all];
  }
}

interface Sweep {
  lists: ArrayLike<Element>[];
  /** Where the sweep stands: which list, and where in it. */
  list: number;
  index: number;
  /** Report roots found before too (a subtree the page moved may have left an excluded place). */
  again: boolean;
}

/**
 * Visits every element under the roots it is given that can host a shadow root, in slices, and reports
 * each open shadow root: once over all whole-document sweeps, and every time it sits in a subtree the page
 * added.
 */
export class ShadowRootSweep {
  private readonly sweeps: Sweep[] = [];
  private readonly seen = new WeakSet<ShadowRoot>();

  constructor(private readonly onFound: (root: ShadowRoot) => void) {}

  get pending(): boolean {
    return this.sweeps.length > 0;
  }

  /** Drops every sweep queued. */
  clear(): void {
    this.sweeps.length = 0;
  }

  /** Queues `root` (an element, document or shadow root) and everything under it. */
  add(root: Node, again = false): void {
    if (root instanceof Element) this.check(root, again);
    this.sweeps.push({ lists: candidateLists(root), list: 0, index: 0, again });
  }

  /** Sweeps until the deadline; returns true when more remains. */
  run(deadline: Deadline): boolean {
    let checked = 0;
    for (let sweep = this.sweeps[0]; sweep; sweep = this.sweeps[0]) {
      for (let list = sweep.lists[sweep.list]; list; list = sweep.lists[++sweep.list]) {
        while (sweep.index < list.length) {
          const element = list[sweep.index++];
          if (element) this.check(element, sweep.again);
          if ((++checked & (CHECKS_PER_CLOCK - 1)) === 0 && deadline.expired()) return true;
        }
        sweep.index = 0;
      }
      this.sweeps.shift();
    }
    return false;
  }

  private check(element: Element, again: boolean): void {
    const shadow = element.shadowRoot;
    if (!shadow || (!again && this.seen.has(shadow))) return;
    this.seen.add(shadow);
    this.onFound(shadow);
    // Roots nested in this one are found by sweeping it too.
    this.sweeps.push({ lists: candidateLists(shadow), list: 0, index: 0, again });
  }
}

/**
 * When the whole document is swept again: a shadow root attached to an element already in the page makes
 * no DOM change anyone can observe, so the document is swept after each of these gaps (the first counted
 * from `start`, each next one from the end of the sweep before). A sweep waits at least COST_FACTOR times
 * as long as the last one took: on a huge page, sweeps cost at most 5% of the time.
 */
export const ENGINE_SWEEP_GAPS_MS = [1000, 3000, 6000];
/** A dormant page (no mention in its own text) is swept when the browser is idle, 2 s and 6 s after load. */
export const DORMANT_SWEEP_GAPS_MS = [2000, 4000];
const COST_FACTOR = 20;

/**
 * The sweeps a document gets: whole-document sweeps on a schedule, and each subtree the page adds. The
 * owner runs `run` in its slices (after its own work: the text known to the page goes first) and is asked
 * for a slice through `requestSlice` when a scheduled sweep is due.
 */
export class ShadowRootSweeps {
  private readonly sweep: ShadowRootSweep;
  private timers: ReturnType<typeof setTimeout>[] = [];
  /** Which gap comes next, and the main-thread time the document sweep in progress has taken. */
  private done = 0;
  private busyMs = 0;
  private documentSweepRunning = false;
  private root: Element | null = null;

  constructor(
    onFound: (root: ShadowRoot) => void,
    private readonly requestSlice: () => void,
    private readonly gaps: readonly number[],
  ) {
    this.sweep = new ShadowRootSweep(onFound);
  }

  get pending(): boolean {
    return this.sweep.pending;
  }

  /** Starts the schedule of whole-document sweeps over `root` (the document element). */
  start(root: Element): void {
    this.stop();
    this.root = root;
    this.done = 0;
    this.after(this.gaps[0] ?? 0);
  }

  /** Cancels the sweeps scheduled and the one in progress. */
  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    this.documentSweepRunning = false;
    this.sweep.clear();
  }

  /** Sweeps a subtree the page added (roots found before are reported again: it may have left an excluded place). */
  addSubtree(node: Element): void {
    this.sweep.add(node, true);
  }

  /** Sweeps until the deadline; returns true when more remains. */
  run(deadline: Deadline): boolean {
    const began = performance.now();
    const more = this.sweep.run(deadline);
    this.busyMs += performance.now() - began;
    if (!more && this.documentSweepRunning) {
      this.documentSweepRunning = false;
      const gap = this.gaps[++this.done];
      if (gap !== undefined) this.after(Math.max(gap, this.busyMs * COST_FACTOR));
    }
    return more;
  }

  private after(delay: number): void {
    this.timers.push(
      setTimeout(() => {
        if (!this.root?.isConnected) return;
        this.documentSweepRunning = true;
        this.busyMs = 0;
        this.sweep.add(this.root);
        this.requestSlice();
      }, delay),
    );
  }
}
