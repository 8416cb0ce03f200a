/**
 * A page prepared once per analysis for both matchers: its own corpus article identified, its
 * profile built and the corpus ranked against it. Related coverage and quote matching read
 * the same ranking, so neither ranks the corpus again.
 */
import type { LoadedCorpus } from '../../corpus/types.ts';
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

export function preparePage(
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
