/** Content script entry: wiring only. */
import type { BackgroundToContent } from '../src/messages.ts';
import { listen } from '../src/messaging.ts';
import { watchSettings } from '../src/settings.ts';
import { PageSession } from './app.ts';
import { watchPage } from './page-watch.ts';

try {
  const session = new PageSession(document);
  const life = new AbortController();
  let asked: AbortController | null = null;

  // First run, and again on single-page navigation (the session drops stale highlights).
  watchPage((signal) => session.run(signal), { signal: life.signal });

  listen<BackgroundToContent>('content', {
    reanalyze: ({ force }) => {
      asked?.abort();
      asked = new AbortController();
      void session.run(asked.signal, force);
      return true;
    },
    revealQuote: ({ quoteIndex }) => session.reveal(quoteIndex),
  });

  watchSettings((settings) => session.applySettings(settings));
} catch (error) {
  // Never throw into the page.
  console.debug('Backstory: content script failed to start', error);
}
