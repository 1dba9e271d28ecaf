/**
 * The WebExtension API (webextension-polyfill) for every context. Import it
 * from here, never from the package: see polyfill.cjs for why.
 */
import polyfill from './polyfill.cjs';

const browser = polyfill.browser;
export default browser;
