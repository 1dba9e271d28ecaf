/**
 * "What this page repeats": each claim the page repeats, once, with how many of the page's sentences repeat
 * it and a way to step through them on the page; its sentences and its whole card one click away. A few
 * claims show, the rest are folded, so a story page's summary stays short.
 */
import { useRef, useState } from 'preact/hooks';
import { CLAIMS_INDEX } from '../../shared/claimsIndex.ts';
import { t, tPlural } from '../../shared/i18n.ts';
import { reportsLabel } from '../../shared/kinds.ts';
import type { PageClaims } from '../../shared/pageClaims.ts';
import { sendToTab } from '../../shared/send.ts';
import { summarizeClaim } from '../../shared/summary.ts';
import { ClaimRow } from '../ClaimRow.tsx';
import type { Surface } from './PageSummary.tsx';

const CLAIM_BY_ID = new Map(CLAIMS_INDEX.claims.map((claim) => [claim.id, claim]));
/** Claims shown before the fold. */
const SHOWN = 4;

/** A claim the page repeats, and the page's sentences (their positions in the page's list) that repeat it. */
export interface RepeatedClaim {
  id: string;
  sentences: number[];
}

/** Each claim the page repeats once: those more sentences repeat first, then in the order the page says them. */
export function repeatedClaims(page: PageClaims): RepeatedClaim[] {
  const byId = new Map<string, RepeatedClaim>();
  page.sentences.forEach((sentence, index) => {
    for (const id of sentence.claims) {
      if (!CLAIM_BY_ID.has(id)) continue;
      const entry = byId.get(id) ?? { id, sentences: [] };
      entry.sentences.push(index);
      byId.set(id, entry);
    }
  });
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
  const [shown, setShown] = useState<number | null>(null);
  const [gone, setGone] = useState<number | null>(null);
  // The sentence asked for last, ahead of the page's answer: quick clicks each take one more step.
  const asked = useRef<number | null>(null);
  const count = page.sentences.length;
  const claims = repeatedClaims(page);
  if (count === 0 || claims.length === 0) return null;

  /** Shows sentence `index` on the page; `label` says which it is, for the position line. */
  const reveal = async (index: number, label: string) => {
    asked.current = index;
    const found = await sendToTab(tabId, 'page/reveal', { index });
    if (asked.current !== index) return;
    setGone(found ? null : index);
    setShown(found ? index : null);
    onPosition(found ? label : null);
  };
  /** The panel's previous / next over every sentence, in page order. */
  const step = (by: 1 | -1) => {
    const from = asked.current;
    const index = from === null ? (by > 0 ? 0 : count - 1) : (from + by + count) % count;
    void reveal(index, t('panelSentencePosition', [String(index + 1), String(count)]));
  };
  const entry = (repeated: RepeatedClaim) => {
    const claim = CLAIM_BY_ID.get(repeated.id);
    if (!claim) return null;
    return (
      <RepeatedEntry
        key={repeated.id}
        repeated={repeated}
        summary={summarizeClaim(CLAIMS_INDEX, claim)}
        page={page}
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
  page,
  shown,
  gone,
  reveal,
}: {
  repeated: RepeatedClaim;
  summary: ReturnType<typeof summarizeClaim>;
  page: PageClaims;
  shown: number | null;
  gone: number | null;
  reveal: (index: number, label: string) => Promise<void>;
}) {
  const { sentences } = repeated;
  const n = sentences.length;
  // Where this claim's stepping stands: the position (in its sentences) of the one shown last.
  const at = shown === null ? -1 : sentences.indexOf(shown);
  const go = (by: 1 | -1) => {
    const next = at < 0 ? (by > 0 ? 0 : n - 1) : (at + by + n) % n;
    const index = sentences[next];
    if (index !== undefined) void reveal(index, t('positionClaimSentence', [String(next + 1), String(n)]));
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
          {sentences.map((index) => (
            <li key={index}>
              <q class="page-sentence">{page.sentences[index]?.text}</q>
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
      {gone !== null && sentences.includes(gone) && (
        <p class="hint" role="status">
          {t('popupSentenceGone')}
        </p>
      )}
    </li>
  );
}
