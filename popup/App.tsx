import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { currentFailure, type StoredAnalysis } from '../src/analysis-store.ts';
import browser from '../src/browser.ts';
import type { RelatedItem } from '../src/core/types.ts';
import { callBackground } from '../src/messaging.ts';
import { isSilentSite } from '../src/settings.ts';
import { AnalysisFailed } from './AnalysisFailed.tsx';
import { hostnameOf } from './format.ts';
import { t, tn } from '../src/i18n.ts';
import { HighlightSwitches } from './HighlightSwitches.tsx';
import { IncursionChart, CHART } from './IncursionChart.tsx';
import { LibraryNotice } from './LibraryNotice.tsx';
import { nameOfFor } from '../src/name-display.ts';
import { Names } from './names.ts';
import { OfficialList } from './OfficialList.tsx';
import { SavePage } from './SavePage.tsx';
import { QuoteList, type RevealState } from './QuoteList.tsx';
import { RelatedList } from './RelatedList.tsx';
import { Skeleton } from './Skeleton.tsx';
import { SinceThisArticle } from './SinceThisArticle.tsx';
import { startsAfterArticle, Timeline } from './Timeline.tsx';
import { useAskPage } from './use-ask-page.ts';
import { useBackground } from './use-background.ts';
import { toggleSite, useSettings } from './use-settings.ts';
import { useElapsed, useTabAnalysis, type TabState } from './use-tab-analysis.ts';
import { useTabFailure } from './use-tab-failure.ts';
import { Verdict, type Anyway } from './Verdict.tsx';

/** Marks read by bench/popup.ts: first commit, and first commit with the tab's analysis. */
export const MARK_FIRST = 'backstory:first-render';
export const MARK_DATA = 'backstory:data-render';

/** How long the popup waits for a page's first analysis before saying there is none. */
export const WAIT_MS = 4000;

function hasResults(a: StoredAnalysis): boolean {
  return a.related.length > 0 || a.quotes.some((q) => q.matches.length > 0) || a.context.length > 0;
}

function Shell({ site, children }: { site: string | null; children: ComponentChildren }) {
  return (
    <div class="shell">
      <header class="bar top">
        <span class="brand">
          <img src="/icons/icon-32.png" width="18" height="18" alt="" />
          {t('brand')}
        </span>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </header>
      <main id="content" class="scroll">
        {children}
      </main>
      <footer class="bar bottom">
        <HighlightSwitches site={site} />
      </footer>
    </div>
  );
}

function Sections({ tabId, analysis }: { tabId: number; analysis: StoredAnalysis }) {
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [reveal, setReveal] = useState<ReadonlyMap<number, RevealState>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const until = analysis.article?.publishedAt ?? null;
  // Every count, so the popup can tell "none before the article" from "the counts start later".
  const allCounts = useBackground('incursionSeries', { until: null }, 'all');
  const more = analysis.moreContext ?? [];
  // The section counts the timeline events it offers: those listed and those behind "more".
  const eventCount = analysis.context.length + more.length;
  const summary = useBackground('corpusSummary', eventCount === 0 ? {} : null, 'summary');
  const chartStart =
    allCounts.status === 'ok' ? startsAfterArticle('chart', allCounts.value[0]?.date, until) : null;

  const same = analysis.related.filter((r) => r.relation === 'same-story');
  const related = analysis.related.filter((r) => r.relation !== 'same-story');
  const quoteCount = analysis.quotes.filter((q) => q.matches.length > 0).length;

  const reject = (item: RelatedItem): void => {
    setPending((p) => new Set(p).add(item.id));
    setProblem(null);
    callBackground('markNotSameStory', { tabId, articleId: item.id })
      .catch(() => setProblem(t('correctionFailed')))
      .finally(() =>
        setPending((p) => {
          const next = new Set(p);
          next.delete(item.id);
          return next;
        }),
      );
  };
  const show = (quoteIndex: number): void => {
    const set = (state: RevealState): void => setReveal((m) => new Map(m).set(quoteIndex, state));
    set('busy');
    callBackground('revealQuote', { tabId, quoteIndex }).then(
      (found) => set(found ? 'shown' : 'missing'),
      () => set('missing'),
    );
  };

  return (
    <>
      <nav class="jump" aria-label={t('sectionsNav')}>
        <a href="#same-h">{tn('jumpSame', same.length)}</a>
        <a href="#related-h">{tn('jumpRelated', related.length)}</a>
        <a href="#quotes-h">{tn('jumpQuotes', quoteCount)}</a>
        <a href="#context-h">{tn('jumpEvents', eventCount)}</a>
      </nav>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      <RelatedList
        id="same-h"
        heading={t('sameStoryHeading')}
        items={same}
        empty={t('sameStoryEmpty')}
        onReject={reject}
        pending={pending}
      />
      <RelatedList
        id="related-h"
        heading={t('relatedHeading')}
        items={related}
        empty={t('relatedEmpty')}
        onReject={null}
        pending={pending}
      />
      <OfficialList items={analysis.official ?? []} />
      <QuoteList
        quotes={analysis.quotes}
        related={analysis.related}
        onReveal={show}
        reveal={reveal}
      />
      <section aria-labelledby="context-h">
        <h2 id="context-h">
          {t('contextHeading')} {eventCount > 0 && <span class="count">{eventCount}</span>}
        </h2>
        <div class="chart-slot" style={{ minHeight: `${CHART.height + 22}px` }}>
          {chartStart !== null ? (
            <p class="chart-empty" style={{ height: `${CHART.height}px` }}>
              {chartStart}
            </p>
          ) : allCounts.status === 'ok' ? (
            <IncursionChart
              points={allCounts.value.filter((p) => until === null || p.date <= until)}
              articleDate={until}
            />
          ) : allCounts.status === 'error' ? (
            <p class="empty">{t('chartUnavailable')}</p>
          ) : (
            <div class="bone chart-bone" aria-hidden="true" />
          )}
        </div>
        {eventCount === 0 ? (
          <p class="empty">
            {(summary.status === 'ok' &&
              startsAfterArticle('timeline', summary.value.eventDates?.from, until)) ||
              t('contextEmpty')}
          </p>
        ) : (
          <Timeline items={analysis.context} more={more} articleDate={until} />
        )}
        <SinceThisArticle items={analysis.since ?? []} />
      </section>
    </>
  );
}

function Body({ initial }: { initial?: TabState | undefined }) {
  const tab = useTabAnalysis(initial);
  const [anyway, setAnyway] = useState<Anyway>('idle');
  const [requested, setRequested] = useState(false);
  const analysis = tab.status === 'ready' ? tab.analysis : null;
  const tabId = tab.status === 'ready' ? tab.tabId : null;
  const failure = currentFailure(analysis, useTabFailure(tabId));
  const waitedLong = useElapsed(tab.status === 'ready' && analysis === null, WAIT_MS);
  // No analysis stored: a page that names no Chinese actor gives its verdict when asked.
  const { asked, retry } = useAskPage(
    tabId,
    tab.status === 'ready' && analysis === null && failure === null,
  );
  const marked = useRef(false);
  const { settings, update } = useSettings();

  // Layout effects run as the render commits to the DOM: the marks time the commit itself.
  useLayoutEffect(() => {
    performance.mark(MARK_FIRST);
  }, []);
  useLayoutEffect(() => {
    if (analysis && !marked.current) {
      marked.current = true;
      performance.mark(MARK_DATA);
    }
  }, [analysis]);
  useEffect(() => {
    // A new analysis after "analyse anyway" is its answer.
    setAnyway((a) => (a === 'busy' ? 'idle' : a));
  }, [analysis]);

  const site = hostnameOf(analysis?.pageUrl);
  if (failure && tabId !== null) {
    return (
      <Shell site={hostnameOf(failure.pageUrl)}>
        <AnalysisFailed
          error={failure.error}
          attempt={failure.run}
          retry={() => callBackground(failure.force ? 'analyzeAnyway' : 'reanalyzeTab', { tabId })}
        />
      </Shell>
    );
  }
  if (!analysis && asked.status === 'failed') {
    return (
      <Shell site={site}>
        <AnalysisFailed error={asked.error} attempt={asked.attempt} retry={retry} />
      </Shell>
    );
  }
  if (!analysis || tabId === null) {
    // Still coming: the shape of a result. None will come: say so, once, without placeholders.
    if (tab.status === 'ready' && (tabId === null || waitedLong)) {
      return (
        <Shell site={site}>
          <section class="verdict" aria-labelledby="verdict-title">
            <h1 id="verdict-title" class="page-title">
              {t('noAnalysisTitle')}
            </h1>
            <p class="muted" role="status">
              {t('noAnalysisText')}
            </p>
          </section>
        </Shell>
      );
    }
    return (
      <Shell site={site}>
        <Skeleton note={tab.status === 'loading' ? t('noteReading') : t('noteExtracting')} />
      </Shell>
    );
  }

  if (site && settings && isSilentSite(settings, site)) {
    const speakAgain = (): void => {
      void update((s) => ({ ...s, silentSites: toggleSite(s.silentSites, site, false) })).then(() =>
        callBackground('reanalyzeTab', { tabId }).catch(() => false),
      );
    };
    return (
      <Shell site={site}>
        <section class="verdict" aria-labelledby="verdict-title">
          <h1 id="verdict-title" class="page-title">
            {t('silentTitle', site)}
          </h1>
          <p class="muted">{t('silentText')}</p>
          <div class="anyway">
            <button type="button" class="primary" onClick={speakAgain}>
              {t('silentUndo')}
            </button>
          </div>
        </section>
      </Shell>
    );
  }

  const diplomacy = analysis.detection.label === 'us-china-diplomacy';
  const forced = !diplomacy && analysis.article !== null && (requested || hasResults(analysis));
  const analyseAnyway = (): void => {
    setAnyway('busy');
    callBackground('analyzeAnyway', { tabId }).then(
      () => {
        setRequested(true);
        // The answer is a new stored analysis; if the result is unchanged none arrives.
        setTimeout(() => setAnyway((a) => (a === 'busy' ? 'idle' : a)), 8000);
      },
      () => setAnyway('failed'),
    );
  };
  return (
    <Shell site={site}>
      <Names.Provider value={nameOfFor(analysis)}>
        <Verdict
          analysis={analysis}
          site={site}
          forced={forced}
          anyway={anyway}
          onAnalyseAnyway={analyseAnyway}
        />
        <LibraryNotice analysis={analysis} site={site} />
        {analysis.article !== null && <SavePage tabId={tabId} />}
        {analysis.detection.label === 'not-article' && <p class="empty">{t('notArticleHint')}</p>}
        {(diplomacy || forced) && <Sections tabId={tabId} analysis={analysis} />}
      </Names.Provider>
    </Shell>
  );
}

/** `initial`: the tab's state when it could be read before the first render. */
export function App({ initial }: { initial?: TabState | undefined }) {
  return <Body initial={initial} />;
}
