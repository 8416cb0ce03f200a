/**
 * Turns validated corpus records into the index the service worker loads as-is: article
 * metadata, the timeline, the event mentions of every article and the matching data.
 * Deterministic (same sources → byte-identical JSON), so a test can detect a stale index.
 */
import { countWords } from '../core/word-count.ts';
import { buildMatchIndex } from '../core/match-index.ts';
import type { MatchTables } from '../core/match-tables.ts';
import { resolveMentions } from '../core/mentions.ts';
import { hash32 } from '../core/text.ts';
import { CORPUS_INDEX_VERSION } from './load.ts';
import { compareEvents, compareIds } from './order.ts';
import type { CorpusArticle, CorpusArticleEntry, CorpusIndex, TimelineEvent } from './types.ts';

export { CORPUS_INDEX_VERSION };

/** A 64-bit (two FNV-1a halves) hex hash of the corpus records. */
export function corpusSourceHash(articles: CorpusArticle[], events: TimelineEvent[]): string {
  const canonical = JSON.stringify({ articles, events });
  const a = hash32(canonical);
  const b = hash32(canonical, a ^ 0x9e3779b9);
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/**
 * The index of `articles` and `events`; `tables` gloss Chinese articles for English pages, and
 * their lexicon reads event mentions and quote speakers.
 */
export function buildCorpusIndex(
  articles: CorpusArticle[],
  events: TimelineEvent[],
  tables: MatchTables,
): CorpusIndex {
  const sortedArticles = [...articles].sort(compareIds);
  const sortedEvents = [...events].sort(compareEvents);
  const entries: CorpusArticleEntry[] = sortedArticles.map(({ text, ...meta }) => ({
    ...meta,
    // Counted as for the reader's page, so the two compare.
    wordCount: countWords(text.split(/\n\s*\n/)),
  }));
  const mentions: Record<string, CorpusIndex['mentions'][string]> = {};
  for (const a of sortedArticles) {
    mentions[a.id] = resolveMentions(a.text, a.publishedAt, sortedEvents, tables.lexicon);
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
    tables,
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
