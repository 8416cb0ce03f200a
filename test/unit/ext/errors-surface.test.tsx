/**
 * Errors surface: each step of the background's analysis is made to throw in turn, and the
 * error reaches every reader of the analysis instead of becoming "no results": the core call
 * throws it, the worker answers `{ ok: false, error }` and stores the failure, the popup shows
 * it with a retry, the CLI exits 1 with the message. Matching tables travel in the corpus: a
 * corpus with a broken table does not load.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { extractAndDetect } from '../../../src/core/classify.ts';
import { browserMock, deliverTo } from '../browser-mock.ts';
import { pageOf, seedCorpus } from '../helpers/seed-corpus.ts';
import { settle, useRenderRoot } from '../popup/render-root.ts';

/** Which step throws (null: none). */
const failing = vi.hoisted(() => ({ step: null as string | null }));

function breakable<A extends unknown[], R>(step: string, fn: (...args: A) => R) {
  return (...args: A): R => {
    if (failing.step === step) throw new Error(`${step} broke`);
    return fn(...args);
  };
}
vi.mock('../../../src/core/match/prepared-page.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/core/match/prepared-page.ts')>();
  return { ...real, preparePage: breakable('preparePage', real.preparePage) };
});
vi.mock('../../../src/core/match/related.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/core/match/related.ts')>();
  return {
    ...real,
    relatedFor: breakable('relatedFor', real.relatedFor),
  };
});
vi.mock('../../../src/core/match/quote-match.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/core/match/quote-match.ts')>();
  return { ...real, quoteMatchesFor: breakable('quoteMatchesFor', real.quoteMatchesFor) };
});
vi.mock('../../../src/core/mentions.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/core/mentions.ts')>();
  return { ...real, pageMentions: breakable('pageMentions', real.pageMentions) };
});
vi.mock('../../../src/core/context.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/core/context.ts')>();
  return { ...real, collectContext: breakable('collectContext', real.collectContext) };
});
vi.mock('../../../src/core/quotes.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/core/quotes.ts')>();
  return { ...real, extractQuotes: breakable('extractQuotes', real.extractQuotes) };
});

const EXT = 'chrome-extension://backstory-test-id/';
vi.mock('../../../src/browser.ts', () => ({
  default: Object.assign(browserMock, {
    runtime: Object.assign(browserMock.runtime, {
      getURL: (p: string) => EXT + p.replace(/^\//, ''),
      openOptionsPage: () => undefined,
    }),
    tabs: Object.assign(browserMock.tabs, {
      onRemoved: { addListener: () => undefined, removeListener: () => undefined },
    }),
  }),
}));
vi.mock('../../../src/background/corpus.ts', () => ({
  getCorpus: () => Promise.resolve(seedCorpus()),
}));

const { analyzeExtracted, NO_TABLES } = await import('../../../src/core/analyze.ts');
await import('../../../src/background/index.ts');
const { readAnalysis, readFailure } = await import('../../../src/analysis-store.ts');
const { App } = await import('../../../popup/App.tsx');
const { loadCorpus } = await import('../../../src/corpus/load.ts');
const { readBundledTables } = await import('../../../src/corpus/node.ts');

const ROOT = resolve(import.meta.dirname, '../../..');
const SAMPLE = join(ROOT, 'sample/article.html');
const PAGE = 'https://harbour-ledger.example/2024/biden-xi';
const TAB = 9;
const STEPS = [
  'preparePage',
  'extractQuotes',
  'pageMentions',
  'relatedFor',
  'quoteMatchesFor',
  'collectContext',
];

const sample = (() => {
  const dom = new JSDOM(readFileSync(SAMPLE, 'utf8'), {
    url: PAGE,
    virtualConsole: new VirtualConsole(),
  });
  try {
    return extractAndDetect(dom.window.document, PAGE, readBundledTables().lexicon);
  } finally {
    dom.window.close();
  }
})();

/** The worker's listener answering a content script of tab TAB. */
async function fromPage(method: string, params: unknown): Promise<unknown> {
  const message = { backstory: 1, to: 'background', method, params };
  for (const l of browserMock.runtime.onMessage.listeners) {
    const sender = { id: 'backstory-test-id', tab: { id: TAB }, url: PAGE };
    const reply = deliverTo(l, message, sender);
    if (reply !== undefined) return reply;
  }
  throw new Error('no listener answered');
}

/** Runs the CLI (src/cli/analyze.ts) in this process with `args`; its exit code and output. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  let code = -1;
  const argv = process.argv;
  process.argv = [argv[0] ?? 'node', 'analyze.ts', ...args];
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    stdout += String(s);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    stderr += String(s);
    return true;
  });
  const exit = vi.spyOn(process, 'exit').mockImplementation(((c?: number) => {
    code = c ?? 0;
  }) as typeof process.exit);
  try {
    vi.resetModules();
    await import('../../../src/cli/analyze.ts');
  } finally {
    process.argv = argv;
    out.mockRestore();
    err.mockRestore();
    exit.mockRestore();
  }
  return { code, stdout, stderr };
}

const root = useRenderRoot();

beforeEach(() => {
  failing.step = null;
  browserMock.storage.session.reset();
  browserMock.storage.local.reset();
});
afterEach(() => {
  failing.step = null;
  vi.restoreAllMocks();
});

describe('a step of the analysis that throws', () => {
  it('is analysed normally when nothing throws (the baseline the failures are read against)', async () => {
    const a = analyzeExtracted(sample.extracted, sample.detection, seedCorpus());
    expect(a.related.length).toBeGreaterThan(0);
    const reply = (await fromPage('analyzePage', { pageUrl: PAGE, ...sample, force: false })) as {
      ok: boolean;
    };
    expect(reply.ok).toBe(true);
    expect(await readFailure(TAB)).toBeNull();
  });

  for (const step of STEPS) {
    it(`${step}: the core throws, the worker answers { ok: false, error } and stores it`, async () => {
      failing.step = step;
      expect(() => analyzeExtracted(sample.extracted, sample.detection, seedCorpus())).toThrow(
        `${step} broke`,
      );
      const reply = await fromPage('analyzePage', { pageUrl: PAGE, ...sample, force: false });
      expect(reply).toEqual({ ok: false, error: `${step} broke` });
      expect(await readAnalysis(TAB)).toBeNull();
      expect(await readFailure(TAB)).toMatchObject({ pageUrl: PAGE, error: `${step} broke` });
      expect(await browserMock.action.getBadgeText({ tabId: TAB })).toBe('');
    });
  }

  it('shows in the popup, which says what went wrong and offers to try again', async () => {
    failing.step = 'quoteMatchesFor';
    await fromPage('analyzePage', { pageUrl: PAGE, ...sample, force: false });
    history.replaceState(null, '', `?tabId=${TAB}`);
    const sent: string[] = [];
    vi.spyOn(browserMock.runtime, 'sendMessage').mockImplementation(async (m: unknown) => {
      sent.push((m as { method: string }).method);
      return { ok: true, value: true };
    });
    act(() => render(<App />, root()));
    await settle();
    const el = root();
    expect(el.querySelector('h1')?.textContent).toBe('Backstory could not analyse this page');
    expect(el.querySelector('[role="alert"]')?.textContent).toBe('quoteMatchesFor broke');
    const button = [...el.querySelectorAll('button')].find((b) => b.textContent === 'Try again');
    expect(button).toBeDefined();
    act(() => button?.click());
    await settle();
    expect(sent).toContain('reanalyzeTab');

    // The retry's answer: a new analysis replaces the error state.
    failing.step = null;
    await act(async () => {
      await fromPage('analyzePage', { pageUrl: PAGE, ...sample, force: false });
    });
    await settle();
    expect(el.textContent).not.toContain('could not analyse');
    expect(el.textContent).toContain('Same story');
  });

  it('makes the CLI exit 1 with the message, and 0 when nothing throws', async () => {
    failing.step = 'relatedFor';
    const broken = await cli([SAMPLE]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/analysis of .*article\.html failed: relatedFor broke/);
    failing.step = null;
    const fine = await cli([SAMPLE]);
    expect(fine.code).toBe(0);
    expect(JSON.parse(fine.stdout).related.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('matching tables travel in the corpus', () => {
  it('a corpus whose tables are missing or broken does not load', () => {
    const { index } = seedCorpus();
    const tables = readBundledTables();
    expect(() => loadCorpus(index, { ...tables, synonyms: {} as never })).toThrow(/no stems/);
    expect(() => loadCorpus(index, { ...tables, zhGloss: {} as never })).toThrow(/no words/);
    expect(() => loadCorpus(index, undefined as never)).toThrow(/no matching tables/);
  });

  it('an analysis without the tables reports an error, not 0 matches', () => {
    const corpus = seedCorpus();
    const found = analyzeExtracted(sample.extracted, sample.detection, corpus);
    expect(found.related.length).toBeGreaterThan(0);
    expect(found.quotes.some((q) => q.matches.length > 0)).toBe(true);
    // A corpus put together without them (the types forbid it; plain data may not).
    const bare = { ...corpus, tables: undefined as never };
    expect(() => analyzeExtracted(sample.extracted, sample.detection, bare)).toThrow(NO_TABLES);
  });

  it('an analysis reads its own corpus’ tables, whatever another corpus was loaded with', () => {
    const corpus = seedCorpus();
    // A Chinese page: its quote meets the English wording only through the Chinese glosses.
    const page = pageOf(
      [
        '中国驻美国大使秦刚周二宣读了国家主席习近平的贺信。',
        '习近平在贺信中表示：“中方愿同美方加强各领域交流合作。”',
      ],
      { publishedAt: '2021-11-10', lang: 'zh', title: '习近平致信美中关系全国委员会' },
    );
    const detection = { label: 'us-china-diplomacy' as const, score: 1, reasons: [] };
    const translated = () =>
      analyzeExtracted(page, detection, corpus)
        .quotes.flatMap((q) => q.matches)
        .filter((m) => m.translated).length;
    const before = translated();
    expect(before).toBeGreaterThan(0);
    // Another corpus, loaded with other (empty) tables, matches nothing with them...
    const empty = {
      lexicon: corpus.tables.lexicon,
      synonyms: { source: '', version: 1, stems: {} },
      zhGloss: { source: '', licence: '', version: 1, traditional: '', words: {} },
    };
    const other = loadCorpus(corpus.index, empty);
    expect(analyzeExtracted(page, detection, other).quotes.flatMap((q) => q.matches)).toEqual([]);
    // ...and this corpus' analysis still matches with its own.
    expect(translated()).toBe(before);
  });
});
