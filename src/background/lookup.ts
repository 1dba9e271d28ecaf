/**
 * "Claims about this" on the context menu of a selection: opens the claims library searching for the
 * selected text, beside the page. The menu item is made afresh each time the background starts (Chrome keeps
 * it, Firefox's event page does not; removing first keeps one).
 */
import browser from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';
import { librarySearchPath } from '../shared/pages.ts';

export const LOOKUP_MENU_ID = 'claimlight-lookup';

export async function registerLookupMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: LOOKUP_MENU_ID, title: t('menuLookup'), contexts: ['selection'] });
}

/** Where the library opens for a click on the menu item, or null for another item or an empty selection. */
export function lookupPath(info: { menuItemId: string | number; selectionText?: string }): string | null {
  if (info.menuItemId !== LOOKUP_MENU_ID) return null;
  const text = info.selectionText?.trim();
  return text ? librarySearchPath(text) : null;
}
