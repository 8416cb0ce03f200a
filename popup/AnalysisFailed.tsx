/**
 * The popup's error state: the tab's last analysis failed, or asking its page for one did. Says
 * what went wrong (the error's message) and offers to try again; the answer is a new stored
 * analysis, or a new failure (`attempt` changes).
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../src/i18n.ts';

export function AnalysisFailed({
  error,
  attempt,
  retry,
}: {
  error: string;
  /** Identifies the failure shown: a new one resets the button. */
  attempt: number;
  retry: () => Promise<unknown>;
}) {
  const [state, setState] = useState<'idle' | 'busy' | 'no-page'>('idle');
  // A new failure is the answer to a retry that failed again.
  useEffect(() => setState('idle'), [attempt]);
  const again = (): void => {
    setState('busy');
    retry().catch(() => setState('no-page'));
  };
  return (
    <section class="verdict" aria-labelledby="failed-title">
      <h1 id="failed-title" class="page-title">
        {t('failedTitle')}
      </h1>
      <p class="problem" role="alert">
        {error}
      </p>
      <div class="anyway">
        <button type="button" class="primary" onClick={again} disabled={state === 'busy'}>
          {state === 'busy' ? t('retrying') : t('retry')}
        </button>
      </div>
      {state === 'no-page' && (
        <p class="muted" role="status">
          {t('retryNoPage')}
        </p>
      )}
    </section>
  );
}
