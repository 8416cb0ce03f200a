/**
 * Test helper: a LoadedCorpus built in memory from the bundled corpus sources (the seeds and
 * the timeline), with the same index builder the build uses. Mentions are left empty here;
 * tests that need them use the committed generated index.
 */
import { existsSync } from 'node:fs';
import { buildMatchIndex } from '../../../src/core/match-index.ts';
import { loadCorpus } from '../../../src/corpus/load.ts';
import {
  GENERATED_INDEX_PATH,
  readBundledCorpus,
  readCorpusSources,
} from '../../../src/corpus/node.ts';
import type { CorpusArticle, CorpusIndex, LoadedCorpus } from '../../../src/corpus/types.ts';
import type { ExtractedArticle } from '../../../src/core/types.ts';

let cached: LoadedCorpus | null = null;

/** The corpus as the extension loads it when the generated index exists, else built here. */
export function seedCorpus(): LoadedCorpus {
  if (cached) return cached;
  if (existsSync(GENERATED_INDEX_PATH)) {
    try {
      cached = readBundledCorpus();
      return cached;
    } catch {
      // A stale or half-written index: fall back to building from the sources.
    }
  }
  const { articles, events } = readCorpusSources();
  const index: CorpusIndex = {
    version: 1,
    sourceHash: 'test',
    articles: articles.map(({ text, ...meta }) => ({
      ...meta,
      wordCount: text.split(/\s+/).length,
    })),
    events,
    mentions: {},
    match: buildMatchIndex(articles),
  };
  cached = loadCorpus(index);
  return cached;
}

/** The corpus source records (with text). */
export function seedArticles(): CorpusArticle[] {
  return readCorpusSources().articles;
}

/** A corpus article as a page would be extracted. */
export function asPage(a: CorpusArticle): ExtractedArticle {
  const paragraphs = a.text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    meta: {
      url: a.url ?? `https://example.test/${a.id}`,
      title: a.title,
      site: a.outlet,
      publishedAt: a.publishedAt,
      lang: a.lang,
      wordCount: a.text.split(/\s+/).length,
    },
    paragraphs,
  };
}
