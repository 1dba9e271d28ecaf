/**
 * The content script's view of the user's settings: read once when a page
 * first shows a possible mention (never on pages without one), then kept
 * current through storage.onChanged.
 */
import browser from 'webextension-polyfill';
import { parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings.ts';

export class SettingsSource {
  private loading: Promise<Settings> | null = null;
  private readonly listeners: ((settings: Settings) => void)[] = [];
  private listening = false;

  /** The current settings; corrupt stored values fall back to their defaults. */
  get(): Promise<Settings> {
    if (!this.loading) {
      this.loading = browser.storage.sync
        .get(SETTINGS_KEY)
        .then((stored) => parseSettings(stored[SETTINGS_KEY]).settings)
        .catch(() => parseSettings(undefined).settings);
      this.listen();
    }
    return this.loading;
  }

  onChange(listener: (settings: Settings) => void): void {
    this.listeners.push(listener);
  }

  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    browser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'sync' || !(SETTINGS_KEY in changes)) return;
      const settings = parseSettings((changes[SETTINGS_KEY] as { newValue?: unknown } | undefined)?.newValue).settings;
      this.loading = Promise.resolve(settings);
      for (const listener of this.listeners) listener(settings);
    });
  }
}
