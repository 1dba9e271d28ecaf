/**
 * "What this page repeats": each page sentence that repeats a claim, the claim, and a way back to the
 * sentence. In the side panel, previous / next step through the sentences in page order.
 */
import { useRef, useState } from 'preact/hooks';
import { CLAIMS_INDEX } from '../../shared/claimsIndex.ts';
import { t } from '../../shared/i18n.ts';
import type { PageClaims } from '../../shared/pageClaims.ts';
import { sendToTab } from '../../shared/send.ts';
import { summarizeClaim } from '../../shared/summary.ts';
import { ClaimView } from '../ClaimView.tsx';
import type { Surface } from './PageSummary.tsx';

const CLAIM_BY_ID = new Map(CLAIMS_INDEX.claims.map((claim) => [claim.id, claim]));

export function PageRepeats({ page, tabId, surface }: { page: PageClaims; tabId: number; surface: Surface }) {
  const [gone, setGone] = useState<number | null>(null);
  const [shown, setShown] = useState<number | null>(null);
  // The sentence asked for last, ahead of the page's answer: quick clicks each take one more step.
  const asked = useRef<number | null>(null);
  const count = page.sentences.length;
  if (count === 0) return null;
  const reveal = async (index: number) => {
    asked.current = index;
    const found = await sendToTab(tabId, 'page/reveal', { index });
    if (asked.current !== index) return;
    if (found && surface === 'popup') window.close();
    setGone(found ? null : index);
    setShown(found ? index : null);
  };
  const step = (by: 1 | -1) => {
    const from = asked.current;
    void reveal(from === null ? (by > 0 ? 0 : count - 1) : (from + by + count) % count);
  };
  return (
    <section class="page-repeats" aria-labelledby="page-repeats">
      <h2 id="page-repeats">{t('popupPageRepeats')}</h2>
      <p class="intro">{t('popupPageRepeatsIntro')}</p>
      {surface === 'panel' && (
        <div class="sentence-steps">
          <span role="group" aria-label={t('panelStepSentences')}>
            <button type="button" class="previous" onClick={() => step(-1)}>
              {t('panelPrevious')}
            </button>
            <button type="button" class="next" onClick={() => step(1)}>
              {t('panelNext')}
            </button>
          </span>
          <span class="position" role="status">
            {shown !== null && t('panelSentencePosition', [String(shown + 1), String(count)])}
          </span>
        </div>
      )}
      <ol class="repeats">
        {page.sentences.flatMap((sentence, index) =>
          sentence.claims.map((id) => {
            const claim = CLAIM_BY_ID.get(id);
            if (!claim) return null;
            return (
              // One entry per (sentence, claim): a sentence that makes two claims is listed under each.
              <li
                key={`${String(index)}:${id}`}
                class={shown === index ? 'repeat shown' : 'repeat'}
                data-page-claim={id}
                aria-current={shown === index ? 'location' : undefined}
              >
                {/* The whole sentence is in the text; long ones are cut to three lines by CSS. */}
                <q class="page-sentence">{sentence.text}</q>
                <ClaimView claim={summarizeClaim(CLAIMS_INDEX, claim)} quotes="folded" note="folded" />
                <button type="button" class="reveal" onClick={() => void reveal(index)}>
                  {t('popupShowInPage')}
                </button>
                {gone === index && (
                  <p class="hint" role="status">
                    {t('popupSentenceGone')}
                  </p>
                )}
              </li>
            );
          }),
        )}
      </ol>
    </section>
  );
}
