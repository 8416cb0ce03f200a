import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../src/i18n.ts';
import { callBackground } from '../src/messaging.ts';

type State = 'idle' | 'busy' | 'saved' | 'updated' | 'reading' | 'failed';

const SAID: Record<Exclude<State, 'idle'>, MessageKey> = {
  busy: 'saving',
  saved: 'savedToLibrary',
  updated: 'savedUpdated',
  reading: 'savedReading',
  failed: 'saveFailed',
};

/** "Save this page": keep the tab's article in the reader's library, flagged or not. */
export function SavePage({ tabId }: { tabId: number }) {
  const [state, setState] = useState<State>('idle');
  const [problem, setProblem] = useState<string | null>(null);
  const save = (): void => {
    setState('busy');
    setProblem(null);
    callBackground('savePage', { tabId }).then(setState, (err: unknown) => {
      setState('failed');
      setProblem(err instanceof Error ? err.message : null);
    });
  };
  return (
    <div class="save-page">
      <button type="button" onClick={save} disabled={state === 'busy'}>
        {t('savePage')}
      </button>
      {state !== 'idle' && (
        <span class={state === 'failed' ? 'problem' : 'muted'} role="status">
          {t(SAID[state])} {problem}
        </span>
      )}
    </div>
  );
}
