import { useState } from 'preact/hooks';
import { callBackground } from '../src/messaging.ts';

type State = 'idle' | 'busy' | 'saved' | 'updated' | 'reading' | 'failed';

const SAID: Record<State, string> = {
  idle: '',
  busy: 'Saving…',
  saved: 'Saved to your library.',
  updated: 'Already in your library: updated.',
  reading: 'Reading the page in full; it will be saved in a moment.',
  failed: 'Could not save this page.',
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
        Save this page
      </button>
      {state !== 'idle' && (
        <span class={state === 'failed' ? 'problem' : 'muted'} role="status">
          {SAID[state]} {problem}
        </span>
      )}
    </div>
  );
}
