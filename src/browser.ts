/**
 * The one module that imports webextension-polyfill. Everything else imports `browser` from here,
 * so unit tests mock this single module (importing the polyfill outside an extension throws).
 */
import browser from 'webextension-polyfill';

export type { Runtime, Tabs } from 'webextension-polyfill';
export default browser;
