/**
 * The one module that imports webextension-polyfill (the project's chosen way to one promise-based
 * `browser` API in Chromium and Firefox). Everything else imports `browser` from here, so unit
 * tests mock this single module (importing the polyfill outside an extension throws). In Firefox
 * the polyfill hands back the browser's own `browser` object.
 */
import browser from 'webextension-polyfill';

export type { Runtime, Tabs } from 'webextension-polyfill';
export default browser;
