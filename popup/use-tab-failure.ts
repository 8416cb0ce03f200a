import { useEffect, useState } from 'preact/hooks';
import { readFailure, watchFailure, type StoredFailure } from '../src/analysis-store.ts';

/** The failure stored for the tab's last analysis, if any, kept current like the analysis. */
export function useTabFailure(tabId: number | null): StoredFailure | null {
  const [failure, setFailure] = useState<StoredFailure | null>(null);
  useEffect(() => {
    setFailure(null);
    if (tabId === null) return undefined;
    let live = true;
    let changed = false;
    const stop = watchFailure(tabId, (f) => {
      changed = true;
      setFailure(f);
    });
    void readFailure(tabId).then((f) => {
      if (live && !changed) setFailure(f);
    });
    return () => {
      live = false;
      stop();
    };
  }, [tabId]);
  return failure;
}
