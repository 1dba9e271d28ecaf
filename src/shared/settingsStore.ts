/** Reading and writing the settings in storage.sync, for the extension pages. */
import browser from 'webextension-polyfill';
import { parseSettings, SETTINGS_KEY, type Settings } from './settings.ts';

/** The stored settings, validated: corrupt fields fall back to their defaults and are listed in `reset`. */
export async function loadSettings(): Promise<{ settings: Settings; reset: string[] }> {
  const stored: Record<string, unknown> = await browser.storage.sync.get(SETTINGS_KEY).catch(() => ({}));
  return parseSettings(stored[SETTINGS_KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.sync.set({ [SETTINGS_KEY]: settings });
}
