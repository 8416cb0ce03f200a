/** End-to-end harness: the shared extension-in-Chromium helpers, for tests. */
export * from '../../scripts/extension-browser.ts';
