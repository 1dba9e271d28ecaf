/**
 * The one place that reads and writes the settings in storage.sync, for every
 * context: each read is validated (corrupt fields fall back to their defaults
 * and are listed in `reset`).
 */
import browser from './browser.ts';
import type { Storage } from 'webextension-polyfill';
import { parseSettings, SETTINGS_KEY, type ParsedSettings, type Settings } from './settings.ts';

export async function loadSettings(): Promise<ParsedSettings> {
  const stored: Record<string, unknown> = await browser.storage.sync.get(SETTINGS_KEY).catch(() => ({}));
  return parseSettings(stored[SETTINGS_KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.sync.set({ [SETTINGS_KEY]: settings });
}

/** Calls `listener` with the new settings whenever they change (here, in another context or on another device). */
export function onSettingsChanged(listener: (parsed: ParsedSettings) => void): () => void {
  const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes) listener(parseSettings(changes[SETTINGS_KEY].newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
