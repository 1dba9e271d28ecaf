/**
 * Opening Claimlight's side panel: Chrome's side panel (`chrome.sidePanel`)
 * or Firefox's sidebar (`sidebarAction`). Both browsers open it only in
 * answer to the reader's own action, so `openSidePanel` must be called
 * straight from a click or command handler, with nothing awaited before it.
 */
import browser from './browser.ts';

/** The part of Chrome's side panel API used here (the polyfill does not cover it). */
interface ChromeSidePanel {
  open(options: { windowId: number }): Promise<void>;
}

function chromeSidePanel(): ChromeSidePanel | null {
  const chrome = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome;
  return chrome?.sidePanel ?? null;
}

function firefoxSidebar(): { open(): Promise<void> } | null {
  // Absent on Firefox for Android, and in Chrome.
  return (browser as { sidebarAction?: { open(): Promise<void> } }).sidebarAction ?? null;
}

/** Whether this browser has a side panel for Claimlight (Firefox for Android has none). */
export function hasSidePanel(): boolean {
  return chromeSidePanel() !== null || firefoxSidebar() !== null;
}

/** Opens the panel in `windowId` (Chrome needs it; Firefox opens it in the window the reader acted in). */
export function openSidePanel(windowId: number | null): Promise<boolean> {
  const chromePanel = chromeSidePanel();
  if (chromePanel && windowId !== null)
    return chromePanel.open({ windowId }).then(
      () => true,
      () => false,
    );
  const sidebar = firefoxSidebar();
  if (sidebar)
    return sidebar.open().then(
      () => true,
      () => false,
    );
  return Promise.resolve(false);
}

/** The id of the window this page is shown in, or null where the browser has no windows (Firefox for Android). */
export function currentWindowId(): Promise<number | null> {
  const windows = (browser as { windows?: typeof browser.windows }).windows;
  if (!windows) return Promise.resolve(null);
  return windows.getCurrent().then(
    (w) => w.id ?? null,
    () => null,
  );
}
