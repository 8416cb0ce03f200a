/**
 * What Backstory's own pages ask of the library: save a tab's page, import one file's articles,
 * forget articles, and the library's state. Problems writing the library while reading pages are
 * kept for the options page to show (the page itself is never bothered).
 */
import browser from '../browser.ts';
import { callContent } from '../messaging.ts';
import type { LibraryArticle } from '../library/types.ts';
import type { LibraryState } from '../messages.ts';
import { getLibrary, storeArticles, storePage, forget } from './library.ts';
import { inTabQueue } from './tab-queue.ts';
import type { ExtractedArticle } from '../core/types.ts';

/** The latest extraction of each tab, for "Save this page" (lost with the worker; re-read then). */
export const lastExtracted = new Map<number, { pageUrl: string; extracted: ExtractedArticle }>();

const PROBLEM_KEY = 'library:problem';
const pendingKey = (tabId: number) => `library:save:${tabId}`;

export async function reportLibraryProblem(err: unknown): Promise<void> {
  const message = err instanceof Error ? err.message : String(err);
  await browser.storage.session.set({ [PROBLEM_KEY]: { message, at: new Date().toISOString() } });
}

/**
 * Whether the reader asked to save the page now being analysed in this tab (and clears it).
 * Called in the tab's queue (tab-analysis.ts).
 */
export async function takePendingSave(tabId: number, pageUrl: string): Promise<boolean> {
  const key = pendingKey(tabId);
  const got = await browser.storage.session.get(key);
  if (got[key] === undefined) return false;
  await browser.storage.session.remove(key);
  return got[key] === pageUrl;
}

/**
 * "Save this page": stored at once when the tab's article text is at hand, else the page is read
 * in full again and saved when its analysis arrives.
 */
export async function savePage(tabId: number): Promise<'saved' | 'updated' | 'reading'> {
  const last = lastExtracted.get(tabId);
  if (last && last.extracted.paragraphs.length > 0 && !last.extracted.notArticleReason) {
    const r = await storePage(last.extracted, last.pageUrl, 'saved');
    return r.added > 0 ? 'saved' : 'updated';
  }
  const tab = await browser.tabs.get(tabId);
  if (!tab.url) throw new Error('This tab has no page to save.');
  const pageUrl = last?.pageUrl ?? tab.url;
  // Tab state: set in the tab's queue, so the run it asks for (queued after) finds it.
  await inTabQueue(tabId, () => browser.storage.session.set({ [pendingKey(tabId)]: pageUrl }));
  await callContent(tabId, 'reanalyze', { force: true });
  return 'reading';
}

export async function importArticles(params: {
  file: string;
  articles: LibraryArticle[];
  exact: boolean;
}): Promise<{ added: number; updated: number }> {
  const r = await storeArticles(params.articles, { exact: params.exact });
  return { added: r.added, updated: r.updated };
}

export async function forgetArticles(params: {
  ids?: string[];
  site?: string;
  all?: boolean;
}): Promise<number> {
  return forget(params);
}

export async function libraryState(): Promise<LibraryState> {
  const lib = await getLibrary();
  const got = await browser.storage.session.get(PROBLEM_KEY);
  const problem = got[PROBLEM_KEY] as { message: string } | undefined;
  return { articles: lib.live.size, skipped: lib.skipped, problem: problem?.message ?? null };
}
