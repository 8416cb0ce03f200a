/** What `npm start` prints: a few plain lines, not the analysis as JSON. */
import { describe, expect, it } from 'vitest';
import { startSummary } from '../../../scripts/start-summary.ts';
import type { StoredAnalysis } from '../../../src/analysis-store.ts';
import type { RelatedItem } from '../../../src/core/types.ts';

const related = (id: string, relation: RelatedItem['relation']): RelatedItem =>
  ({ id, title: `Story ${id}`, relation, score: 0.8, why: [] }) as unknown as RelatedItem;

const analysis: StoredAnalysis = {
  pageUrl: 'http://127.0.0.1:5000/article.html',
  article: {
    url: 'http://127.0.0.1:5000/article.html',
    title: 'Xi signals thaw in letter to US audience',
    site: 'The Harbour Ledger',
    publishedAt: '2021-11-12',
    lang: 'en',
    wordCount: 600,
  },
  detection: { label: 'us-china-diplomacy', score: 0.9, reasons: [] },
  related: [related('a', 'same-story'), related('b', 'same-story'), related('c', 'related')],
  quotes: [
    {
      text: 'familiar and frank',
      speaker: null,
      matches: [{ articleId: 'a', text: 'x', score: 1 }],
    },
    { text: 'a vital juncture', speaker: null, matches: [] },
  ],
  context: [],
  highlights: { anchored: 1, orphaned: 0 },
} as unknown as StoredAnalysis;

describe('startSummary', () => {
  it('says the verdict in words, the counts with their nouns, and where the screenshots are', () => {
    const lines = startSummary(analysis, ['out/start/page.png', 'out/start/popup.png']);
    expect(lines).toEqual([
      'Page: Xi signals thaw in letter to US audience',
      'Verdict: about US–China diplomacy',
      'Related coverage: 3 articles (2 on the same story)',
      'Quotes: 2 quotes on the page, 1 also reported elsewhere',
      'Prior context: 0 events',
      'Highlighted on the page: 1 quote',
      'Screenshots: out/start/page.png, out/start/popup.png',
    ]);
  });

  it('names no internal label, and says which quotes the page could not place', () => {
    const other = {
      ...analysis,
      article: null,
      detection: { label: 'not-article', score: 0, reasons: [] },
      related: [],
      quotes: [],
      highlights: { anchored: 2, orphaned: 1 },
    } as unknown as StoredAnalysis;
    const text = startSummary(other, []).join('\n');
    expect(text).toContain('Page: http://127.0.0.1:5000/article.html');
    expect(text).toContain('Verdict: not an article');
    expect(text).not.toMatch(/not-article|us-china/);
    expect(text).toContain('Highlighted on the page: 2 quotes (1 not found in the page)');
    expect(text).not.toContain('Screenshots');
  });
});
