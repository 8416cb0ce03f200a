/**
 * Requests from Backstory's own pages (popup, options): who may send them, and the reader's
 * "not the same story" correction.
 */
import { readAnalysis, writeAnalysis } from '../analysis-store.ts';
import browser, { type Runtime } from '../browser.ts';
import { addCorrection } from '../corrections.ts';
import { markedNotSameStory } from '../core/match/same-story.ts';
import { callContent } from '../messaging.ts';
import { showBadge } from './badge.ts';
import { inTabQueue } from './tab-queue.ts';

/**
 * UI methods act on any tab, so only the extension's own pages may call them: a content script
 * shares the extension id but its sender URL is the web page's.
 */
export function isExtensionPage(sender: Runtime.MessageSender): boolean {
  return sender.url?.startsWith(browser.runtime.getURL('/')) ?? false;
}

/** Wrap a UI handler so that it runs only for messages from the extension's own pages. */
export function fromUi<P, R>(
  handler: (params: P) => R,
): (params: P, sender: Runtime.MessageSender) => R {
  return (params, sender) => {
    if (!isExtensionPage(sender)) throw new Error('expected a message from a Backstory page');
    return handler(params);
  };
}

/**
 * Remember the correction, move the article out of the same story in the stored analysis at
 * once (the popup updates without waiting; matching does the same on every later run: the
 * article stays as related coverage, marked), then ask the page to run again. The change is made
 * in the tab's queue, on whichever analysis is newest when its turn comes; the run it asks for
 * is queued after it and reads the correction.
 */
export async function markNotSameStory(tabId: number, articleId: string): Promise<boolean> {
  const force = await inTabQueue(tabId, async () => {
    const current = await readAnalysis(tabId);
    if (!current) return null;
    await addCorrection(current.pageUrl, articleId);
    const related = current.related.map((r) =>
      r.id === articleId && r.relation === 'same-story' ? markedNotSameStory(r) : r,
    );
    const next = { ...current, related };
    await writeAnalysis(tabId, next);
    await showBadge(tabId, next);
    // A page the reader analysed on request is not labelled diplomacy: keep it forced.
    return current.article !== null && current.detection.label !== 'us-china-diplomacy';
  });
  if (force === null) return false;
  // The correction is kept whether or not the page answers (it may be gone or reloading).
  await callContent(tabId, 'reanalyze', { force }).catch(() => false);
  return true;
}
