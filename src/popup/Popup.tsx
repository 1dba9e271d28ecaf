import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { claimsAbout } from '../shared/claims.ts';
import { CLAIMS_INDEX } from '../shared/claimsIndex.ts';
import { ENTITY_IDS, totalMentions, type MentionCounts } from '../shared/entities.ts';
import { t } from '../shared/i18n.ts';
import { COMPANY_BY_ID } from '../shared/lexicon.ts';
import { parseTabState, type TabStateRequest } from '../shared/messages.ts';

type View = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; counts: MentionCounts };

async function loadCounts(tabId: Promise<number | null>): Promise<MentionCounts | null> {
  const id = await tabId;
  if (id === null) return null;
  const request: TabStateRequest = { type: 'tab/get-state', tabId: id };
  return parseTabState(await browser.runtime.sendMessage(request))?.counts ?? null;
}

function mentionLabel(count: number): string {
  return count === 1 ? t('popupMentionCountOne') : t('popupMentionCount', String(count));
}

export function Popup({ tabId }: { tabId: Promise<number | null> }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  useEffect(() => {
    loadCounts(tabId)
      .then((counts) => setView(counts ? { kind: 'ready', counts } : { kind: 'error' }))
      .catch(() => setView({ kind: 'error' }));
  }, [tabId]);

  return (
    <main class="popup" aria-live="polite" aria-busy={view.kind === 'loading'}>
      <h1>{t('popupTitle')}</h1>
      {view.kind === 'loading' && <p class="state">{t('popupLoading')}</p>}
      {view.kind === 'error' && (
        <p class="state" role="alert">
          {t('popupError')}
        </p>
      )}
      {view.kind === 'ready' && totalMentions(view.counts) === 0 && <p class="state">{t('popupNoMentions')}</p>}
      {view.kind === 'ready' && totalMentions(view.counts) > 0 && (
        <ul class="companies">
          {ENTITY_IDS.filter((id) => view.counts[id] > 0).map((id) => (
            <li key={id} data-entity={id}>
              <span class="name">{COMPANY_BY_ID.get(id)?.name ?? id}</span>
              <span class="count">{mentionLabel(view.counts[id])}</span>
              <span class="claims">{t('popupClaimCount', String(claimsAbout(CLAIMS_INDEX, id).length))}</span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
