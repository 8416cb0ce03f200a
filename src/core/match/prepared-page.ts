/**
 * A page prepared once per analysis for both matchers: its own corpus article identified, its
 * profile built and the corpus ranked against it. Related coverage and quote matching read
 * the same ranking, so neither ranks the corpus again.
 */
import type { LoadedCorpus } from '../../corpus/types.ts';
import type { MatchIndex } from '../match-index.ts';
import type { ExtractedArticle } from '../types.ts';
import { selfOf } from './identify.ts';
import { isExcluded, MATCH_LIMITS, type MatchOptions } from './options.ts';
import { pageParagraphs } from './page-text.ts';
import {
  pageCandidates,
  profilePage,
  rankDocuments,
  type DocScore,
  type PageProfile,
} from './rank.ts';

export interface PreparedPage {
  article: ExtractedArticle;
  paragraphs: string[];
  /** The corpus article the page is (left out of everything), or null. */
  self: string | null;
  profile: PageProfile;
  /** The articles compared for same story and quotes, best first. */
  ranked: DocScore[];
}

/**
 * The page last prepared for an article, with what it was prepared over: the worker ranks a page
 * to know which texts to read, then analyses it over the index in the same state, which reuses
 * it (the texts read in between change no ranking).
 */
interface Prepared {
  index: MatchIndex;
  version: number | undefined;
  N: number;
  tables: LoadedCorpus['tables'];
  exclude: MatchOptions['exclude'];
  self: MatchOptions['self'];
  page: PreparedPage;
}
const lastPrepared = new WeakMap<ExtractedArticle, Prepared>();

export function preparePage(
  article: ExtractedArticle,
  corpus: LoadedCorpus,
  opts?: MatchOptions,
): PreparedPage {
  const index = corpus.match;
  const last = lastPrepared.get(article);
  // Only over an index that counts its changes (a live index); a plain one is prepared anew.
  if (
    last &&
    index.version !== undefined &&
    last.index === index &&
    last.version === index.version &&
    last.N === index.N &&
    last.tables === corpus.tables &&
    last.exclude === opts?.exclude &&
    last.self === opts?.self
  ) {
    return last.page;
  }
  const page = prepare(article, corpus, opts);
  lastPrepared.set(article, {
    index,
    version: index.version,
    N: index.N,
    tables: corpus.tables,
    exclude: opts?.exclude,
    self: opts?.self,
    page,
  });
  return page;
}

function prepare(
  article: ExtractedArticle,
  corpus: LoadedCorpus,
  opts?: MatchOptions,
): PreparedPage {
  const index = corpus.match;
  const profile = profilePage(index, corpus.tables, article);
  // The index candidates are read once: ranking takes them all, identification the first few.
  const pool = pageCandidates(index, profile);
  // The page's query serves identification too unless the profile added English glosses to it.
  const self = profile.glossed
    ? selfOf(article, corpus, opts)
    : selfOf(article, corpus, opts, profile.query, pool);
  const ranked = rankDocuments(index, profile, MATCH_LIMITS.quoteCompared, {
    skip: (id) => id === self || isExcluded(id, opts),
    pool,
  });
  return { article, paragraphs: pageParagraphs(article), self, profile, ranked };
}
