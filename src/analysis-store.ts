/**
 * Each tab's latest analysis lives in `storage.session` under `analysis:<tabId>`, so it survives
 * the service worker being stopped and the popup can read it directly (fast first render).
 */
import browser from './browser.ts';
import type { Analysis } from './core/types.ts';

export interface StoredAnalysis extends Analysis {
  /** The address of the page the analysis belongs to. */
  pageUrl: string;
}

export const analysisKey = (tabId: number): string => `analysis:${tabId}`;

export async function readAnalysis(tabId: number): Promise<StoredAnalysis | null> {
  const key = analysisKey(tabId);
  const got = await browser.storage.session.get(key);
  return (got[key] as StoredAnalysis | undefined) ?? null;
}

export async function writeAnalysis(tabId: number, analysis: StoredAnalysis): Promise<void> {
  await browser.storage.session.set({ [analysisKey(tabId)]: analysis });
}

export async function removeAnalysis(tabId: number): Promise<void> {
  await browser.storage.session.remove(analysisKey(tabId));
}

/** Call `onChange` whenever the analysis of `tabId` changes; returns the unsubscribe function. */
export function watchAnalysis(
  tabId: number,
  onChange: (analysis: StoredAnalysis | null) => void,
): () => void {
  const key = analysisKey(tabId);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'session' || !(key in changes)) return;
    onChange((changes[key]?.newValue as StoredAnalysis | undefined) ?? null);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
