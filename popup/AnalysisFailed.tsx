/**
 * The popup's error state: the tab's last analysis failed. Says what went wrong (the worker's
 * error message) and offers to run the analysis again; the answer is a new stored analysis, or a
 * new failure.
 */
import { useEffect, useState } from 'preact/hooks';
import type { StoredFailure } from '../src/analysis-store.ts';
import { t } from '../src/i18n.ts';
import { callBackground } from '../src/messaging.ts';

export function AnalysisFailed({ tabId, failure }: { tabId: number; failure: StoredFailure }) {
  const [retry, setRetry] = useState<'idle' | 'busy' | 'no-page'>('idle');
  // A new failure is the answer to a retry that failed again.
  useEffect(() => setRetry('idle'), [failure.run]);
  const again = (): void => {
    setRetry('busy');
    const method = failure.force ? 'analyzeAnyway' : 'reanalyzeTab';
    callBackground(method, { tabId }).catch(() => setRetry('no-page'));
  };
  return (
    <section class="verdict" aria-labelledby="failed-title">
      <h1 id="failed-title" class="page-title">
        {t('failedTitle')}
      </h1>
      <p class="problem" role="alert">
        {failure.error}
      </p>
      <div class="anyway">
        <button type="button" class="primary" onClick={again} disabled={retry === 'busy'}>
          {retry === 'busy' ? t('retrying') : t('retry')}
        </button>
      </div>
      {retry === 'no-page' && (
        <p class="muted" role="status">
          {t('retryNoPage')}
        </p>
      )}
    </section>
  );
}
