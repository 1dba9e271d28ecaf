/**
 * Everything the content script does once a page may mention a company:
 * highlighting, styles, the hover card and reporting counts. Loaded on
 * demand, so pages without a mention never even run this code.
 */
import browser from '../shared/browser.ts';
import { totalMentions, type EntityId, type MentionCounts } from '../shared/entities.ts';
import {
  CONTENT_COMMANDS,
  dispatchCommand,
  type Handlers,
  type StepDirection,
  type StepPosition,
} from '../shared/messages.ts';
import type { SentenceId } from '../shared/pageClaims.ts';
import { MENTION_TAG } from './constants.ts';
import { ReaderPlace } from './place/place.ts';
import { send } from '../shared/send.ts';
import type { Company } from '../shared/entities.ts';
import { isActiveOn, isCompanyOn, type Settings } from '../shared/settings.ts';
import { CompaniesSource } from './companiesSource.ts';
import { CardController } from './card/controller.tsx';
import { Highlighter } from './highlight/highlighter.ts';
import { PageClaims } from './page/pageClaims.ts';
import { matcherFor, matcherKey } from './highlight/matchers.ts';
import { markEngineStep, markInitialPassDone } from './perf.ts';
import { openShadowRootsUnder } from './dom/shadowRoots.ts';
import { nextTask } from './dom/scheduler.ts';
import { SettingsSource } from './settingsSource.ts';
import { HighlightStylesheet, removeMarkerStyles } from './dom/style.ts';

/** Counts go to the background at most this often. */
const REPORT_DELAY_MS = 250;

/** The companies of `list` the reader has not switched off, in its order. */
function companiesOn(settings: Settings, list: readonly Company[]): readonly Company[] {
  return list.filter((company) => isCompanyOn(settings, company.id));
}

export class Engine {
  private readonly highlighter: Highlighter;
  private readonly stylesheet: HighlightStylesheet;
  private settings: Settings | null = null;
  /** The companies of the reader's claim sets (the built-in ones unless packs change them). */
  private companies: readonly Company[] = [];
  private card: CardController | null = null;
  private lastReported = 0;
  /** The sentences that repeat claims, for the top frame only (the page the popup summarises). */
  private readonly pageClaims: PageClaims | null;
  /** Where the reader is: the command, the side panel's stepping and "Show on the page" all move it. */
  private readonly place: ReaderPlace;
  private initialPassDone = false;
  private changedDuringPass = false;
  /** The elements that brought the page's first possible mention (none: the page's own text did). */
  private wokenBy: Element[] = [];
  /** What the first start covers: the nodes that woke the engine, or null for the whole document. */
  private firstRoots: Node[] | null = null;
  private reportTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly doc: Document) {
    this.stylesheet = new HighlightStylesheet(doc);
    this.highlighter = new Highlighter(doc, {
      changed: () => this.onHighlightsChanged(),
      // The page's text changed: what it repeats is read again (after the first read, once it is quiet).
      pageChanged: () => {
        if (this.initialPassDone) this.pageClaims?.changed();
        else this.changedDuringPass = true;
      },
      initialPassDone: () => {
        markInitialPassDone();
        this.initialPassDone = true;
        // The page's sentences were read along the first pass (or are read now, for what woke the engine);
        // they are matched once the highlights are in.
        if (this.highlighter.registry.highlights === 0) return;
        this.pageClaims?.start(this.wokenBy, (node) => this.highlighter.textNodesOf(node));
        // What the page changed while it was being read is read again once it is quiet.
        if (this.changedDuringPass) this.pageClaims?.changed();
      },
    });
    this.pageClaims = doc.defaultView?.top === doc.defaultView ? new PageClaims(doc) : null;
    this.place = new ReaderPlace(doc, this.isOurs, this.pageClaims?.marks ?? null);
    this.highlighter.observe(doc);
    for (const shadow of openShadowRootsUnder(doc)) this.highlighter.observe(shadow);
  }

  /**
   * What to highlight first: the nodes that woke the engine, or null for the whole document (when its
   * own text may mention a company). Called in the task of the first apply, so no change falls between.
   */
  takeOver(firstRoots: Node[] | null): void {
    this.firstRoots = firstRoots;
    this.wokenBy = (firstRoots ?? []).flatMap((node) =>
      node instanceof Element ? [node] : node.parentElement ? [node.parentElement] : [],
    );
  }

  /** Applies (new) settings or companies: starts, stops or re-highlights as they require. */
  apply(next: Settings, companies = this.companies): void {
    const previous = this.settings && companiesOn(this.settings, this.companies);
    this.settings = next;
    this.companies = companies;
    const chosen = companiesOn(next, companies);
    const ids = chosen.map((company) => company.id);
    const on = isActiveOn(next, this.doc.location.hostname, ids);
    const companiesChanged = previous !== null && matcherKey(previous) !== matcherKey(chosen);
    if (this.highlighter.isActive && (!on || companiesChanged)) {
      this.card?.close(false);
      this.highlighter.stop();
      this.pageClaims?.stop();
      if (!on) {
        this.stylesheet.remove();
        removeMarkerStyles(this.doc);
      }
    }
    if (on && !this.highlighter.isActive) {
      // The first start covers what woke the engine; any later one (after a pause) covers everything.
      const roots = this.firstRoots;
      this.firstRoots = null;
      // The whole page's first pass reads its text for claim matching on the way (one walk, not two).
      const reader = roots === null && !this.initialPassDone ? (this.pageClaims?.readAlong() ?? undefined) : undefined;
      this.highlighter.start(matcherFor(chosen), roots ?? undefined, reader);
    } else if (!on) markInitialPassDone();
    if (on && this.highlighter.registry.highlights > 0) this.stylesheet.apply(next.highlightStyle);
    this.pageClaims?.marks.setVisible(next.markSentences);
  }

  /** The reader's claim sets now highlight these companies (a pack imported, switched or removed). */
  setCompanies(companies: readonly Company[]): void {
    if (this.settings) this.apply(this.settings, companies);
  }

  /** Takes the reader to the sentence with this id and flashes it; false when it is no longer on the page. */
  revealSentence(id: SentenceId): boolean {
    return this.place.reveal(id);
  }

  focusNext(entity: EntityId | null): boolean {
    return this.cardController()?.focusNext(entity) ?? false;
  }

  /** Scrolls to a company's next or previous highlight and flashes it (the side panel's stepping: no card). */
  step(entity: EntityId, direction: StepDirection): StepPosition | null {
    this.card?.close(false);
    return this.place.step(entity, direction);
  }

  private cardController(): CardController | null {
    if (!this.card && this.highlighter.registry.highlights > 0)
      this.card = new CardController(
        this.doc,
        this.isOurs,
        this.place,
        this.pageClaims?.marks ?? null,
        () => this.settings,
      );
    return this.card;
  }

  /** Whether a highlight element is one of Claimlight's own (a page can copy our element's name). */
  private readonly isOurs = (element: Element): boolean =>
    element.localName === MENTION_TAG &&
    this.highlighter.registry.ofCreated(element.firstChild ?? element) !== undefined;

  private onHighlightsChanged(): void {
    if (this.highlighter.registry.highlights > 0 && this.settings) {
      this.stylesheet.apply(this.settings.highlightStyle);
      this.cardController();
    }
    clearTimeout(this.reportTimer);
    this.reportTimer = setTimeout(() => this.report(), REPORT_DELAY_MS);
  }

  private report(): void {
    const counts: MentionCounts = this.highlighter.counts();
    const total = totalMentions(counts);
    if (total === 0 && this.lastReported === 0) return;
    this.lastReported = total;
    // The background may be restarting; a lost report only delays the badge.
    void send('mentions/report', { counts });
  }
}

/**
 * Starts the engine on a document that may mention a company: takes the settings (`stored`: the raw stored
 * value, being read since the entry woke) and the companies of the reader's claim sets (`active`, read since
 * the entry started), follows their changes, and answers the tab's commands. `leaveWatcher` stops the
 * dormant watcher and returns what woke the engine (null: the whole document).
 */
export async function startEngine(
  doc: Document,
  stored: Promise<unknown>,
  active: Promise<unknown>,
  leaveWatcher: () => Node[] | null,
): Promise<Engine> {
  markEngineStep('loaded');
  const settings = new SettingsSource(stored);
  const companies = new CompaniesSource(active);
  const loading = Promise.all([settings.get(), companies.get()]);
  // The page's read and loading this code took the current task: the engine is built in a task of its own.
  await nextTask();
  const engine = new Engine(doc);
  // Every command a tab's content script answers, one handler each (the table's type checks that).
  const handlers: Handlers<typeof CONTENT_COMMANDS, null> = {
    'page/ping': () => Promise.resolve({ site: location.hostname || null }),
    'mention/next': ({ entity }) => Promise.resolve(engine.focusNext(entity)),
    'mention/step': ({ entity, direction }) => Promise.resolve(engine.step(entity, direction)),
    'page/reveal': ({ id }) => Promise.resolve(engine.revealSentence(id)),
  };
  browser.runtime.onMessage.addListener((raw: unknown) => dispatchCommand(handlers, raw, null) as Promise<unknown>);
  const [loaded, listed] = await loading;
  markEngineStep('settings');
  engine.takeOver(leaveWatcher());
  engine.apply(loaded, listed);
  settings.onChange((next) => engine.apply(next));
  companies.onChange((next) => {
    engine.setCompanies(next);
  });
  return engine;
}
