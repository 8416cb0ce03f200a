/**
 * Content script entry: wiring only. This file and what it imports load on every page; the rest
 * (full.ts) is a separate module, imported only when the first look finds a page that may be
 * about China (see gate.ts and the README's "How it is built").
 */
/// <reference types="@crxjs/vite-plugin/client" />
import type { BackgroundToContent } from '../src/messages.ts';
// The built file name of full.ts, which the build makes web-accessible (only to http(s) pages).
import fullScript from './full.ts?script&module';
import { PageGate } from './gate.ts';
import { watchPage } from './page-watch.ts';
import { answerBackground } from './port.ts';

try {
  const gate = new PageGate(document, async () => {
    const full = (await import(
      /* @vite-ignore */ chrome.runtime.getURL(fullScript)
    )) as typeof import('./full.ts');
    return full.startSession(document);
  });
  const life = new AbortController();
  let asked: AbortController | null = null;

  // First run, and again on single-page navigation (the session drops stale highlights).
  watchPage((signal) => gate.run(signal), { signal: life.signal });

  answerBackground<BackgroundToContent>(
    {
      reanalyze: ({ force }) => {
        asked?.abort();
        asked = new AbortController();
        void gate.run(asked.signal, force);
        return true;
      },
      revealQuote: ({ quoteIndex }) => gate.reveal(quoteIndex),
    },
    life.signal,
  );
} catch (error) {
  // Never throw into the page.
  console.debug('Backstory: content script failed to start', error);
}
