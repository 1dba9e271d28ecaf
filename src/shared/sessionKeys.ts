/**
 * Keys of what the background keeps per tab in storage.session: written by
 * the background, watched by the side panel to follow the tab it shows.
 */
export const mentionsKey = (tabId: number): string => `tab:${String(tabId)}`;
export const pageClaimsKey = (tabId: number): string => `page:${String(tabId)}`;
