/**
 * Test helper: the bundled corpus (seeds + timeline) built in memory from its sources with the
 * build's own index builder, so matching tests always see the current matching code (the
 * committed generated index may lag behind while code changes).
 */
import { buildCorpusIndex } from '../../../src/corpus/build-index.ts';
import { loadCorpus } from '../../../src/corpus/load.ts';
import {
  bundledMatchTables,
  readBundledTables,
  readCorpusSources,
} from '../../../src/corpus/node.ts';
import { corpusArticleAsPage } from '../../../src/corpus/as-page.ts';
import type { CorpusArticle, LoadedCorpus } from '../../../src/corpus/types.ts';
import type { ExtractedArticle } from '../../../src/core/types.ts';

let cached: LoadedCorpus | null = null;
let articles: CorpusArticle[] | null = null;

/** The corpus sources' articles (with text). */
export function seedArticles(): CorpusArticle[] {
  articles ??= readCorpusSources().articles;
  return articles;
}

/** The bundled corpus, loaded as the extension loads it. */
export function seedCorpus(): LoadedCorpus {
  if (cached) return cached;
  const { articles: a, events } = readCorpusSources();
  cached = loadCorpus(buildCorpusIndex(a, events, bundledMatchTables()), readBundledTables());
  return cached;
}

/** The seed article whose id starts with `prefix` ("000"). */
export function seed(prefix: string): CorpusArticle {
  const a = seedArticles().find((x) => x.id.startsWith(prefix));
  if (!a) throw new Error(`no seed ${prefix}`);
  return a;
}

/** A corpus article as a page would be extracted. */
export const asPage = corpusArticleAsPage;

/** A page made of the given paragraphs. */
export function pageOf(
  paragraphs: string[],
  meta: Partial<ExtractedArticle['meta']> = {},
): ExtractedArticle {
  return {
    meta: {
      url: 'https://example.test/page',
      title: '',
      site: null,
      publishedAt: null,
      lang: 'en',
      wordCount: paragraphs.join(' ').split(/\s+/).length,
      ...meta,
    },
    paragraphs,
  };
}
