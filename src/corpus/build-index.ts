/**
 * Turns validated corpus records into the index the service worker loads as-is: article
 * metadata, the timeline, the event mentions of every article and the matching data.
 * Deterministic (same sources → byte-identical JSON), so a test can detect a stale index.
 */
import { buildMatchIndex } from '../core/match-index.ts';
import { resolveMentions } from '../core/mentions.ts';
import { hash32 } from '../core/text.ts';
import { CORPUS_INDEX_VERSION } from './load.ts';
import type { CorpusArticle, CorpusArticleEntry, CorpusIndex, TimelineEvent } from './types.ts';

export { CORPUS_INDEX_VERSION };

/** A 64-bit (two FNV-1a halves) hex hash of the corpus records. */
export function corpusSourceHash(articles: CorpusArticle[], events: TimelineEvent[]): string {
  const canonical = JSON.stringify({ articles, events });
  const a = hash32(canonical);
  const b = hash32(canonical, a ^ 0x9e3779b9);
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function buildCorpusIndex(articles: CorpusArticle[], events: TimelineEvent[]): CorpusIndex {
  const sortedArticles = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sortedEvents = [...events].sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const entries: CorpusArticleEntry[] = sortedArticles.map(({ text, ...meta }) => ({
    ...meta,
    wordCount: countWords(text),
  }));
  const mentions: Record<string, CorpusIndex['mentions'][string]> = {};
  for (const a of sortedArticles) {
    mentions[a.id] = resolveMentions(a.text, a.publishedAt, sortedEvents);
  }
  const match = buildMatchIndex(
    sortedArticles.map((a) => ({
      id: a.id,
      title: a.title,
      text: a.text,
      publishedAt: a.publishedAt,
      outlet: a.outlet,
      lang: a.lang,
    })),
  );
  return {
    version: CORPUS_INDEX_VERSION,
    sourceHash: corpusSourceHash(sortedArticles, sortedEvents),
    articles: entries,
    events: sortedEvents,
    mentions,
    match,
  };
}

/** The committed file's exact text for an index (stable key order, one trailing newline). */
export function serializeCorpusIndex(index: CorpusIndex): string {
  return `${JSON.stringify(index)}\n`;
}
