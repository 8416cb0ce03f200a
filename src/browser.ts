/**
 * The one module through which everything reaches the extension APIs: the browser's own
 * `browser` (Firefox) or `chrome` (Chromium, whose MV3 APIs return promises since well before
 * the minimum version the manifest asks for). webextension-polyfill (10 KB in every part that
 * imported it) is no longer shipped: what it added over `chrome` was a listener of
 * `runtime.onMessage` answering with a promise, and messaging.ts answers through
 * `sendResponse` instead, which both browsers support. Its types are kept. Unit tests mock
 * this single module.
 */
import type { Browser } from 'webextension-polyfill';

export type { Runtime, Tabs } from 'webextension-polyfill';

const g = globalThis as unknown as { browser?: Browser; chrome?: Browser };
const browser = (g.browser ?? g.chrome) as Browser;
export default browser;
