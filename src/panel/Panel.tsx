/**
 * The side panel (Chrome) or sidebar (Firefox): the popup's summary of the
 * active tab, kept open beside the page and kept current as the reader
 * switches tabs, navigates, and as the page changes.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { LibraryFooter, SummaryHeader } from '../ui/summary/Frame.tsx';
import { PageSummary } from '../ui/summary/PageSummary.tsx';
import { loadPageState, type PageState } from '../ui/summary/state.ts';
import { followActiveTab } from './follow.ts';

/** Changes come in bursts (a count report, then the page's sentences): one reload after they settle. */
const RELOAD_DELAY_MS = 120;
/**
 * When a page has not answered yet (its engine starts after the browser says the page loaded), it is asked
 * again after these delays, then left as it is: a page without mentions never answers.
 */
const UNANSWERED_RETRIES_MS = [300, 1000, 3000];

type View = { kind: 'loading' } | { kind: 'error' } | { kind: 'no-tab' } | { kind: 'ready'; state: PageState };

export function Panel({ windowId }: { windowId: Promise<number | null> }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const tab = useRef<number | null>(null);
  // Each load is numbered: an answer about a tab the reader has left is dropped.
  const loads = useRef(0);
  const retries = useRef(0);

  const load = (tabId: number | null) => {
    const id = ++loads.current;
    if (tabId === null) {
      setView({ kind: 'no-tab' });
      return;
    }
    loadPageState(tabId)
      .then((state) => {
        if (id === loads.current) setView({ kind: 'ready', state });
      })
      .catch(() => {
        if (id === loads.current) setView({ kind: 'error' });
      });
  };

  useEffect(() => {
    let stop: (() => void) | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    void windowId.then((id) => {
      if (cancelled) return;
      if (id === null) {
        setView({ kind: 'error' });
        return;
      }
      stop = followActiveTab(id, {
        switched: (tabId) => {
          clearTimeout(timer);
          tab.current = tabId;
          retries.current = 0;
          load(tabId);
        },
        changed: () => {
          clearTimeout(timer);
          retries.current = 0;
          timer = setTimeout(() => load(tab.current), RELOAD_DELAY_MS);
        },
      });
    });
    return () => {
      cancelled = true;
      clearTimeout(timer);
      stop?.();
    };
  }, [windowId]);

  const unanswered = view.kind === 'ready' && view.state.unsupported === 'unknown';
  useEffect(() => {
    if (!unanswered) return undefined;
    const delay = UNANSWERED_RETRIES_MS[retries.current];
    if (delay === undefined) return undefined;
    retries.current++;
    const retry = setTimeout(() => load(tab.current), delay);
    return () => clearTimeout(retry);
  }, [view]);

  return (
    <main class="panel" aria-busy={view.kind === 'loading'}>
      <SummaryHeader />
      {view.kind === 'ready' && view.state.site !== null && view.state.unsupported === null && (
        <p class="panel-site">{t('panelShowing', view.state.site)}</p>
      )}
      {view.kind === 'loading' ? (
        <p class="state">{t('popupLoading')}</p>
      ) : view.kind === 'error' ? (
        <p class="state" role="alert">
          {t('popupError')}
        </p>
      ) : view.kind === 'no-tab' ? (
        <p class="state">{t('panelNoTab')}</p>
      ) : (
        <PageSummary
          // A new tab is a new summary: positions and searches of the last one do not carry over.
          key={view.state.tabId}
          state={view.state}
          surface="panel"
          onSettings={(settings) => setView({ kind: 'ready', state: { ...view.state, settings } })}
          onAccessGranted={() => load(tab.current)}
        />
      )}
      <LibraryFooter />
    </main>
  );
}
