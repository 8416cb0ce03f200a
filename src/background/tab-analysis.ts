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
import { isSilentSite, readSettings } from '../settings.ts';
import { showBadge } from './badge.ts';
import { getCorpus } from './corpus.ts';

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
  const [corpus, rejected] = await Promise.all([getCorpus(), rejectedFor(params.pageUrl)]);
  const analysis: StoredAnalysis = {
    pageUrl: params.pageUrl,
    ...analyzeExtracted(params.extracted, params.detection, corpus, {
      rejected,
      force: params.force,
    }),
  };
  await writeAnalysis(tabId, analysis);
  await showBadge(tabId, analysis);
  return analysis;
}

export async function recordHighlights(tabId: number, stats: HighlightStats): Promise<void> {
  const current = await readAnalysis(tabId);
  if (current) await writeAnalysis(tabId, { ...current, highlights: stats });
}

export async function forgetTab(tabId: number): Promise<void> {
  await removeAnalysis(tabId);
  await showBadge(tabId, null).catch(() => undefined);
}
