/**
 * Each tab's latest analysis lives in `storage.session` under `analysis:<tabId>`, so it survives
 * the service worker being stopped and the popup can read it directly (fast first render). A run
 * that failed leaves its error under `failure:<tabId>` (the popup shows it, with a retry) until a
 * later run of the tab succeeds. Only the worker writes either, through its per-tab queue
 * (src/background/tab-queue.ts).
 */
import browser from './browser.ts';
import type { Analysis } from './core/types.ts';

export interface StoredAnalysis extends Analysis {
  /** The address of the page the analysis belongs to. */
  pageUrl: string;
  /**
   * The run that made it (see tab-queue.ts): reports about the page name it. The worker always
   * sets it; optional so that hand-made analyses (tests, the popup's previews) need not.
   */
  run?: number;
}

/** A run of the tab's analysis that failed: what went wrong, and how to try again. */
export interface StoredFailure {
  pageUrl: string;
  run: number;
  /** What went wrong, as the error said it. */
  error: string;
  /** The run was asked to analyse a page detection did not flag ("analyse anyway"). */
  force: boolean;
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

export const failureKey = (tabId: number): string => `failure:${tabId}`;

export async function readFailure(tabId: number): Promise<StoredFailure | null> {
  const key = failureKey(tabId);
  const got = await browser.storage.session.get(key);
  return (got[key] as StoredFailure | undefined) ?? null;
}

export async function writeFailure(tabId: number, failure: StoredFailure): Promise<void> {
  await browser.storage.session.set({ [failureKey(tabId)]: failure });
}

export async function removeFailure(tabId: number): Promise<void> {
  await browser.storage.session.remove(failureKey(tabId));
}

/**
 * The failure to show for the tab: one newer than its analysis (an older one was followed by a
 * run that succeeded).
 */
export function currentFailure(
  analysis: StoredAnalysis | null,
  failure: StoredFailure | null,
): StoredFailure | null {
  if (!failure) return null;
  return !analysis || failure.run > (analysis.run ?? 0) ? failure : null;
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

/** Call `onChange` whenever the failure recorded for `tabId` changes; returns the unsubscribe. */
export function watchFailure(
  tabId: number,
  onChange: (failure: StoredFailure | null) => void,
): () => void {
  const key = failureKey(tabId);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'session' || !(key in changes)) return;
    onChange((changes[key]?.newValue as StoredFailure | undefined) ?? null);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
