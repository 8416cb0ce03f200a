/** Service worker entry: wiring only. Listeners are registered synchronously at start. */
import browser, { type Runtime } from '../browser.ts';
import type { ContentToBackground, UiToBackground } from '../messages.ts';
import { callContent, listen } from '../messaging.ts';
import { analyzeTab, forgetTab, recordHighlights } from './tab-analysis.ts';
import { getCorpus } from './corpus.ts';
import { incursionSeries, summarizeCorpus } from './corpus-summary.ts';
import { fromUi, markNotSameStory } from './ui-requests.ts';
import { askPage, confirmTabPage } from './tab-pages.ts';
import { forgetArticles, importArticles, libraryState, savePage } from './library-requests.ts';

function senderTab(sender: Runtime.MessageSender): number {
  const id = sender.tab?.id;
  if (id === undefined) throw new Error('expected a message from a tab');
  return id;
}

listen<ContentToBackground & UiToBackground>('background', {
  analyzePage: (params, sender) => analyzeTab(senderTab(sender), params),
  reportHighlights: ({ run, stats }, sender) => recordHighlights(senderTab(sender), run, stats),
  clearPage: ({ run }, sender) => forgetTab(senderTab(sender), run),
  askPage: fromUi(({ tabId }) => askPage(tabId)),
  analyzeAnyway: fromUi(({ tabId }) => callContent(tabId, 'reanalyze', { force: true })),
  reanalyzeTab: fromUi(({ tabId }) => callContent(tabId, 'reanalyze', { force: false })),
  revealQuote: fromUi(({ tabId, quoteIndex }) => callContent(tabId, 'revealQuote', { quoteIndex })),
  markNotSameStory: fromUi(({ tabId, articleId }) => markNotSameStory(tabId, articleId)),
  corpusSummary: fromUi(async () => summarizeCorpus(await getCorpus())),
  incursionSeries: fromUi(async ({ until }) => incursionSeries(await getCorpus(), until)),
  savePage: fromUi(({ tabId }) => savePage(tabId)),
  libraryImport: fromUi(importArticles),
  libraryForget: fromUi(forgetArticles),
  libraryState: fromUi(libraryState),
});

browser.tabs.onRemoved.addListener((tabId) => {
  void forgetTab(tabId, null);
});

// A tab that finished loading (a new page, or single-page navigation) may have left its stored
// analysis behind: confirmed with the page (tab-pages.ts).
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status !== 'complete') return;
  confirmTabPage(tabId).catch((error: unknown) => {
    console.error('Backstory: could not confirm the page of tab', tabId, error);
  });
});
