/**
 * The background's share of the pipeline for one tab: match the extracted article against the
 * corpus, apply the reader's corrections, keep the result in storage.session, set the badge.
 * Every change to the tab's stored state goes through the tab's queue (tab-queue.ts).
 */
import {
  readAnalysis,
  readFailure,
  removeAnalysis,
  removeFailure,
  writeAnalysis,
  writeFailure,
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
import { getLibrary, libraryIdsOf, overLibrary, storePage } from './library.ts';
import { lastExtracted, reportLibraryProblem, takePendingSave } from './library-requests.ts';
import { forgetRuns, inTabQueue, nextRun } from './tab-queue.ts';
import { bare } from '../core/reasons.ts';

type AnalyzeParams = Parameters<ContentToBackground['analyzePage']>[0];
/** An analysis the worker made: it always names its run. */
type RunAnalysis = StoredAnalysis & { run: number };

function hostname(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * Analyse the page a tab's content script extracted. The run id is taken as the request arrives,
 * the work is done in the tab's queue (after every earlier change of the tab), and the result
 * replaces the stored analysis only when no newer run has been stored. A failure is stored for
 * the popup to show and travels back to the content script as `{ ok: false, error }`.
 */
export function analyzeTab(tabId: number, params: AnalyzeParams): Promise<RunAnalysis> {
  const run = nextRun(tabId);
  return inTabQueue(tabId, async () => {
    try {
      const { analysis, remember } = await analyzeRun(tabId, run, params);
      const stored = await readAnalysis(tabId);
      if (stored && (stored.run ?? 0) > run) return analysis;
      await writeAnalysis(tabId, analysis);
      await removeFailure(tabId);
      await showBadge(tabId, analysis);
      if (remember !== null) await keepInLibrary(tabId, params, analysis, remember);
      return analysis;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await writeFailure(tabId, {
        pageUrl: params.pageUrl,
        run,
        error: message,
        force: params.force,
      });
      await showBadge(tabId, null);
      throw error;
    }
  });
}

/** The run's analysis, and whether the reader keeps what they read (null: a silent site). */
async function analyzeRun(
  tabId: number,
  run: number,
  params: AnalyzeParams,
): Promise<{ analysis: RunAnalysis; remember: boolean | null }> {
  const settings = await readSettings();
  if (isSilentSite(settings, hostname(params.pageUrl))) {
    const silent: RunAnalysis = {
      pageUrl: params.pageUrl,
      run,
      article: null,
      detection: {
        label: 'unrelated',
        score: 0,
        reasons: [bare('silent-site')],
      },
      related: [],
      quotes: [],
      context: [],
    };
    return { analysis: silent, remember: null };
  }
  const [library, rejected] = await Promise.all([getLibrary(), rejectedFor(params.pageUrl)]);
  lastExtracted.set(tabId, { pageUrl: params.pageUrl, extracted: params.extracted });
  // The library's copies of this very page are never its own related coverage.
  const meta = params.extracted.meta;
  const urls = [params.pageUrl, meta?.url, meta?.canonicalUrl].map((u) => u && normalizeUrl(u));
  const exclude = new Set(await libraryIdsOf(library, urls));
  const analysis: RunAnalysis = {
    pageUrl: params.pageUrl,
    run,
    ...(await overLibrary(library, exclude, params.extracted, { rejected }, () =>
      withSources(
        analyzeExtracted(params.extracted, params.detection, library.corpus, {
          rejected,
          force: params.force,
        }),
        library.lookup,
      ),
    )),
  };
  return { analysis, remember: remembersSite(settings, hostname(params.pageUrl)) };
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

/**
 * The content script placed (or re-placed) the run's quotes: keep the counts with the run's
 * analysis. A report about an older run than the one stored is dropped (false).
 */
export function recordHighlights(
  tabId: number,
  run: number,
  stats: HighlightStats,
): Promise<boolean> {
  return inTabQueue(tabId, async () => {
    const current = await readAnalysis(tabId);
    if (!current || current.run !== run) return false;
    await writeAnalysis(tabId, { ...current, highlights: stats });
    return true;
  });
}

/**
 * The tab's page went away: forget its analysis and failure. `run` (from a content script): only
 * when it is the stored analysis' run, so a stale request cannot clear a newer page's analysis;
 * null (the tab closed): whatever is stored.
 */
export function forgetTab(tabId: number, run: number | null): Promise<boolean> {
  return inTabQueue(tabId, async () => {
    if (run !== null) {
      const current = await readAnalysis(tabId);
      if (current && current.run !== run) return false;
    } else forgetRuns(tabId);
    lastExtracted.delete(tabId);
    await removeAnalysis(tabId);
    await removeFailure(tabId);
    await showBadge(tabId, null).catch(() => undefined);
    return true;
  });
}

/**
 * Forget the tab's stored analysis of run `analysisRun` and failure of run `failureRun` (null:
 * leave it), each only if it is still the one stored (a newer run is kept). True when something
 * was forgotten.
 */
export function forgetRecords(
  tabId: number,
  analysisRun: number | null,
  failureRun: number | null,
): Promise<boolean> {
  return inTabQueue(tabId, async () => {
    let forgot = false;
    const analysis = analysisRun === null ? null : await readAnalysis(tabId);
    if (analysis && (analysis.run ?? 0) === analysisRun) {
      lastExtracted.delete(tabId);
      await removeAnalysis(tabId);
      await showBadge(tabId, null);
      forgot = true;
    }
    const failure = failureRun === null ? null : await readFailure(tabId);
    if (failure && failure.run === failureRun) {
      await removeFailure(tabId);
      forgot = true;
    }
    return forgot;
  });
}
