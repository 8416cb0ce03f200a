/**
 * Ranking corpus articles for a page: index candidates re-scored by the cosine of tf·idf
 * vectors, the names both mention and how far apart they were published.
 */
import type { IndexedDoc, MatchIndex } from '../match-index.ts';
import { daysBetween, tokenize } from '../text.ts';
import type { ExtractedArticle } from '../types.ts';
import type { MatchTables } from '../match-tables.ts';
import { isChinese } from '../zh-gloss.ts';
import { extractEntities } from './entities.ts';
import { MATCH_LIMITS } from './options.ts';
import { pageText } from './page-text.ts';
import { candidates, idf, idfReader, maxIdf, prepareQuery, type IndexQuery } from './retrieval.ts';

/** Share of the fine score from wording (tf·idf cosine): the strongest single signal. */
const WORDING_WEIGHT = 0.65;
/** Share from shared names: event-specific people and places tie stories the wording may not. */
const NAMES_WEIGHT = 0.2;
/** Share from publication distance: a tie-breaker, since old stories are retold. */
const DATE_WEIGHT = 0.15;
/** Name weight (multi-word names count double) at which shared names score in full. */
const NAMES_FULL = 20;
/** A multi-word name ("qin gang") says more than one capitalised word. */
const MULTI_WORD_NAME = 2;

/** The page prepared once for document ranking. */
export interface PageProfile {
  query: IndexQuery;
  /** term id → tf·idf weight, and the vector norm. */
  weights: Map<number, number>;
  norm: number;
  entities: Set<string>;
  date: string | null;
  /** Whether the query text has English glosses added (a Chinese page). */
  glossed: boolean;
}

export function profilePage(
  index: MatchIndex,
  tables: MatchTables,
  article: ExtractedArticle,
): PageProfile {
  let text = `${article.meta?.title ?? ''}\n\n${pageText(article)}`;
  // A Chinese page is compared with the corpus through the English renderings of its words.
  const glossed = isChinese(text);
  if (glossed) text = `${text}\n\n${tables.zh.glossText(text)}`;
  // One tokenisation serves the query and the names.
  const tokens = tokenize(text);
  const query = prepareQuery(index, text, tokens);
  const weights = new Map<number, number>();
  let sq = 0;
  for (const [id, tf] of query.terms) {
    const w = (1 + Math.log(tf)) * idf(index, id);
    weights.set(id, w);
    sq += w * w;
  }
  // Words of the page that no corpus article uses make it less like any of them.
  const rare = maxIdf(index);
  for (const tf of query.unknown) sq += ((1 + Math.log(tf)) * rare) ** 2;
  return {
    query,
    weights,
    norm: Math.sqrt(sq) || 1,
    entities: new Set(extractEntities(text, tokens)),
    date: article.meta?.publishedAt ?? null,
    glossed,
  };
}

/** tf·idf weight of an article's k-th term. */
function termWeight(index: MatchIndex, d: IndexedDoc, k: number): number {
  return (1 + Math.log(d.tfs[k] as number)) * idf(index, d.terms[k] as number);
}

/**
 * Squared norms of the articles' tf·idf vectors in one state of the index (NaN: not computed
 * yet), kept until the index changes: the same articles come back query after query.
 */
const squaresCache = new WeakMap<MatchIndex, { version: number; N: number; sq: Float64Array }>();
function squaresOf(index: MatchIndex): Float64Array {
  const version = index.version ?? 0;
  let c = squaresCache.get(index);
  if (!c || c.version !== version || c.N !== index.N) {
    c = { version, N: index.N, sq: new Float64Array(index.N).fill(NaN) };
    squaresCache.set(index, c);
  }
  return c.sq;
}

/**
 * The page's weights by term id (NaN: not a term of the page), for the loops over articles'
 * terms: an array read instead of a map looked up, the same numbers.
 */
const denseWeights = new WeakMap<PageProfile, Float64Array>();
function denseOf(index: MatchIndex, page: PageProfile): Float64Array {
  let dense = denseWeights.get(page);
  if (!dense || dense.length < index.data.df.length) {
    dense = new Float64Array(index.data.df.length).fill(NaN);
    for (const [id, w] of page.weights) if (id < dense.length) dense[id] = w;
    denseWeights.set(page, dense);
  }
  return dense;
}

/** Cosine of the page's and an article's tf·idf vectors. */
function cosine(index: MatchIndex, page: PageProfile, d: IndexedDoc, di: number): number {
  const squares = squaresOf(index);
  const idfOf = idfReader(index);
  const dense = denseOf(index, page);
  let dot = 0;
  let sq = squares[di] ?? NaN;
  const known = sq === sq;
  if (!known) sq = 0;
  const { terms, tfs } = d;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i] as number;
    let pw: number | undefined = dense[t];
    if (pw !== pw) pw = undefined;
    if (known && pw === undefined) continue;
    // The same expression as termWeight, so the sums are the same to the last bit.
    const w = (1 + Math.log(tfs[i] as number)) * idfOf(terms[i] as number);
    if (!known) sq += w * w;
    if (pw !== undefined) dot += pw * w;
  }
  if (!known && di < squares.length) squares[di] = sq;
  return sq > 0 ? dot / (page.norm * Math.sqrt(sq)) : 0;
}

export interface DocScore {
  doc: number;
  score: number;
  cosine: number;
  sharedEntities: string[];
  days: number | null;
}

/** Closeness in time (0..1): the same news cycle scores high, years apart nothing. */
function dateScore(days: number | null): number {
  if (days === null) return 0.5;
  const d = Math.abs(days);
  return d <= 1 ? 1 : d <= 7 ? 0.8 : d <= 31 ? 0.5 : d <= 365 ? 0.2 : 0;
}

/** Fine score of one article for the page: term weighting, shared names, date distance. */
export function scoreDoc(index: MatchIndex, page: PageProfile, di: number): DocScore | null {
  const d = index.docs[di];
  if (!d) return null;
  const cos = cosine(index, page, d, di);
  const shared = d.entities.filter((e) => page.entities.has(e));
  const entWeight = shared.reduce((s, e) => s + (e.includes(' ') ? MULTI_WORD_NAME : 1), 0);
  const entScore = Math.min(1, entWeight / NAMES_FULL);
  const days = daysBetween(page.date, d.publishedAt);
  const score = WORDING_WEIGHT * cos + NAMES_WEIGHT * entScore + DATE_WEIGHT * dateScore(days);
  return { doc: di, score, cosine: cos, sharedEntities: shared, days };
}

/** The index candidates ranked for a page (`MATCH_LIMITS.candidates` of them at most). */
export function pageCandidates(index: MatchIndex, page: PageProfile): number[] {
  return candidates(index, page.query, MATCH_LIMITS.candidates, MATCH_LIMITS.queryTerms);
}

/**
 * The best `k` articles for a page by fine score. With `bruteForce` every article is scored
 * (the baseline the benchmark compares against); otherwise only index candidates are.
 */
export function rankDocuments(
  index: MatchIndex,
  page: PageProfile,
  k: number,
  opts: {
    bruteForce?: boolean;
    skip?: (id: string) => boolean;
    /** `pageCandidates(index, page)`, when the caller has them already. */
    pool?: readonly number[];
  } = {},
): DocScore[] {
  const pool = opts.bruteForce
    ? index.docs.map((_, i) => i)
    : (opts.pool ?? pageCandidates(index, page));
  const scored: DocScore[] = [];
  for (const di of pool) {
    const d = index.docs[di];
    if (!d || opts.skip?.(d.id)) continue;
    const s = scoreDoc(index, page, di);
    if (s && s.score > 0) scored.push(s);
  }
  scored.sort((a, b) => b.score - a.score || a.doc - b.doc);
  return scored.slice(0, k);
}

/** Cosine of two corpus articles' tf·idf vectors (forward indexes, merge join). */
export function docCosine(index: MatchIndex, a: IndexedDoc, b: IndexedDoc): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let k = 0; k < a.terms.length; k++) na += termWeight(index, a, k) ** 2;
  for (let k = 0; k < b.terms.length; k++) nb += termWeight(index, b, k) ** 2;
  while (i < a.terms.length && j < b.terms.length) {
    const ta = a.terms[i] as number;
    const tb = b.terms[j] as number;
    if (ta === tb) dot += termWeight(index, a, i++) * termWeight(index, b, j++);
    else if (ta < tb) i++;
    else j++;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}
