import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browserMock } from '../browser-mock.ts';
import { settle, useRenderRoot } from './render-root.ts';
import { diplomacy, notArticle, unrelated } from './fixtures.ts';
import { reason } from '../../../src/core/reasons.ts';

vi.mock('../../../src/browser.ts', () => ({
  default: Object.assign(browserMock, {
    runtime: Object.assign(browserMock.runtime, { openOptionsPage: vi.fn() }),
  }),
}));
const { App, MARK_DATA } = await import('../../../popup/App.tsx');
const { writeAnalysis } = await import('../../../src/analysis-store.ts');

const TAB = 42;
const root = useRenderRoot();
let sent: Array<{ method: string; params: unknown }>;
/** What the background answers, by method; anything else is answered with `true`. */
let answers: Record<string, unknown>;

beforeEach(() => {
  browserMock.storage.session.reset();
  browserMock.storage.local.reset();
  history.replaceState(null, '', `?tabId=${TAB}`);
  performance.clearMarks();
  sent = [];
  answers = { incursionSeries: [] };
  // The background answers every UI call with success; the test reads what was asked.
  vi.spyOn(browserMock.runtime, 'sendMessage').mockImplementation(async (m: unknown) => {
    const { method, params } = m as { method: string; params: unknown };
    sent.push({ method, params });
    return { ok: true, value: method in answers ? answers[method] : true };
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function mountApp(): Promise<HTMLElement> {
  act(() => render(<App />, root()));
  await settle();
  return root();
}

describe('the popup', () => {
  it('shows a skeleton while the tab has no analysis, then the analysis when it is stored', async () => {
    const el = await mountApp();
    expect(el.querySelector('.skeleton')).not.toBeNull();
    expect(el.textContent).toContain('Analysing this page');
    expect(performance.getEntriesByName(MARK_DATA)).toHaveLength(0);

    await act(() => writeAnalysis(TAB, diplomacy));
    await settle();
    expect(el.querySelector('.skeleton')).toBeNull();
    expect(el.textContent).toContain('Leaders speak by video as trade frictions linger');
    for (const heading of [
      'Same story',
      'Related coverage',
      'Quotes on this page',
      'Prior context',
    ]) {
      expect(el.querySelector('h2')?.closest('main')?.textContent).toContain(heading);
    }
    expect(performance.getEntriesByName(MARK_DATA)).toHaveLength(1);
    expect(sent).toContainEqual({ method: 'incursionSeries', params: { until: null } });
    // The section counts the events it offers: two listed, one behind "more".
    expect(el.querySelector('#context-h .count')?.textContent).toBe('3');
    expect(el.querySelector('a[href="#context-h"]')?.textContent).toBe('3 events');
  });

  it('asks the page for its verdict when the tab has none stored, and not when it has one', async () => {
    await mountApp();
    expect(sent).toContainEqual({ method: 'askPage', params: { tabId: TAB } });
    render(null, root());
    sent = [];
    await writeAnalysis(TAB, unrelated);
    await mountApp();
    expect(sent.map((s) => s.method)).not.toContain('askPage');
  });

  it('shows the error, not "no analysis", when asking the page fails, and asks again on retry', async () => {
    let fail = true;
    vi.spyOn(browserMock.runtime, 'sendMessage').mockImplementation(async (m: unknown) => {
      const { method, params } = m as { method: string; params: unknown };
      sent.push({ method, params });
      if (method === 'askPage' && fail) return { ok: false, error: 'the page broke' };
      return { ok: true, value: method === 'askPage' ? 'stored' : [] };
    });
    const el = await mountApp();
    expect(el.querySelector('h1')?.textContent).toBe('Backstory could not analyse this page');
    expect(el.querySelector('[role="alert"]')?.textContent).toBe('the page broke');
    expect(el.textContent).not.toContain('No analysis for this tab');
    expect(el.querySelector('.skeleton')).toBeNull();

    fail = false;
    const retry = [...el.querySelectorAll('button')].find((b) => b.textContent === 'Try again');
    act(() => retry?.click());
    await settle();
    expect(sent.filter((s) => s.method === 'askPage')).toHaveLength(2);
    await act(() => writeAnalysis(TAB, unrelated));
    await settle();
    expect(el.textContent).toContain('No US actor');
  });

  it('in Chinese, writes the names its reasons give as the analysis carries them in Chinese', async () => {
    browserMock.i18n.useLocale('zh_CN');
    try {
      const el = await mountApp();
      await act(() =>
        writeAnalysis(TAB, {
          ...diplomacy,
          names: { 'Xi Jinping': '习近平', 'Joe Biden': '拜登' },
        }),
      );
      await settle();
      const why = el.querySelector('#related-h')?.closest('section')?.textContent ?? '';
      expect(why).toContain('习近平、拜登');
      expect(why).not.toContain('Xi Jinping');
    } finally {
      browserMock.i18n.useLocale('en');
    }
  });

  it('sends "not the same story" and "show on page" for the tab', async () => {
    await writeAnalysis(TAB, diplomacy);
    const el = await mountApp();
    const button = (text: string): HTMLElement | undefined =>
      [...el.querySelectorAll('button')].find((b) => b.textContent?.includes(text));
    act(() => button('Not the same story')?.click());
    act(() => (el.querySelector('.quote-pick') as HTMLElement).click());
    await settle();
    expect(sent).toContainEqual({
      method: 'markNotSameStory',
      params: { tabId: TAB, articleId: 'a1' },
    });
    expect(sent).toContainEqual({ method: 'revealQuote', params: { tabId: TAB, quoteIndex: 1 } });
    expect(el.textContent).toContain('Shown on the page.');
  });

  it('analyses an unrelated page on request', async () => {
    await writeAnalysis(TAB, unrelated);
    const el = await mountApp();
    expect(el.textContent).toContain('No US actor');
    expect(el.querySelector('#quotes-h')).toBeNull();
    const anyway = [...el.querySelectorAll('button')].find(
      (b) => b.textContent === 'Analyse anyway',
    );
    act(() => anyway?.click());
    await settle();
    expect(sent).toContainEqual({ method: 'analyzeAnyway', params: { tabId: TAB } });
    await act(() =>
      writeAnalysis(TAB, { ...unrelated, context: diplomacy.context, related: diplomacy.related }),
    );
    await settle();
    expect(el.textContent).toContain('analysed on request');
    expect(el.querySelector('#quotes-h')).not.toBeNull();
    expect(el.textContent).not.toContain('Analyse anyway');
  });

  it('says the timeline starts later, instead of "none before", for an older article', async () => {
    const count = (date: string, aircraft: number) => ({
      date,
      aircraft,
      counted: 'aircraft entering the ADIZ',
      wider: false,
      title: `${aircraft} aircraft`,
      eventId: `c-${date}`,
    });
    answers = {
      incursionSeries: [count('2020-09-18', 18), count('2021-10-04', 56)],
      corpusSummary: { eventDates: { from: '2016-11-13', to: '2026-05-01' } },
    };
    const old = { ...unrelated, article: { ...unrelated.article!, publishedAt: '2015-06-01' } };
    await writeAnalysis(TAB, old);
    const el = await mountApp();
    act(() =>
      [...el.querySelectorAll('button')].find((b) => b.textContent === 'Analyse anyway')?.click(),
    );
    await act(() => writeAnalysis(TAB, { ...old, related: diplomacy.related }));
    await settle();
    const section = el.querySelector('#context-h')?.closest('section')?.textContent ?? '';
    expect(section).toContain(
      "Backstory's count of PLA aircraft near Taiwan starts in September 2020, after this article.",
    );
    expect(section).toContain("Backstory's timeline starts in November 2016, after this article.");
    expect(section).not.toMatch(/were reported before|No earlier events/);
    // No "0" above the section when it lists no events.
    expect(el.querySelector('#context-h .count')).toBeNull();
  });

  it('shows the chart and says "no earlier events" when the timeline covers the date', async () => {
    answers = {
      incursionSeries: [
        {
          date: '2020-09-18',
          aircraft: 18,
          counted: 'aircraft entering the ADIZ',
          wider: false,
          title: '18 aircraft',
          eventId: 'c1',
        },
      ],
      corpusSummary: { eventDates: { from: '2016-11-13', to: '2026-05-01' } },
    };
    await writeAnalysis(TAB, { ...unrelated, related: diplomacy.related });
    const el = await mountApp();
    const section = el.querySelector('#context-h')?.closest('section');
    expect(section?.querySelector('svg')).not.toBeNull();
    expect(section?.textContent).toContain('No earlier events in the timeline for this story.');
    expect(section?.textContent).not.toContain('starts in');
    expect(el.querySelector('#context-h .count')).toBeNull();
  });

  it('says "Not an article" once: the reason does not repeat the label', async () => {
    await writeAnalysis(TAB, {
      ...notArticle,
      detection: {
        label: 'not-article',
        score: 0.9,
        reasons: [reason('not-article', { why: 'no block of article text' })],
      },
    });
    const el = await mountApp();
    expect(el.textContent?.match(/Not an article/gi)).toHaveLength(1);
    expect(el.querySelector('.reasons li')?.textContent).toBe('No block of article text');
  });

  it('says a page is not an article, without sections', async () => {
    await writeAnalysis(TAB, notArticle);
    const el = await mountApp();
    expect(el.textContent).toContain('Not an article');
    expect(el.textContent).toContain('Many short teasers');
    expect(el.querySelector('#same-h')).toBeNull();
  });

  it('on a silent site, says so and can make Backstory speak there again', async () => {
    await browserMock.storage.local.set({
      settings: {
        version: 1,
        highlights: true,
        highlightsOffSites: [],
        silentSites: ['ledger.example'],
      },
    });
    await writeAnalysis(TAB, {
      ...notArticle,
      detection: { label: 'unrelated', score: 0, reasons: [] },
    });
    const el = await mountApp();
    expect(el.textContent).toContain('Silent on ledger.example');
    const again = [...el.querySelectorAll('button')].find((b) =>
      b.textContent?.startsWith('Analyse pages on this site again'),
    );
    act(() => again?.click());
    await settle();
    const stored = (await browserMock.storage.local.get('settings'))['settings'] as {
      silentSites: string[];
    };
    expect(stored.silentSites).toEqual([]);
    expect(sent).toContainEqual({ method: 'reanalyzeTab', params: { tabId: TAB } });
  });

  it('switches highlights for the page’s site in the settings', async () => {
    await writeAnalysis(TAB, diplomacy);
    const el = await mountApp();
    const site = [...el.querySelectorAll('label')].find(
      (l) => l.textContent?.trim() === 'Highlight quotes on this site',
    );
    act(() => site?.querySelector('input')?.click());
    await settle();
    const stored = (await browserMock.storage.local.get('settings'))['settings'] as {
      highlightsOffSites: string[];
    };
    expect(stored.highlightsOffSites).toEqual(['ledger.example']);
  });
});
