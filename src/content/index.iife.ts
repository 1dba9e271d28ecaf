/**
 * Content script entry. Built as one self-contained IIFE, so no page can load
 * (and so detect) a chunk of it as a web-accessible resource.
 *
 * On most pages it does one native read of the text, finds no possible
 * mention, and stops there; it reads settings, styles the page and listens
 * to the pointer only once a page has something to highlight.
 */
import browser from 'webextension-polyfill';
import { totalMentions, type MentionCounts } from '../shared/entities.ts';
import { parseContentCommand, type MentionsReport } from '../shared/messages.ts';
import { isActiveOn, type Settings } from '../shared/settings.ts';
import { mayMention } from './detect.ts';
import { openShadowRootsUnder } from './shadowRoots.ts';
import { Highlighter } from './highlighter.ts';
import { matcherFor } from './matchers.ts';
import { benchMark, benchMeasure } from './perf.ts';
import { SettingsSource } from './settingsSource.ts';
import { HighlightStylesheet } from './style.ts';
import { CardController } from './card/controller.tsx';

benchMark('start');

const settingsSource = new SettingsSource();
const stylesheet = new HighlightStylesheet(document);
let settings: Settings | null = null;
let waking = false;
let lastReported = 0;
let reportTimer: ReturnType<typeof setTimeout> | undefined;
let card: CardController | null = null;

const highlighter = new Highlighter(document, matcherFor({ tiktok: true, bytedance: true, oracle: true }), {
  changed: onHighlightsChanged,
  spotted: wake,
  initialPassDone: () => benchMeasure('initial-pass', 'start'),
});
highlighter.observe(document);

function onHighlightsChanged(): void {
  if (highlighter.registry.highlights > 0 && settings) {
    stylesheet.apply(settings.highlightStyle);
    card ??= new CardController(document, highlighter.registry, () => settings);
  }
  // Counts go to the background at most every 250 ms, and only once a page has had a mention.
  clearTimeout(reportTimer);
  reportTimer = setTimeout(report, 250);
}

function report(): void {
  const counts: MentionCounts = highlighter.counts();
  const total = totalMentions(counts);
  if (total === 0 && lastReported === 0) return;
  lastReported = total;
  const message: MentionsReport = { type: 'mentions/report', counts };
  // The background may be restarting; a lost report only delays the badge.
  browser.runtime.sendMessage(message).catch(() => undefined);
}

/** A possible mention appeared: read the settings once, then highlight if Claimlight is on here. */
function wake(): void {
  if (waking || highlighter.isActive) return;
  waking = true;
  void settingsSource.get().then((loaded) => {
    waking = false;
    apply(loaded);
  });
}

function apply(next: Settings): void {
  const previous = settings;
  settings = next;
  const on = isActiveOn(next, location.hostname);
  const companiesChanged = previous !== null && JSON.stringify(previous.companies) !== JSON.stringify(next.companies);
  if (highlighter.isActive && (!on || companiesChanged)) {
    card?.close();
    highlighter.stop();
    if (!on) stylesheet.remove();
  }
  if (on && !highlighter.isActive) highlighter.start(matcherFor(next.companies));
  else if (!on) benchMeasure('initial-pass', 'start');
  if (on && highlighter.registry.highlights > 0) stylesheet.apply(next.highlightStyle);
}

settingsSource.onChange((next) => {
  // Only documents that ever woke care; the rest wake on their first possible mention.
  if (settings) apply(next);
});

browser.runtime.onMessage.addListener((raw: unknown) => {
  const command = parseContentCommand(raw);
  if (!command) return undefined;
  card ??=
    highlighter.registry.highlights > 0 ? new CardController(document, highlighter.registry, () => settings) : null;
  return Promise.resolve(card?.focusNext(command.entity) ?? false);
});

/** Covers open shadow roots: their text is not part of the page's own textContent. */
function coverShadowRoots(): void {
  let roots: ShadowRoot[] = [];
  try {
    roots = openShadowRootsUnder(document);
  } catch {
    // A page that breaks XPath loses shadow-root coverage, never the rest.
  }
  for (const shadow of roots) {
    highlighter.observe(shadow);
    if (highlighter.isActive) highlighter.enqueue(shadow);
    else if (mayMention(shadow.textContent)) wake();
  }
}

// One native read decides whether this page needs anything more.
const body = document.body as HTMLElement | null;
if (document.designMode !== 'on' && mayMention(body?.textContent ?? null)) {
  coverShadowRoots();
  wake();
} else {
  benchMeasure('initial-pass', 'start');
  // Pages with no mention in their own text look inside web components only when idle.
  requestIdleCallback(coverShadowRoots, { timeout: 3000 });
}
