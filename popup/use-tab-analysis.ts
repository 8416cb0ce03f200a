import { useEffect, useState } from 'preact/hooks';
import { readAnalysis, watchAnalysis, type StoredAnalysis } from '../src/analysis-store.ts';
import browser from '../src/browser.ts';

export type TabState =
  | { status: 'loading' }
  | { status: 'ready'; tabId: number | null; analysis: StoredAnalysis | null };

/** The tab the popup is about: `?tabId=` when opened as a page (tests, start), else the active tab. */
export async function targetTabId(search = location.search): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** Read the tab and its analysis once (main.tsx starts this before the first render). */
export async function loadTabState(): Promise<TabState> {
  const tabId = await targetTabId();
  return { status: 'ready', tabId, analysis: tabId === null ? null : await readAnalysis(tabId) };
}

const same = (a: StoredAnalysis | null, b: StoredAnalysis | null): boolean =>
  a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * The tab's analysis, read straight from storage.session (no round trip through the service
 * worker) and kept current as the background rewrites it. `initial` is what was read before
 * the first render, so that render already has the data.
 */
export function useTabAnalysis(initial?: TabState): TabState {
  const [state, setState] = useState<TabState>(initial ?? { status: 'loading' });
  useEffect(() => {
    let stop = (): void => undefined;
    let live = true;
    void targetTabId().then(async (tabId) => {
      if (!live) return;
      if (tabId === null) return setState({ status: 'ready', tabId: null, analysis: null });
      let changed = false;
      stop = watchAnalysis(tabId, (analysis) => {
        changed = true;
        setState({ status: 'ready', tabId, analysis });
      });
      // Read again after subscribing: a write between the first read and now is not lost.
      const analysis = await readAnalysis(tabId);
      if (!live || changed) return;
      setState((prev) =>
        prev.status === 'ready' && prev.tabId === tabId && same(prev.analysis, analysis)
          ? prev
          : { status: 'ready', tabId, analysis },
      );
    });
    return () => {
      live = false;
      stop();
    };
  }, []);
  return state;
}

/** True once `ms` have passed since `active` became true (and while it stays true). */
export function useElapsed(active: boolean, ms: number): boolean {
  const [elapsed, setElapsed] = useState(false);
  useEffect(() => {
    setElapsed(false);
    if (!active) return undefined;
    const timer = setTimeout(() => setElapsed(true), ms);
    return () => clearTimeout(timer);
  }, [active, ms]);
  return elapsed;
}
