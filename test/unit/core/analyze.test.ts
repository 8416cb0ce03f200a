/** The background half of the pipeline on pages that are, or are not, corpus articles. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../../src/cli/analyze-file.ts';
import { splitFrontMatter } from '../../../src/core/text-doc.ts';
import { readBundledCorpus } from '../../../src/corpus/node.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const corpus = readBundledCorpus();
const SEED = '002_ce92c921e6648354';

function seedAsPage(id: string): string {
  const { meta, body } = splitFrontMatter(
    readFileSync(join(ROOT, 'src/corpus/sources/articles', `${id}.md`), 'utf8'),
  );
  return `${meta['title'] ?? ''}\n\n${body}`;
}

describe('analyzeExtracted', () => {
  it('reports a page identical to a corpus article as that article, not as its own coverage', () => {
    const a = analyzeFile(seedAsPage(SEED), 'txt', 'https://copy.example/a', corpus);
    expect(a.detection.label).toBe('us-china-diplomacy');
    expect(a.corpusArticle?.id).toBe(SEED);
    expect(a.related.map((r) => r.id)).not.toContain(SEED);
    for (const q of a.quotes) for (const m of q.matches) expect(m.articleId).not.toBe(SEED);
    expect(a.related.filter((r) => r.relation === 'same-story').length).toBeGreaterThan(0);
  });

  it('does not claim an identity for a page that only tells the same story', () => {
    const html = readFileSync(join(ROOT, 'sample/article.html'), 'utf8');
    const a = analyzeFile(html, 'html', 'https://harbour-ledger.example/a', corpus);
    expect(a.corpusArticle).toBeNull();
    expect(a.related.some((r) => r.relation === 'same-story')).toBe(true);
  });

  it('leaves an excluded corpus article out of identity, coverage and quote matches', () => {
    const a = analyzeFile(seedAsPage(SEED), 'txt', 'https://copy.example/a', corpus, {
      exclude: new Set([SEED]),
    });
    expect(a.corpusArticle).toBeNull();
    expect(a.related.map((r) => r.id)).not.toContain(SEED);
  });

  it('does no matching for pages that are not diplomacy unless forced', () => {
    const html = readFileSync(join(ROOT, 'test/fixtures/e2e/unrelated.html'), 'utf8');
    const plain = analyzeFile(
      html,
      'html',
      'https://harbour-ledger.example/local/2023/03/02/tide-mill-restored',
      corpus,
    );
    expect(plain.detection.label).not.toBe('us-china-diplomacy');
    expect([plain.related, plain.quotes, plain.context]).toEqual([[], [], []]);
    const forced = analyzeFile(
      html,
      'html',
      'https://harbour-ledger.example/local/2023/03/02/tide-mill-restored',
      corpus,
      { force: true },
    );
    expect(forced.detection.label).toBe(plain.detection.label);
    // Forced: matching and context ran (the extended timeline exists, even if nothing matched).
    expect(plain.moreContext).toBeUndefined();
    expect(Array.isArray(forced.moreContext)).toBe(true);
  });
});
