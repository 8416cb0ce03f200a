import { useState } from 'preact/hooks';
import browser from '../src/browser.ts';
import { t, type MessageKey } from '../src/i18n.ts';
import { callBackground } from '../src/messaging.ts';

type State = 'idle' | 'busy' | 'saved' | 'updated' | 'reading' | 'closed' | 'unread';

const SAID: Record<Exclude<State, 'idle'>, MessageKey> = {
  busy: 'saving',
  saved: 'savedToLibrary',
  updated: 'savedUpdated',
  reading: 'savedReading',
  closed: 'saveFailedClosed',
  unread: 'saveFailedUnread',
};

/** Why a save failed, in reader words: the tab is gone, or its page could not be read. */
async function failure(tabId: number): Promise<'closed' | 'unread'> {
  return browser.tabs.get(tabId).then(
    () => 'unread',
    () => 'closed',
  );
}

/**
 * "Save this page": keep the tab's article in the reader's library, flagged or not. A failure is
 * said in reader words; the browser's own message is kept as the sentence's tooltip.
 */
export function SavePage({ tabId }: { tabId: number }) {
  const [state, setState] = useState<State>('idle');
  const [problem, setProblem] = useState<string | null>(null);
  const save = (): void => {
    setState('busy');
    setProblem(null);
    callBackground('savePage', { tabId }).then(setState, async (err: unknown) => {
      setProblem(err instanceof Error ? err.message : String(err));
      setState(await failure(tabId));
    });
  };
  const failed = state === 'closed' || state === 'unread';
  return (
    <div class="save-page">
      <button type="button" onClick={save} disabled={state === 'busy'}>
        {t('savePage')}
      </button>
      {state !== 'idle' && (
        <span class={failed ? 'problem' : 'muted'} role="status" title={problem ?? undefined}>
          {t(SAID[state])}
        </span>
      )}
    </div>
  );
}
