/**
 * The content script's view of the user's settings: read once when a page
 * first shows a possible mention (never on pages without one), then kept
 * current through storage.onChanged.
 */
import { parseSettings, type Settings } from '../shared/settings.ts';
import { loadSettings, onSettingsChanged } from '../shared/settingsStore.ts';

export class SettingsSource {
  private loading: Promise<Settings> | null = null;
  private readonly listeners: ((settings: Settings) => void)[] = [];
  private listening = false;

  /** `stored`: the stored value, when its read has already begun (the entry starts it with the engine's load). */
  constructor(private readonly stored?: Promise<unknown>) {}

  /** The current settings; corrupt stored values fall back to their defaults. */
  get(): Promise<Settings> {
    if (!this.loading) {
      this.loading = this.stored
        ? this.stored.then((raw) => parseSettings(raw).settings)
        : loadSettings().then(({ settings }) => settings);
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
