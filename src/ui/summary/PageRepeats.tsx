/**
 * "What this page repeats": each claim the page repeats, once, with how many of the page's sentences repeat
 * it and a way to step through them on the page; its sentences and its whole card one click away. A few
 * claims show, the rest are folded, so a story page's summary stays short.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { t, tPlural } from '../../shared/i18n.ts';
import { reportsLabel } from '../../shared/kinds.ts';
import type { PageClaims, SentenceId } from '../../shared/pageClaims.ts';
import { sendToTab } from '../../shared/send.ts';
import { summarizeClaim } from '../../shared/summary.ts';
import { useCatalog } from '../catalog.tsx';
import { ClaimRow } from '../ClaimRow.tsx';
import type { Surface } from './PageSummary.tsx';

/** Claims shown before the fold. */
const SHOWN = 4;

/** A claim the page repeats, and the page's sentences that repeat it (in page order). */
export interface RepeatedClaim {
  id: string;
  sentences: PageSentence[];
}

type PageSentence = PageClaims['sentences'][number];

/** Each claim the page repeats once: those more sentences repeat first, then in the order the page says them. */
export function repeatedClaims(page: PageClaims, known: ReadonlyMap<string, unknown>): RepeatedClaim[] {
  const byId = new Map<string, RepeatedClaim>();
  for (const sentence of page.sentences) {
    for (const id of sentence.claims) {
      if (!known.has(id)) continue;
      const entry = byId.get(id) ?? { id, sentences: [] };
      entry.sentences.push(sentence);
      byId.set(id, entry);
    }
  }
  return [...byId.values()]
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => b.entry.sentences.length - a.entry.sentences.length || a.order - b.order)
    .map(({ entry }) => entry);
}

export interface RepeatsProps {
  page: PageClaims;
  tabId: number;
  surface: Surface;
  /** Says where the reader now is on the page (the surface's one position line). */
  onPosition: (text: string | null) => void;
}

export function PageRepeats({ page, tabId, surface, onPosition }: RepeatsProps) {
  // Sentences are named by their ids, which the page knows them by too: never by a position in a list.
  const [shown, setShown] = useState<SentenceId | null>(null);
  const [gone, setGone] = useState<SentenceId | null>(null);
  // The sentence asked for last, ahead of the page's answer: quick clicks each take one more step.
  const asked = useRef<SentenceId | null>(null);
  const catalog = useCatalog();
  const claimById = useMemo(() => new Map(catalog.index.claims.map((claim) => [claim.id, claim])), [catalog]);
  const count = page.sentences.length;
  const claims = repeatedClaims(page, claimById);
  if (count === 0 || claims.length === 0) return null;

  /** Shows the sentence `id` on the page; `label` says which it is, for the position line. */
  const reveal = async (id: SentenceId, label: string) => {
    asked.current = id;
    const found = await sendToTab(tabId, 'page/reveal', { id });
    if (asked.current !== id) return;
    setGone(found ? null : id);
    setShown(found ? id : null);
    onPosition(found ? label : null);
  };
  /** The panel's previous / next over every sentence, in page order. */
  const step = (by: 1 | -1) => {
    const from = page.sentences.findIndex((sentence) => sentence.id === asked.current);
    const index = from < 0 ? (by > 0 ? 0 : count - 1) : (from + by + count) % count;
    const sentence = page.sentences[index];
    if (sentence) void reveal(sentence.id, t('panelSentencePosition', [String(index + 1), String(count)]));
  };
  const entry = (repeated: RepeatedClaim) => {
    const claim = claimById.get(repeated.id);
    if (!claim) return null;
    return (
      <RepeatedEntry
        key={repeated.id}
        repeated={repeated}
        summary={summarizeClaim(catalog, claim)}
        shown={shown}
        gone={gone}
        reveal={reveal}
      />
    );
  };

  return (
    <section class="page-repeats" aria-labelledby="page-repeats">
      <h2 id="page-repeats">{t('popupPageRepeats')}</h2>
      <p class="intro">
        {tPlural('popupRepeatsCount', count, [
          String(count),
          tPlural('popupRepeatsClaims', claims.length, [String(claims.length)]),
        ])}
      </p>
      {surface === 'panel' && (
        <p class="sentence-steps" role="group" aria-label={t('panelStepSentences')}>
          <button type="button" class="previous" onClick={() => step(-1)}>
            {t('panelPrevious')}
          </button>
          <button type="button" class="next" onClick={() => step(1)}>
            {t('panelNext')}
          </button>
        </p>
      )}
      <ol class="repeats">{claims.slice(0, SHOWN).map(entry)}</ol>
      {claims.length > SHOWN && (
        <details class="more-repeats">
          <summary>{tPlural('popupMoreRepeats', claims.length - SHOWN, [String(claims.length - SHOWN)])}</summary>
          <ol class="repeats">{claims.slice(SHOWN).map(entry)}</ol>
        </details>
      )}
    </section>
  );
}

function RepeatedEntry({
  repeated,
  summary,
  shown,
  gone,
  reveal,
}: {
  repeated: RepeatedClaim;
  summary: ReturnType<typeof summarizeClaim>;
  shown: SentenceId | null;
  gone: SentenceId | null;
  reveal: (id: SentenceId, label: string) => Promise<void>;
}) {
  const { sentences } = repeated;
  const n = sentences.length;
  // Where this claim's stepping stands: the position (in its sentences) of the one shown last.
  const at = shown === null ? -1 : sentences.findIndex((sentence) => sentence.id === shown);
  const go = (by: 1 | -1) => {
    const next = at < 0 ? (by > 0 ? 0 : n - 1) : (at + by + n) % n;
    const sentence = sentences[next];
    if (sentence) void reveal(sentence.id, t('positionClaimSentence', [String(next + 1), String(n)]));
  };
  return (
    <li
      class={at >= 0 ? 'repeat shown' : 'repeat'}
      data-page-claim={repeated.id}
      aria-current={at >= 0 ? 'location' : undefined}
    >
      <ClaimRow claim={summary} meta={false}>
        {/* The page's own sentences that repeat it, whole (long ones cut to three lines on screen). */}
        <ol class="page-sentences">
          {sentences.map((sentence) => (
            <li key={sentence.id}>
              <q class="page-sentence">{sentence.text}</q>
            </li>
          ))}
        </ol>
      </ClaimRow>
      <p class="repeat-actions">
        <span class="row-meta">
          {reportsLabel(summary.reports, summary.outOf)} · {tPlural('popupSentencesHere', n, [String(n)])}
        </span>
        {/* One sentence: show it. Several: show the first, then step through them. */}
        <span role="group" aria-label={t('panelStepSentences')}>
          {n > 1 && at >= 0 && (
            <button type="button" class="previous" onClick={() => go(-1)}>
              {t('panelPrevious')}
            </button>
          )}
          <button type="button" class="reveal" onClick={() => go(1)}>
            {n > 1 && at >= 0 ? t('panelNext') : t('popupShowInPage')}
          </button>
        </span>
      </p>
      {gone !== null && sentences.some((sentence) => sentence.id === gone) && (
        <p class="hint" role="status">
          {t('popupSentenceGone')}
        </p>
      )}
    </li>
  );
}
