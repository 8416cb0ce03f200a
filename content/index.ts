/** Content script entry: wiring only. */
import type { BackgroundToContent } from '../src/messages.ts';
import { listen } from '../src/messaging.ts';
import { watchSettings } from '../src/settings.ts';
import { PageSession } from './app.ts';

const session = new PageSession(document);
let current = new AbortController();

function rerun(force: boolean): void {
  current.abort();
  current = new AbortController();
  void session.run(current.signal, force);
}

listen<BackgroundToContent>('content', {
  reanalyze: ({ force }) => {
    rerun(force);
    return true;
  },
  revealQuote: ({ quoteIndex }) => session.reveal(quoteIndex),
});

watchSettings(() => void session.highlight());
rerun(false);
