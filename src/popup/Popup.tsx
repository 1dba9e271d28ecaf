/** The toolbar popup: the companies the current tab mentions and what the reports say about them. */
import { useEffect, useState } from 'preact/hooks';
import { totalMentions } from '../shared/entities.ts';
import { t } from '../shared/i18n.ts';
import { send } from '../shared/send.ts';
import { currentWindowId, hasSidePanel, openSidePanel } from '../shared/sidePanel.ts';
import { LibraryFooter, SummaryHeader } from '../ui/summary/Frame.tsx';
import { PageSummary } from '../ui/summary/PageSummary.tsx';
import { loadPageState, type PageState } from '../ui/summary/state.ts';

/** How often, and how many times, an open popup asks whether the page's sentences are matched yet. */
const PAGE_POLL_MS = 400;
const PAGE_POLLS = 25;

type View = { kind: 'loading' } | { kind: 'error' } | { kind: 'ready'; state: PageState };

export function Popup({ tabId }: { tabId: Promise<number | null> }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  // Known before any click: the side panel opens only straight from the reader's click, nothing awaited first.
  const [windowId, setWindowId] = useState<number | null>(null);
  const load = () =>
    tabId
      .then((id) => (id === null ? null : loadPageState(id)))
      .then((state) => setView(state ? { kind: 'ready', state } : { kind: 'error' }))
      .catch(() => setView({ kind: 'error' }));
  useEffect(() => {
    void load();
  }, [tabId]);
  useEffect(() => {
    if (hasSidePanel()) void currentWindowId().then(setWindowId);
  }, []);
  // The page's sentences are matched once its highlights are in: a popup opened sooner asks again, briefly.
  const waitingFor =
    view.kind === 'ready' && view.state.page === null && totalMentions(view.state.counts) > 0 ? view.state : null;
  useEffect(() => {
    if (!waitingFor) return undefined;
    const state = waitingFor;
    let tries = 0;
    const timer = setInterval(() => {
      if (++tries > PAGE_POLLS) clearInterval(timer);
      void send('page/get-claims', { tabId: state.tabId }).then((page) => {
        if (!page) return;
        clearInterval(timer);
        setView({ kind: 'ready', state: { ...state, page } });
      });
    }, PAGE_POLL_MS);
    return () => clearInterval(timer);
  }, [waitingFor !== null]);

  if (view.kind === 'loading') {
    return (
      <main class="popup" aria-busy="true">
        <p class="state">{t('popupLoading')}</p>
      </main>
    );
  }
  if (view.kind === 'error') {
    return (
      <main class="popup">
        <p class="state" role="alert">
          {t('popupError')}
        </p>
      </main>
    );
  }

  const { state } = view;
  const openPanel = () => {
    void openSidePanel(windowId).then((opened) => {
      if (opened) window.close();
    });
  };
  return (
    <main class="popup">
      <SummaryHeader>
        {hasSidePanel() && (
          <button type="button" class="link-button open-panel" onClick={openPanel}>
            {t('popupOpenPanel')}
          </button>
        )}
      </SummaryHeader>
      <PageSummary
        state={state}
        surface="popup"
        onSettings={(settings) => setView({ kind: 'ready', state: { ...state, settings } })}
        onAccessGranted={() => void load()}
      />
      <LibraryFooter />
    </main>
  );
}
