/** A corpus article as extraction would hand it to matching: for leave-one-out evaluation and tests. */
import type { ExtractedArticle } from '../core/types.ts';
import type { CorpusArticle } from './types.ts';

export function corpusArticleAsPage(a: CorpusArticle): ExtractedArticle {
  return {
    meta: {
      url: a.url ?? `https://example.test/${a.id}`,
      title: a.title,
      site: a.outlet,
      publishedAt: a.publishedAt,
      lang: a.lang,
      wordCount: a.text.split(/\s+/).length,
    },
    paragraphs: a.text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
  };
}
