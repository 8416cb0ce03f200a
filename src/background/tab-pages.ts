/**
 * What the worker asks a tab's page. A page that names no Chinese actor sends nothing by itself
 * (the every-page script's cost, see content/gate.ts), so:
 *
 * - the popup, finding no analysis stored for its tab, has the worker ask the page for its
 *   verdict (`askPage`), which is then analysed and stored like any other;
 * - a stored analysis (or failure) may outlive its page: the tab moved on to a page that sends
 *   nothing. When a tab finishes loading (`tabs.onUpdated`, status `complete`), the worker asks
 *   the page its address and forgets what is stored for another address. That event also comes
 *   on single-page navigation (pushState) and `#hash` jumps in Chromium, so nothing is forgotten
 *   without asking: a page at the same address (the fragment aside) keeps its analysis.
 */
import { readAnalysis, readFailure } from '../analysis-store.ts';
import { callContent } from '../messaging.ts';
import { withoutFragment } from '../page-address.ts';
import { analyzeTab, forgetRecords } from './tab-analysis.ts';

/**
 * The browsers' errors for a message that no content script of ours received: no listener in the
 * tab (Chromium and Firefox), or no such tab (Chromium, Firefox).
 */
const NO_RECEIVER = /Receiving end does not exist|No tab with id|Invalid tab ID/i;

/** Whether `error` says no content script of ours is in the tab to answer. */
export function isNoReceiver(error: unknown): boolean {
  return NO_RECEIVER.test(error instanceof Error ? error.message : String(error));
}

/** Ask the tab's page for its verdict and store its analysis (UiToBackground.askPage). */
export async function askPage(tabId: number): Promise<'stored' | 'pending' | 'no-page'> {
  let verdict;
  try {
    verdict = await callContent(tabId, 'verdict', {});
  } catch (error) {
    if (isNoReceiver(error)) return 'no-page';
    throw error;
  }
  if (!verdict) return 'pending';
  await analyzeTab(tabId, { ...verdict, force: false });
  return 'stored';
}

/** The page's address, or null when no content script of ours answers in the tab. */
async function addressOf(tabId: number): Promise<string | null> {
  try {
    return await callContent(tabId, 'pageAddress', {});
  } catch (error) {
    if (isNoReceiver(error)) return null;
    throw error;
  }
}

/**
 * The tab finished loading: forget what is stored for it unless its page is still at the stored
 * address. True when something was forgotten.
 */
export async function confirmTabPage(tabId: number): Promise<boolean> {
  const [analysis, failure] = await Promise.all([readAnalysis(tabId), readFailure(tabId)]);
  if (!analysis && !failure) return false;
  const address = await addressOf(tabId);
  const stale = (pageUrl: string): boolean =>
    address === null || withoutFragment(address) !== withoutFragment(pageUrl);
  const analysisRun = analysis && stale(analysis.pageUrl) ? (analysis.run ?? 0) : null;
  const failureRun = failure && stale(failure.pageUrl) ? failure.run : null;
  if (analysisRun === null && failureRun === null) return false;
  // Only what was checked: an analysis stored meanwhile (a newer run) is the page's own.
  return forgetRecords(tabId, analysisRun, failureRun);
}
