/** Whether a page is itself a corpus article (same text, or nearly: boilerplate differences). */
import type { LoadedCorpus } from '../../corpus/types.ts';
import type { MatchIndex } from '../match-index.ts';
import type { ExtractedArticle } from '../types.ts';
import { identityOf, minhashSimilarity } from './identity.ts';
import { isExcluded, MATCH_LIMITS, type MatchOptions } from './options.ts';
import { pageText } from './page-text.ts';
import { candidates, prepareQuery, type IndexQuery } from './retrieval.ts';

/** Index candidates compared by MinHash: the page's own article is always among the first. */
const IDENTITY_CANDIDATES = 10;

/**
 * The articles of each text fingerprint, in index order, for one state of the index (its
 * `version` and size): found by a lookup rather than a pass over every article per page, which
 * at 10,000 library articles was the one part of identifying a page that grew with the library.
 */
const byFingerprint = new WeakMap<
  MatchIndex,
  { version: number; N: number; docs: Map<number, number[]> }
>();
function fingerprintDocs(index: MatchIndex): Map<number, number[]> {
  const version = index.version ?? 0;
  const c = byFingerprint.get(index);
  if (c && c.version === version && c.N === index.N) return c.docs;
  const docs = new Map<number, number[]>();
  index.docs.forEach((d, di) => {
    const list = docs.get(d.fingerprint);
    if (list) list.push(di);
    else docs.set(d.fingerprint, [di]);
  });
  byFingerprint.set(index, { version, N: index.N, docs });
  return docs;
}

/**
 * The corpus article this page is, or null. Such an article is the page itself, never its own
 * related coverage.
 */
export function identifyCorpusArticle(
  article: ExtractedArticle,
  corpus: LoadedCorpus,
  opts?: MatchOptions,
  /** The query of the page's title and text, when the caller has it already. */
  query?: IndexQuery,
  /**
   * That query's index candidates, best first, when the caller has them already (its best
   * `IDENTITY_CANDIDATES` or more, read with the default budget and `MATCH_LIMITS.queryTerms`).
   */
  pool?: readonly number[],
): string | null {
  const body = pageText(article);
  if (body.trim().length === 0) return null;
  const index = corpus.match;
  const { fingerprint: fp, sig } = identityOf(body);
  for (const di of fingerprintDocs(index).get(fp) ?? []) {
    const d = index.docs[di];
    if (d && !isExcluded(d.id, opts)) return d.id;
  }
  // The best k of a query's candidates are the first k of its best k' > k (one total order).
  const near =
    query && pool
      ? pool.slice(0, IDENTITY_CANDIDATES)
      : candidates(
          index,
          query ?? prepareQuery(index, `${article.meta?.title ?? ''}\n\n${body}`),
          IDENTITY_CANDIDATES,
          MATCH_LIMITS.queryTerms,
        );
  let best: { id: string; sim: number } | null = null;
  for (const di of near) {
    const d = index.docs[di];
    if (!d || isExcluded(d.id, opts)) continue;
    const sim = minhashSimilarity(sig, d.sig);
    if (sim >= MATCH_LIMITS.identical && (!best || sim > best.sim)) best = { id: d.id, sim };
  }
  return best?.id ?? null;
}

/** The page's own corpus article: as the caller identified it, else identified here. */
export function selfOf(
  article: ExtractedArticle,
  corpus: LoadedCorpus,
  opts?: MatchOptions,
  query?: IndexQuery,
  pool?: readonly number[],
): string | null {
  return opts?.self !== undefined
    ? opts.self
    : identifyCorpusArticle(article, corpus, opts, query, pool);
}
