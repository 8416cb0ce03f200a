import { useEffect, useState } from 'preact/hooks';
import { callBackground } from '../src/messaging.ts';

/** How often the popup asks again while the tab has no analysis (a page still loading). */
export const ASK_AGAIN_MS = 1000;

export type Asked =
  | { status: 'idle' }
  /** Asked: the answer comes as a stored analysis, or the page's own analysis is under way. */
  | { status: 'asked' }
  /** No content script of ours answers in the tab (yet). */
  | { status: 'no-page' }
  | { status: 'failed'; error: string; attempt: number };

/**
 * While the tab has no stored analysis (`missing`), ask its page for its verdict through the
 * worker (a page that names no Chinese actor sends none by itself), and again every
 * ASK_AGAIN_MS while none is stored (the page may still be loading). A failure stops the asking
 * and is the state to show; `retry` asks again.
 */
export function useAskPage(
  tabId: number | null,
  missing: boolean,
): { asked: Asked; retry: () => Promise<unknown> } {
  const [asked, setAsked] = useState<Asked>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (tabId === null || !missing) return undefined;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = (): void => {
      callBackground('askPage', { tabId }).then(
        (answer) => {
          if (!live) return;
          setAsked({ status: answer === 'no-page' ? 'no-page' : 'asked' });
          if (answer !== 'stored') timer = setTimeout(ask, ASK_AGAIN_MS);
        },
        (error: unknown) => {
          if (!live) return;
          const message = error instanceof Error ? error.message : String(error);
          setAsked({ status: 'failed', error: message, attempt });
        },
      );
    };
    ask();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [tabId, missing, attempt]);
  const retry = (): Promise<unknown> => {
    setAsked({ status: 'idle' });
    setAttempt((n) => n + 1);
    return Promise.resolve();
  };
  return { asked, retry };
}
