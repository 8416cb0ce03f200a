/**
 * Text a reader sees names no internal file, folder or id: the popup showing the analyses of
 * every seed article (all events, all sources and the "since" list opened), the analysis the
 * CLI prints, and the corpus CLI's stats.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyzeExtracted } from '../../../src/core/analyze.ts';
import { internalNameIn } from '../../../src/core/internal-names.ts';
import type { Analysis } from '../../../src/core/types.ts';
import { runCorpusCli } from '../../../src/cli/corpus.ts';
import { browserMock } from '../browser-mock.ts';
import { asPage, pageOf, seedArticles, seedCorpus } from '../helpers/seed-corpus.ts';
import { settle, useRenderRoot } from './render-root.ts';
import { reason } from '../../../src/core/reasons.ts';

vi.mock('../../../src/browser.ts', () => ({ default: browserMock }));
const { App } = await import('../../../popup/App.tsx');
const { writeAnalysis } = await import('../../../src/analysis-store.ts');

const TAB = 7;
const root = useRenderRoot();
const corpus = seedCorpus();
const detection = {
  label: 'us-china-diplomacy' as const,
  score: 1,
  reasons: [reason('overall', { level: 'strong' })],
};

beforeEach(() => {
  browserMock.storage.session.reset();
  history.replaceState(null, '', `?tabId=${TAB}`);
  vi.spyOn(browserMock.runtime, 'sendMessage').mockImplementation(async (m: unknown) => ({
    ok: true,
    value: (m as { method: string }).method === 'incursionSeries' ? [] : true,
  }));
});
afterEach(() => vi.restoreAllMocks());

/** The analyses readers get: each seed as a page, and an early 2021 page that has a long "since". */
function analyses(): Analysis[] {
  const pages = [
    ...seedArticles().map((a) => asPage(a)),
    pageOf(
      [
        'Biden and Xi spoke for two hours on Wednesday, in their first call since Biden took office.',
      ],
      { publishedAt: '2021-02-11', title: 'Biden and Xi hold first call' },
    ),
  ];
  cache ??= pages.map((p) => analyzeExtracted(p, detection, corpus));
  return cache;
}
let cache: Analysis[] | null = null;

const MACHINE_KEYS = ['id', 'eventId', 'articleId', 'url', 'pageUrl', 'canonicalUrl'];

/** Every string of an analysis a reader reads (ids and addresses are for machines). */
function readerStrings(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return MACHINE_KEYS.includes(key) ? [] : [`${key}: ${value}`];
  if (Array.isArray(value)) return value.flatMap((v) => readerStrings(v, key));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => readerStrings(v, k));
  return [];
}

describe('text a reader sees', () => {
  it('in the popup names no file, folder or internal id', async () => {
    for (const analysis of analyses()) {
      await act(() => writeAnalysis(TAB, { ...analysis, pageUrl: 'https://news.example/a' }));
      act(() => render(<App />, root()));
      await settle();
      const el = root();
      for (const b of el.querySelectorAll('button'))
        if (/^Show \d+ more events$/.test(b.textContent ?? '')) act(() => b.click());
      for (const d of el.querySelectorAll('details')) d.open = true;
      expect(el.textContent).toContain('Prior context');
      expect(internalNameIn(el.textContent ?? ''), el.textContent ?? '').toBeNull();
      act(() => render(null, root()));
    }
  }, 60_000);

  it('shows an early article what happened since, sources included', () => {
    const early = analyses().at(-1) as Analysis;
    expect(early.since?.map((s) => s.id)).toContain('2026-05-14-trump-xi-beijing');
    expect(early.since?.every((s) => s.sources.length > 0)).toBe(true);
  });

  it('in the analysis the CLI prints names no file, folder or internal id', () => {
    for (const analysis of analyses()) {
      for (const s of readerStrings(analysis)) expect(internalNameIn(s), s).toBeNull();
    }
  });

  it('in the corpus stats names no file, folder or internal id', () => {
    const out: string[] = [];
    expect(runCorpusCli(['stats'], { out: (l) => out.push(l), err: (l) => out.push(l) })).toBe(0);
    for (const line of out) expect(internalNameIn(line), line).toBeNull();
  });

  it('is judged by a rule that catches what used to leak', () => {
    for (const leak of [
      'seed 000',
      'seeds 000, 001',
      'wh-briefings statements-releases/2021-02/2021-02-10',
      '(senior_official_channels.csv)',
      'adiz_notable_events.csv: t-room.us',
      'coverage 004_869f1232419da740',
    ])
      expect(internalNameIn(leak), leak).not.toBeNull();
    expect(internalNameIn('The White House: Readout of a call, 10 Feb 2021')).toBeNull();
  });
});
