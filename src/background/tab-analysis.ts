/**
 * The background's share of the pipeline for one tab: match the extracted article against the
 * corpus, apply the reader's corrections, keep the result in storage.session, set the badge.
 */
import {
  removeAnalysis,
  readAnalysis,
  writeAnalysis,
  type StoredAnalysis,
} from '../analysis-store.ts';
import type { HighlightStats } from '../core/types.ts';
import { rejectedFor } from '../corrections.ts';
import { analyzeExtracted } from '../core/analyze.ts';
import type { ContentToBackground } from '../messages.ts';
import { normalizeUrl } from '../library/record.ts';
import { withSources } from '../library/sources.ts';
import { isSilentSite, readSettings, remembersSite } from '../settings.ts';
import { showBadge } from './badge.ts';
import { getLibrary, libraryIdsOf, storePage } from './library.ts';
import { lastExtracted, reportLibraryProblem, takePendingSave } from './library-requests.ts';

type AnalyzeParams = Parameters<ContentToBackground['analyzePage']>[0];

function hostname(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export async function analyzeTab(tabId: number, params: AnalyzeParams): Promise<StoredAnalysis> {
  const settings = await readSettings();
  if (isSilentSite(settings, hostname(params.pageUrl))) {
    const silent: StoredAnalysis = {
      pageUrl: params.pageUrl,
      article: null,
      detection: {
        label: 'unrelated',
        score: 0,
        reasons: ['Backstory is silent on this site (options).'],
      },
      related: [],
      quotes: [],
      context: [],
    };
    await writeAnalysis(tabId, silent);
    await showBadge(tabId, null);
    return silent;
  }
  const [library, rejected] = await Promise.all([getLibrary(), rejectedFor(params.pageUrl)]);
  lastExtracted.set(tabId, { pageUrl: params.pageUrl, extracted: params.extracted });
  // The library's copies of this very page are never its own related coverage.
  const meta = params.extracted.meta;
  const urls = [params.pageUrl, meta?.url, meta?.canonicalUrl].map((u) => u && normalizeUrl(u));
  const exclude = new Set(await libraryIdsOf(library, urls));
  const analysis: StoredAnalysis = {
    pageUrl: params.pageUrl,
    ...library.live.without(exclude, () =>
      withSources(
        analyzeExtracted(params.extracted, params.detection, library.corpus, {
          rejected,
          force: params.force,
        }),
        library.lookup,
      ),
    ),
  };
  await writeAnalysis(tabId, analysis);
  await showBadge(tabId, analysis);
  await keepInLibrary(tabId, params, analysis, remembersSite(settings, hostname(params.pageUrl)));
  return analysis;
}

/** Remembered reading, and a "Save this page" that waited for the page to be read in full. */
async function keepInLibrary(
  tabId: number,
  params: AnalyzeParams,
  analysis: StoredAnalysis,
  remember: boolean,
): Promise<void> {
  const readable = analysis.article !== null && params.extracted.paragraphs.length > 0;
  const save = await takePendingSave(tabId, params.pageUrl);
  const diplomacy = analysis.detection.label === 'us-china-diplomacy';
  if (!readable || (!save && !(remember && diplomacy))) return;
  try {
    await storePage(params.extracted, params.pageUrl, save ? 'saved' : 'remembered');
  } catch (err) {
    await reportLibraryProblem(err);
  }
}

export async function recordHighlights(tabId: number, stats: HighlightStats): Promise<void> {
  const current = await readAnalysis(tabId);
  if (current) await writeAnalysis(tabId, { ...current, highlights: stats });
}

export async function forgetTab(tabId: number): Promise<void> {
  lastExtracted.delete(tabId);
  await removeAnalysis(tabId);
  await showBadge(tabId, null).catch(() => undefined);
}
