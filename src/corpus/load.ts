/**
 * Turns the precomputed index into the run-time corpus: only maps are built here, nothing is
 * recomputed, so a restarted service worker is ready in milliseconds.
 */
import { hydrateMatchIndex } from '../core/match-index.ts';
import { matchTablesFrom, type MatchTableData } from '../core/match-tables.ts';
import type { CorpusArticleEntry, CorpusIndex, LoadedCorpus, TimelineEvent } from './types.ts';

/** Bumped whenever the index layout changes. */
export const CORPUS_INDEX_VERSION = 2;

export class CorpusIndexVersionError extends Error {}

/** The corpus for `index`, carrying the matching `tables` (checked here: a bad table throws). */
export function loadCorpus(index: CorpusIndex, tables: MatchTableData): LoadedCorpus {
  if (index.version !== CORPUS_INDEX_VERSION) {
    throw new CorpusIndexVersionError(
      `corpus index version ${index.version}, expected ${CORPUS_INDEX_VERSION}: rebuild it`,
    );
  }
  const articles = new Map<string, CorpusArticleEntry>();
  for (const a of index.articles) articles.set(a.id, a);
  // Already sorted by date by the builder.
  const events = index.events;
  const eventsById = new Map<string, TimelineEvent>();
  for (const e of events) eventsById.set(e.id, e);
  return {
    index,
    articles,
    events,
    eventsById,
    match: hydrateMatchIndex(index.match),
    tables: matchTablesFrom(tables),
  };
}
