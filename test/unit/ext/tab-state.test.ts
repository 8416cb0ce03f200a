/**
 * The worker's per-tab state under racing messages, through the real worker (its message
 * listener, tab analysis, corrections, storage) with the browser mock: changes of one tab are
 * applied one at a time in arrival order, the newest analysis wins, a report about an older run
 * is dropped, and a correction made meanwhile is kept.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { analyzeExtracted } from '../../../src/core/analyze.ts';
import { extractAndDetect } from '../../../src/core/classify.ts';
import type { Analysis, HighlightStats } from '../../../src/core/types.ts';
import { browserMock, deliverTo } from '../browser-mock.ts';
import { seedCorpus } from '../helpers/seed-corpus.ts';
import { bundledLexicon } from '../../../src/corpus/node.ts';

const EXT = 'chrome-extension://backstory-test-id/';
vi.mock('../../../src/browser.ts', () => ({
  default: Object.assign(browserMock, {
    runtime: Object.assign(browserMock.runtime, {
      getURL: (p: string) => EXT + p.replace(/^\//, ''),
    }),
    tabs: Object.assign(browserMock.tabs, {
      onRemoved: { addListener: () => undefined, removeListener: () => undefined },
    }),
  }),
}));
// The packaged corpus files are fetched in the extension; here the same corpus is built in memory.
vi.mock('../../../src/background/corpus.ts', () => ({
  getCorpus: () => Promise.resolve(seedCorpus()),
}));

await import('../../../src/background/index.ts');
const { readAnalysis } = await import('../../../src/analysis-store.ts');
const { rejectedFor } = await import('../../../src/corrections.ts');

const ROOT = resolve(import.meta.dirname, '../../..');
const TAB = 7;
const PAGE = 'https://harbour-ledger.example/2024/biden-xi';

function readSample() {
  const html = readFileSync(join(ROOT, 'sample/article.html'), 'utf8');
  const dom = new JSDOM(html, { url: PAGE, virtualConsole: new VirtualConsole() });
  try {
    return extractAndDetect(dom.window.document, PAGE, bundledLexicon());
  } finally {
    dom.window.close();
  }
}
const sample = readSample();

/** Deliver a message to the worker's listener as the browser would, from `sender`. */
async function deliver(method: string, params: unknown, sender: object): Promise<unknown> {
  const message = { backstory: 1, to: 'background', method, params };
  for (const l of browserMock.runtime.onMessage.listeners) {
    const reply = deliverTo(l, message, { id: 'backstory-test-id', ...sender });
    if (reply !== undefined) return reply;
  }
  throw new Error('no listener answered');
}
const fromPage = { tab: { id: TAB }, url: PAGE };
const fromPopup = { url: `${EXT}popup/index.html` };
type Answer<T> = { ok: true; value: T } | { ok: false; error: string };
const value = async <T>(reply: Promise<unknown>): Promise<T> => {
  const r = (await reply) as Answer<T>;
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

const analyzePage = () =>
  value<Analysis & { run: number }>(
    deliver('analyzePage', { pageUrl: PAGE, ...sample, force: false }, fromPage),
  );
const report = (run: number, stats: HighlightStats) =>
  value<boolean>(deliver('reportHighlights', { run, stats }, fromPage));

/**
 * Holds the next read of the reader's settings (the first thing an analysis reads) until the
 * tab's stored analysis is written by someone else, or `ms` have passed: the analysis that reads
 * first then finishes last unless something orders the tab's changes.
 */
function holdNextSettingsRead(ms: number): void {
  const local = browserMock.storage.local;
  const get = local.get.bind(local);
  let armed = true;
  local.get = async (keys?: string | string[] | null) => {
    if (!armed || keys !== 'settings') return get(keys);
    armed = false;
    local.get = get;
    await new Promise<void>((release) => {
      const timer = setTimeout(release, ms);
      const listener = (changes: Record<string, unknown>, area: string): void => {
        if (area !== 'session' || !(`analysis:${TAB}` in changes)) return;
        browserMock.storage.onChanged.removeListener(listener);
        clearTimeout(timer);
        release();
      };
      browserMock.storage.onChanged.addListener(listener);
    });
    return get(keys);
  };
}

beforeEach(() => {
  browserMock.storage.session.reset();
  browserMock.storage.local.reset();
});

describe('one tab, racing messages', () => {
  it('keeps the newest analysis, its own highlight counts and a correction made meanwhile', async () => {
    const expected = analyzeExtracted(sample.extracted, sample.detection, seedCorpus());
    const sameStory = expected.related.find((r) => r.relation === 'same-story');
    expect(sameStory, 'the sample page has same-story coverage').toBeDefined();
    holdNextSettingsRead(300);
    // Two runs of the page (a late body re-ran it) and the reader's correction, all at once.
    const older = analyzePage();
    const newer = analyzePage();
    const correction = value<boolean>(
      deliver('markNotSameStory', { tabId: TAB, articleId: sameStory?.id }, fromPopup),
    );
    const [a, b] = await Promise.all([older, newer]);
    expect(b.run).toBeGreaterThan(a.run);
    // Each content script run reports its counts; the older run's report arrives last.
    const reports = [
      report(b.run, { anchored: 3, orphaned: 1 }),
      report(a.run, { anchored: 9, orphaned: 0 }),
    ];
    expect(await Promise.all(reports)).toEqual([true, false]);
    expect(await correction).toBe(true);

    const stored = await readAnalysis(TAB);
    expect(stored?.run).toBe(b.run);
    expect(stored?.highlights).toEqual({ anchored: 3, orphaned: 1 });
    const marked = stored?.related.find((r) => r.id === sameStory?.id);
    expect(marked?.relation).toBe('related');
    expect([...(await rejectedFor(PAGE))]).toEqual([sameStory?.id]);
  });

  it('drops a report and a clear-page request about a run that is no longer stored', async () => {
    const a = await analyzePage();
    const b = await analyzePage();
    expect(await report(a.run, { anchored: 1, orphaned: 0 })).toBe(false);
    expect(
      await value<boolean>(deliver('clearPage', { pageUrl: PAGE, run: a.run }, fromPage)),
    ).toBe(false);
    expect((await readAnalysis(TAB))?.run).toBe(b.run);
    expect(
      await value<boolean>(deliver('clearPage', { pageUrl: PAGE, run: b.run }, fromPage)),
    ).toBe(true);
    expect(await readAnalysis(TAB)).toBeNull();
  });
});
