/**
 * The page session's state machine (content/app.ts) with the background answering by hand: the
 * newest run wins whatever order the answers arrive in, reports name the run they belong to, a
 * failed run leaves what was shown, navigating away from an article clears it with its run id.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Classified } from '../../../src/core/classify.ts';
import type { Analysis, ExtractedArticle } from '../../../src/core/types.ts';
import { browserMock } from '../browser-mock.ts';
import { bundledLexicon } from '../../../src/corpus/node.ts';

interface Call {
  method: string;
  params: Record<string, unknown>;
  answer: (value: unknown) => void;
  fail: (error: Error) => void;
}
const bg = vi.hoisted(() => ({ calls: [] as Call[] }));
vi.mock('../../../src/messaging.ts', () => ({
  callBackground: (method: string, params: Record<string, unknown>) =>
    new Promise((answer, fail) => {
      bg.calls.push({ method, params, answer, fail });
      // Reports and clears are answered at once; analyses when the test says.
      if (method !== 'analyzePage') answer(true);
    }),
}));
// The reader's settings are read from storage: the defaults here.
vi.mock('../../../src/browser.ts', () => ({ default: browserMock }));
/** What the next extraction finds on the page. */
const page = vi.hoisted(() => ({ extracted: null as unknown }));
vi.mock('../../../src/core/classify.ts', () => ({
  *extractAndDetectSteps(): Generator<void, Classified> {
    const extracted = page.extracted as ExtractedArticle;
    return {
      extracted,
      detection: {
        label: extracted.notArticleReason ? 'not-article' : 'us-china-diplomacy',
        score: 1,
        reasons: [],
      },
    };
  },
}));

const { PageSession } = await import('../../../content/app.ts');

const QUOTES = ['we are at a vital historical juncture', 'the only correct choice'];
const ARTICLE: ExtractedArticle = {
  meta: {
    url: 'https://news.example/a',
    title: 'A',
    site: null,
    publishedAt: null,
    lang: 'en',
    wordCount: 20,
  },
  paragraphs: QUOTES.map((q) => `He said “${q}” on Tuesday.`),
};
const NOT_ARTICLE: ExtractedArticle = { ...ARTICLE, paragraphs: [], notArticleReason: 'index' };

function analysis(run: number, quoteIndex: number): Analysis & { run: number } {
  const text = QUOTES[quoteIndex] ?? '';
  return {
    run,
    article: ARTICLE.meta,
    detection: { label: 'us-china-diplomacy', score: 1, reasons: [] },
    related: [{ id: 'x', title: 'X', relation: 'related', score: 0.5, why: [] } as never],
    quotes: [{ text, speaker: null, matches: [{ articleId: 'x', text: 'other', score: 0.9 }] }],
    context: [],
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !check(); i++) await tick();
  expect(check()).toBe(true);
}
const analyses = () => bg.calls.filter((c) => c.method === 'analyzePage');
const reports = () =>
  bg.calls.filter((c) => c.method === 'reportHighlights').map((c) => c.params['run']);

let session: InstanceType<typeof PageSession>;
beforeEach(() => {
  bg.calls = [];
  page.extracted = ARTICLE;
  document.body.innerHTML = ARTICLE.paragraphs.map((p) => `<p>${p}</p>`).join('');
  session = new PageSession(document, bundledLexicon());
});
afterEach(() => session.dispose());

describe('PageSession', () => {
  it('shows the newest run even when the older run’s answer arrives last', async () => {
    expect(session.phase).toBe('idle');
    const first = session.run(new AbortController().signal);
    await until(() => analyses().length === 1);
    expect(session.phase).toBe('matching');
    const second = session.run(new AbortController().signal);
    await until(() => analyses().length === 2);
    analyses()[1]?.answer(analysis(2, 1));
    await second;
    analyses()[0]?.answer(analysis(1, 0));
    await first;
    expect(session.phase).toBe('showing');
    expect(reports()).toEqual([2]);
    // The newer analysis' quote is the one on the page.
    expect(session.reveal(0)).toBe(true);
    expect(document.querySelector('p:nth-child(2)')?.textContent).toContain(QUOTES[1]);
  });

  it('keeps what it showed when a later run fails', async () => {
    const ok = session.run(new AbortController().signal);
    await until(() => analyses().length === 1);
    analyses()[0]?.answer(analysis(1, 0));
    await ok;
    const failing = session.run(new AbortController().signal);
    await until(() => analyses().length === 2);
    analyses()[1]?.fail(new Error('matchQuotes broke'));
    await failing;
    expect(session.phase).toBe('showing');
    expect(session.reveal(0)).toBe(true);
  });

  it('clears an article the page navigated away from, naming its run', async () => {
    const ok = session.run(new AbortController().signal);
    await until(() => analyses().length === 1);
    analyses()[0]?.answer(analysis(7, 0));
    await ok;
    page.extracted = NOT_ARTICLE;
    const away = session.run(new AbortController().signal);
    await until(() => analyses().length === 2);
    const clear = bg.calls.find((c) => c.method === 'clearPage');
    expect(clear?.params['run']).toBe(7);
    expect(session.reveal(0)).toBe(false);
    analyses()[1]?.answer({ ...analysis(8, 0), article: null, quotes: [], related: [] });
    await away;
    expect(session.phase).toBe('showing');
    expect(session.reveal(0)).toBe(false);
  });

  it('does nothing once disposed', async () => {
    session.dispose();
    await session.run(new AbortController().signal);
    expect(session.phase).toBe('disposed');
    expect(bg.calls).toEqual([]);
  });
});
