import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadedCorpus, TimelineEvent } from '../../../src/corpus/types.ts';
import { browserMock } from '../browser-mock.ts';
import { diplomacy } from './fixtures.ts';

const EXT = 'chrome-extension://backstory-test-id/';
vi.mock('../../../src/browser.ts', () => ({
  default: Object.assign(browserMock, {
    runtime: Object.assign(browserMock.runtime, { getURL: (p: string) => EXT + p.slice(1) }),
  }),
}));
const { incursionSeries, summarizeCorpus } =
  await import('../../../src/background/corpus-summary.ts');
const { fromUi, markNotSameStory } = await import('../../../src/background/ui-requests.ts');
const { readAnalysis, writeAnalysis } = await import('../../../src/analysis-store.ts');
const { rejectedFor } = await import('../../../src/corrections.ts');

const event = (e: Partial<TimelineEvent> & Pick<TimelineEvent, 'id' | 'date'>): TimelineEvent => ({
  end: null,
  kind: 'taiwan-incursion',
  participants: [],
  place: null,
  title: e.id,
  summary: '',
  duration: null,
  figures: {},
  sources: [{ publisher: 'Test Wire', url: 'https://wire.example/s' }],
  ...e,
});

function corpus(events: TimelineEvent[]): LoadedCorpus {
  const articles = new Map([
    ['a', { id: 'a', publishedAt: '2021-11-10', outlet: 'X', lang: 'en' }],
    ['b', { id: 'b', publishedAt: null, outlet: null, lang: 'zh' }],
    ['c', { id: 'c', publishedAt: '2022-01-02', outlet: 'X', lang: 'en' }],
  ]);
  return { events, articles } as unknown as LoadedCorpus;
}

describe('incursionSeries', () => {
  const events = [
    event({ id: 'surge', date: '2021-10-01', end: '2021-10-04', figures: { aircraft: 150 } }),
    event({
      id: 'd1',
      date: '2021-10-01',
      partOf: 'surge',
      figures: { aircraft: 38, counted: 'aircraft entering the ADIZ' },
    }),
    event({
      id: 'd4',
      date: '2021-10-04',
      partOf: 'surge',
      figures: { aircraft: 56, counted: 'ADIZ entries' },
    }),
    event({
      id: 'drill',
      date: '2023-04-08',
      end: '2023-04-10',
      figures: {
        aircraft: 232,
        'peak day aircraft': 91,
        counted: 'aircraft detected around Taiwan',
      },
    }),
    event({ id: 'call', date: '2022-01-01', kind: 'leader-call', figures: { aircraft: 1 } }),
    event({ id: 'nocount', date: '2022-02-02', figures: { counted: 'none given' } }),
  ];

  it('plots days, not multi-day totals, in date order', () => {
    const points = incursionSeries(corpus(events), null);
    expect(points.map((p) => [p.eventId, p.aircraft, p.wider])).toEqual([
      ['d1', 38, false],
      ['d4', 56, false],
      ['drill', 91, true],
    ]);
  });

  it('stops at the article date', () => {
    expect(incursionSeries(corpus(events), '2021-10-02').map((p) => p.eventId)).toEqual(['d1']);
  });
});

describe('summarizeCorpus', () => {
  it('counts articles, outlets, languages, events by kind and date ranges', () => {
    const s = summarizeCorpus(
      corpus([
        event({ id: 'x', date: '2021-02-10', kind: 'leader-call' }),
        event({ id: 'y', date: '2024-10-14' }),
      ]),
    );
    expect(s).toEqual({
      articles: 3,
      outlets: 1,
      languages: ['en', 'zh'],
      articleDates: { from: '2021-11-10', to: '2022-01-02' },
      events: 2,
      eventsByKind: { 'leader-call': 1, 'taiwan-incursion': 1 },
      eventDates: { from: '2021-02-10', to: '2024-10-14' },
    });
  });
});

describe('UI requests', () => {
  beforeEach(() => {
    browserMock.storage.session.reset();
    browserMock.storage.local.reset();
  });

  it('are handled only when they come from an extension page', () => {
    const handler = fromUi((n: number) => n + 1);
    expect(handler(1, { id: 'backstory-test-id', url: `${EXT}popup/index.html?tabId=3` })).toBe(2);
    // A content script has the extension's id but the web page's URL.
    expect(() => handler(1, { id: 'backstory-test-id', url: 'https://evil.example/' })).toThrow();
    expect(() => handler(1, { id: 'backstory-test-id' })).toThrow();
  });

  it('"not the same story" is remembered, applied to the analysis and re-run on the page', async () => {
    const send = vi
      .spyOn(browserMock.tabs, 'sendMessage')
      .mockResolvedValue({ ok: true, value: true });
    await writeAnalysis(5, diplomacy);
    expect(await markNotSameStory(5, 'a1')).toBe(true);
    expect([...(await rejectedFor(diplomacy.pageUrl + '#top'))]).toEqual(['a1']);
    const after = (await readAnalysis(5))?.related ?? [];
    expect(after.map((r) => [r.id, r.relation])).toEqual([
      ['a1', 'related'],
      ['a2', 'related'],
    ]);
    expect(after[0]?.why[0]).toMatchObject({
      code: 'not-same-story',
      text: 'you marked it as not the same story',
    });
    expect(await browserMock.action.getBadgeText({ tabId: 5 })).toBe('2');
    expect(send).toHaveBeenCalledWith(
      5,
      expect.objectContaining({ method: 'reanalyze', params: { force: false } }),
    );
  });

  it('"not the same story" on a tab without analysis does nothing', async () => {
    expect(await markNotSameStory(9, 'a1')).toBe(false);
  });
});
