/**
 * Types for the `chrome` object inside the extension's service worker, where
 * Playwright tests evaluate code. The same promise API as the polyfill's.
 */
import type { Browser } from 'webextension-polyfill';

export type ChromeApi = Browser;
