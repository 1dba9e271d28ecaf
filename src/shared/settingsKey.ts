/** Where the settings live in storage.sync: on its own, so the content script's entry can read it without the rest. */
export const SETTINGS_KEY = 'settings';
