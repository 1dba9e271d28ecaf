/**
 * Content script entry. Built as one self-contained IIFE, so no page can load
 * (and so detect) a chunk of it as a web-accessible resource.
 */
import browser from 'webextension-polyfill';
import { totalMentions } from '../shared/entities.ts';
import type { MentionsReport } from '../shared/messages.ts';
import { highlightMentions } from './highlighter.ts';
import { injectHighlightStyle } from './style.ts';
import { benchMark, benchMeasure } from './perf.ts';

function run(): void {
  benchMark('start');
  // Typed non-null, but XML documents and framesets have no body.
  const body = document.body as HTMLElement | null;
  if (!body) return;
  const counts = highlightMentions(body);
  benchMeasure('initial-pass', 'start');
  if (totalMentions(counts) === 0) return;
  injectHighlightStyle(document);
  const report: MentionsReport = { type: 'mentions/report', counts };
  // The background may be restarting; a lost report only delays the badge.
  browser.runtime.sendMessage(report).catch(() => undefined);
}

run();
