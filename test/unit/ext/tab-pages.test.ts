/**
 * What the worker asks a tab's page (src/background/tab-pages.ts), through the real worker with
 * the browser mock and a page that answers as the content script does: the popup's "ask the page"
 * stores the verdict of a page that sends none by itself; a tab that finished loading keeps its
 * analysis only while its page is at the stored address.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredAnalysis, StoredFailure } from '../../../src/analysis-store.ts';
import { NO_CHINA_REASON } from '../../../src/core/china.ts';
import { pageReason } from '../../../src/core/reasons-page.ts';
import type { PageVerdict } from '../../../src/messages.ts';
import { browserMock, deliverTo } from '../browser-mock.ts';
import { seedCorpus } from '../helpers/seed-corpus.ts';

const EXT = 'chrome-extension://backstory-test-id/';
vi.mock('../../../src/browser.ts', () => ({
  default: Object.assign(browserMock, {
    runtime: Object.assign(browserMock.runtime, {
      getURL: (p: string) => EXT + p.replace(/^\//, ''),
    }),
  }),
}));
vi.mock('../../../src/background/corpus.ts', () => ({
  getCorpus: () => Promise.resolve(seedCorpus()),
}));

await import('../../../src/background/index.ts');
const store = await import('../../../src/analysis-store.ts');
const { confirmTabPage } = await import('../../../src/background/tab-pages.ts');

const TAB = 9;
const PAGE = 'https://harbour-ledger.example/2024/tide-mill';
const NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';

function verdictAt(pageUrl: string): PageVerdict {
  return {
    pageUrl,
    extracted: {
      meta: {
        url: pageUrl,
        title: 'Volunteers restore the old tide mill',
        site: 'harbour-ledger.example',
        publishedAt: null,
        lang: 'en',
        wordCount: 0,
        canonicalUrl: null,
        byline: null,
      },
      paragraphs: [],
      skippedReason: NO_CHINA_REASON,
    },
    detection: { label: 'unrelated', score: 0, reasons: [pageReason('china-not-named', {})] },
  };
}

/** The tab's content script: what it answers, by method, or an error the browser raises. */
let page: { address: string | Error; verdict: PageVerdict | null | Error };
let asked: string[];

beforeEach(() => {
  browserMock.storage.session.reset();
  browserMock.storage.local.reset();
  page = { address: PAGE, verdict: verdictAt(PAGE) };
  asked = [];
  browserMock.tabs.sendMessage = async (tabId: number, message: unknown) => {
    const { method } = message as { method: 'verdict' | 'pageAddress' };
    asked.push(`${tabId}:${method}`);
    const answer = method === 'verdict' ? page.verdict : page.address;
    if (answer instanceof Error) throw answer;
    return { ok: true, value: answer };
  };
});

async function fromPopup(method: string, params: unknown): Promise<unknown> {
  const message = { backstory: 1, to: 'background', method, params };
  for (const l of browserMock.runtime.onMessage.listeners) {
    const reply = deliverTo(l, message, { id: 'backstory-test-id', url: `${EXT}popup/index.html` });
    if (reply !== undefined) return reply;
  }
  throw new Error('no listener answered');
}

function stored(pageUrl: string, run: number): StoredAnalysis {
  return { ...verdictAt(pageUrl), article: null, related: [], quotes: [], context: [], run };
}

describe('asking the page (the popup found no analysis)', () => {
  it('stores the verdict of a page that names no Chinese actor', async () => {
    expect(await fromPopup('askPage', { tabId: TAB })).toEqual({ ok: true, value: 'stored' });
    expect(asked).toEqual([`${TAB}:verdict`]);
    const analysis = await store.readAnalysis(TAB);
    expect(analysis?.pageUrl).toBe(PAGE);
    expect(analysis?.detection.label).toBe('unrelated');
    expect(analysis?.detection.reasons.map((r) => r.code)).toEqual(['china-not-named']);
    expect(await browserMock.action.getBadgeText({ tabId: TAB })).toBe('');
  });

  it('stores nothing while the page analyses itself, or when no content script answers', async () => {
    page.verdict = null;
    expect(await fromPopup('askPage', { tabId: TAB })).toEqual({ ok: true, value: 'pending' });
    page.verdict = new Error(NO_RECEIVER);
    expect(await fromPopup('askPage', { tabId: TAB })).toEqual({ ok: true, value: 'no-page' });
    page.verdict = new Error(`No tab with id: ${TAB}.`);
    expect(await fromPopup('askPage', { tabId: TAB })).toEqual({ ok: true, value: 'no-page' });
    expect(await store.readAnalysis(TAB)).toBeNull();
  });

  it('answers an error when asking fails otherwise (the popup shows it)', async () => {
    page.verdict = new Error('The message port closed before a response was received.');
    expect(await fromPopup('askPage', { tabId: TAB })).toEqual({
      ok: false,
      error: 'The message port closed before a response was received.',
    });
  });

  it('is not answered for a web page', async () => {
    const message = { backstory: 1, to: 'background', method: 'askPage', params: { tabId: TAB } };
    const [listener] = browserMock.runtime.onMessage.listeners;
    const reply = await deliverTo(listener!, message, {
      id: 'backstory-test-id',
      url: PAGE,
      tab: { id: TAB },
    });
    expect(reply).toMatchObject({ ok: false });
    expect(asked).toEqual([]);
  });
});

describe('a tab that finished loading', () => {
  const failure: StoredFailure = { pageUrl: PAGE, run: 5, error: 'boom', force: false };

  it('keeps what is stored while the page is at the same address (a #hash aside)', async () => {
    await store.writeAnalysis(TAB, stored(PAGE, 4));
    await store.writeFailure(TAB, failure);
    page.address = `${PAGE}#comments`;
    expect(await confirmTabPage(TAB)).toBe(false);
    expect((await store.readAnalysis(TAB))?.run).toBe(4);
    expect(await store.readFailure(TAB)).toEqual(failure);
  });

  it('forgets the analysis and failure of another address (single-page navigation)', async () => {
    await store.writeAnalysis(TAB, stored(PAGE, 4));
    await store.writeFailure(TAB, failure);
    page.address = 'https://harbour-ledger.example/2024/spring-fair';
    expect(await confirmTabPage(TAB)).toBe(true);
    expect(await store.readAnalysis(TAB)).toBeNull();
    expect(await store.readFailure(TAB)).toBeNull();
  });

  it('forgets them when no content script answers (a page Backstory does not read)', async () => {
    await store.writeAnalysis(TAB, stored(PAGE, 4));
    page.address = new Error(NO_RECEIVER);
    expect(await confirmTabPage(TAB)).toBe(true);
    expect(await store.readAnalysis(TAB)).toBeNull();
  });

  it('keeps an analysis stored while the page was asked (the new page’s own)', async () => {
    await store.writeAnalysis(TAB, stored(PAGE, 4));
    const next = 'https://harbour-ledger.example/2024/spring-fair';
    const sendMessage = browserMock.tabs.sendMessage;
    browserMock.tabs.sendMessage = async (tabId: number, message: unknown) => {
      await store.writeAnalysis(TAB, stored(next, 6));
      return sendMessage(tabId, message);
    };
    page.address = next;
    expect(await confirmTabPage(TAB)).toBe(false);
    expect((await store.readAnalysis(TAB))?.run).toBe(6);
  });

  it('is confirmed on tabs.onUpdated `complete`, not on `loading`', async () => {
    await store.writeAnalysis(TAB, stored(PAGE, 4));
    page.address = 'https://harbour-ledger.example/2024/spring-fair';
    const fire = (status: string): void => {
      for (const l of browserMock.tabs.onUpdated.listeners) l(TAB, { status });
    };
    fire('loading');
    await new Promise((r) => setTimeout(r, 20));
    expect(asked).toEqual([]);
    fire('complete');
    await vi.waitFor(async () => expect(await store.readAnalysis(TAB)).toBeNull());
    expect(asked).toEqual([`${TAB}:pageAddress`]);
  });
});
