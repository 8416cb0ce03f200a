/**
 * Content script entry: wiring only. The build makes this file and what it imports ONE classic
 * script (vite.config.ts, everyPageScript), which runs on every page; the rest (full.ts) is a
 * module, imported only when the glance finds a page that may be about China (see gate.ts and
 * the README's "How it is built").
 */
import type { BackgroundToContent } from '../src/messages.ts';
import { PageGate } from './gate.ts';
import { watchPage } from './page-watch.ts';
import { answerBackground } from './port.ts';

/** The built file name of full.ts (web-accessible to http(s) pages), set by the build. */
declare const __BACKSTORY_FULL__: string;

function start(): void {
  const gate = new PageGate(document, async () => {
    const full = (await import(
      /* @vite-ignore */ chrome.runtime.getURL(__BACKSTORY_FULL__)
    )) as typeof import('./full.ts');
    return full.startSession(document);
  });
  const life = new AbortController();
  let asked: AbortController | null = null;
  // Once the rest is loaded (the page names China, or the reader asked), the page's content is
  // watched too; until then only its address.
  const run = async (signal: AbortSignal, force = false, byWorker = false): Promise<void> => {
    await gate.run(signal, force, byWorker);
    if (gate.loaded) watch.watchContent();
  };
  /** A run the worker asked for; it replaces the one it asked for before. */
  const runAsked = (force: boolean): void => {
    asked?.abort();
    asked = new AbortController();
    void run(asked.signal, force, true);
  };

  // First run, and again on single-page navigation (the session drops stale highlights).
  const watch = watchPage((signal) => run(signal), { signal: life.signal, content: false });

  answerBackground<BackgroundToContent>(
    {
      reanalyze: ({ force }) => {
        runAsked(force);
        return true;
      },
      revealQuote: ({ quoteIndex }) => gate.reveal(quoteIndex),
      verdict: () => {
        const verdict = gate.verdict();
        // The page names a Chinese actor now, and nothing has read it yet: read it.
        if (!verdict && !gate.loaded) runAsked(false);
        return verdict;
      },
      pageAddress: () => location.href,
    },
    life.signal,
  );
}

/**
 * At document_idle, at once: the glance is one XPath query and one regular expression; waiting
 * for an idle callback first was a task of its own on every page (with the XPath read, 0.27 ms
 * less script time a page, see BENCHMARKS.md, "Page cost").
 */
try {
  start();
} catch (error) {
  // Never throw into the page.
  console.debug('Backstory: content script failed to start', error);
}
