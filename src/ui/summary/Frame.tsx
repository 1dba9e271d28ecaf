/** What the popup and the side panel put around a page's summary: the title and links above, the library below. */
import type { ComponentChildren } from 'preact';
import browser from '../../shared/browser.ts';
import { t } from '../../shared/i18n.ts';
import { libraryPath } from '../../shared/pages.ts';

/** The title, any links of the surface's own (`children`), and the options page. */
export function SummaryHeader({ children }: { children?: ComponentChildren }) {
  return (
    <header class="top">
      <h1>{t('popupTitle')}</h1>
      <span class="top-links">
        {children}
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupOptions')}
        </button>
      </span>
    </header>
  );
}

export function LibraryFooter() {
  return (
    <footer class="bottom">
      <button
        type="button"
        class="link-button"
        onClick={() => void browser.tabs.create({ url: browser.runtime.getURL(libraryPath(null)) })}
      >
        {t('popupLibrary')}
      </button>
    </footer>
  );
}
