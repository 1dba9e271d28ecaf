/**
 * The content script's view of the user's settings: read once when a page
 * first shows a possible mention (never on pages without one), then kept
 * current through storage.onChanged.
 */
import { type Settings } from '../shared/settings.ts';
import { loadSettings, onSettingsChanged } from '../shared/settingsStore.ts';

export class SettingsSource {
  private loading: Promise<Settings> | null = null;
  private readonly listeners: ((settings: Settings) => void)[] = [];
  private listening = false;

  /** The current settings; corrupt stored values fall back to their defaults. */
  get(): Promise<Settings> {
    if (!this.loading) {
      this.loading = loadSettings().then(({ settings }) => settings);
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
    onSettingsChanged(({ settings }) => {
      this.loading = Promise.resolve(settings);
      for (const listener of this.listeners) listener(settings);
    });
  }
}
