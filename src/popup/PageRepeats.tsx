/** "What this page repeats": each page sentence that repeats a claim, the claim, and a way back to the sentence. */
import { useState } from 'preact/hooks';
import { CLAIMS_INDEX } from '../shared/claimsIndex.ts';
import { t } from '../shared/i18n.ts';
import type { PageClaims } from '../shared/pageClaims.ts';
import { sendToTab } from '../shared/send.ts';
import { summarizeClaim } from '../shared/summary.ts';
import { ClaimView } from '../ui/ClaimView.tsx';

const CLAIM_BY_ID = new Map(CLAIMS_INDEX.claims.map((claim) => [claim.id, claim]));

export function PageRepeats({ page, tabId }: { page: PageClaims; tabId: number }) {
  const [gone, setGone] = useState<number | null>(null);
  if (page.sentences.length === 0) return null;
  const reveal = async (index: number) => {
    if (await sendToTab(tabId, 'page/reveal', { index })) window.close();
    else setGone(index);
  };
  return (
    <section class="page-repeats" aria-labelledby="page-repeats">
      <h2 id="page-repeats">{t('popupPageRepeats')}</h2>
      <p class="intro">{t('popupPageRepeatsIntro')}</p>
      <ol class="repeats">
        {page.sentences.flatMap((sentence, index) =>
          sentence.claims.map((id) => {
            const claim = CLAIM_BY_ID.get(id);
            if (!claim) return null;
            return (
              // One entry per (sentence, claim): a sentence that makes two claims is listed under each.
              <li key={`${String(index)}:${id}`} class="repeat" data-page-claim={id}>
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
