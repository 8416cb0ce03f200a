import { useEffect, useState } from 'preact/hooks';
import { readAnalysis, watchAnalysis, type StoredAnalysis } from '../src/analysis-store.ts';
import browser from '../src/browser.ts';

export type TabState =
  { status: 'loading' } | { status: 'ready'; tabId: number; analysis: StoredAnalysis | null };

/** The tab the popup is about: `?tabId=` when opened as a page (tests, start), else the active tab. */
async function targetTabId(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export function useTabAnalysis(): TabState {
  const [state, setState] = useState<TabState>({ status: 'loading' });
  useEffect(() => {
    let stop = (): void => undefined;
    void targetTabId().then(async (tabId) => {
      if (tabId === null) return setState({ status: 'ready', tabId: -1, analysis: null });
      stop = watchAnalysis(tabId, (analysis) => setState({ status: 'ready', tabId, analysis }));
      setState({ status: 'ready', tabId, analysis: await readAnalysis(tabId) });
    });
    return () => stop();
  }, []);
  return state;
}
