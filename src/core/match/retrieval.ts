/**
 * Candidate retrieval over the inverted index: term weights (BM25 idf), a query prepared
 * against the index, and the best candidates by BM25 accumulated over the postings of the
 * query's most telling terms.
 */
import type { MatchIndex } from '../match-index.ts';
import { STOPWORDS, stem, tokenize, type Token } from '../text.ts';

/** BM25 term-frequency saturation: the usual 1.2 (a term's tenth use adds little). */
const BM25_K1 = 1.2;
/** BM25 length normalisation: the usual 0.75 (long articles are not favoured for length). */
const BM25_B = 0.75;
/** A query term counts at most this many times (a page repeating a word is not more telling). */
const MAX_QUERY_TF = 3;
/** Postings read per query before the common terms are skipped (keeps a query in ~1 ms). */
const POSTINGS_BUDGET = 20_000;

/** Term frequencies of a text's content stems (`tokens`: its tokens, when the caller has them). */
export function termFrequencies(
  text: string,
  tokens: readonly Token[] = tokenize(text),
): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of tokens) {
    if (STOPWORDS.has(t.word) || t.word.length < 2) continue;
    const s = stem(t.word);
    tf.set(s, (tf.get(s) ?? 0) + 1);
  }
  return tf;
}

/** The idf of a term no article has. */
export function maxIdf(index: MatchIndex): number {
  return Math.log(1 + (index.N + 0.5) / 0.5);
}

/**
 * Term and document weights of one state of an index, computed when first asked for and kept
 * until the index changes (its `version` or size): every query reads the same few thousand idfs
 * and BM25 length norms, which need not be recomputed per query.
 */
interface Weights {
  version: number;
  N: number;
  /** idf by term id (NaN: not computed yet). */
  idf: Float64Array;
  /** BM25 length part of the tf norm by doc index (NaN: not computed yet). */
  lengthNorm: Float64Array;
}
const weightsCache = new WeakMap<MatchIndex, Weights>();

function weightsOf(index: MatchIndex): Weights {
  const version = index.version ?? 0;
  let w = weightsCache.get(index);
  if (
    !w ||
    w.version !== version ||
    w.N !== index.N ||
    w.idf.length < index.data.df.length ||
    w.lengthNorm.length < index.N
  ) {
    w = {
      version,
      N: index.N,
      idf: new Float64Array(index.data.df.length).fill(NaN),
      lengthNorm: new Float64Array(index.N).fill(NaN),
    };
    weightsCache.set(index, w);
  }
  return w;
}

function idfIn(w: Weights, index: MatchIndex, termId: number): number {
  let v = w.idf[termId];
  if (v === undefined || v !== v) {
    const n = index.data.df[termId] ?? 0;
    v = Math.log(1 + (index.N - n + 0.5) / (n + 0.5));
    if (termId < w.idf.length) w.idf[termId] = v;
  }
  return v;
}

/** BM25 inverse document frequency of a term id. */
export function idf(index: MatchIndex, termId: number): number {
  return idfIn(weightsOf(index), index, termId);
}

/** The idf of term ids in one state of the index, for loops that read many. */
export function idfReader(index: MatchIndex): (termId: number) => number {
  const w = weightsOf(index);
  return (termId) => idfIn(w, index, termId);
}

/** A query prepared against an index: known term ids with query weights. */
export interface IndexQuery {
  /** term id → query term frequency. */
  terms: Map<number, number>;
  /** Frequencies of the query's terms that no corpus article has (they still count in norms). */
  unknown: number[];
  /** Term ids ordered by discriminative weight (idf · log tf), best first. */
  ranked: number[];
}

export function prepareQuery(
  index: MatchIndex,
  text: string,
  /** `tokenize(text)`, when the caller has it already. */
  tokens?: readonly Token[],
): IndexQuery {
  const terms = new Map<number, number>();
  const unknown: number[] = [];
  for (const [t, f] of termFrequencies(text, tokens)) {
    const id = index.termIds.get(t);
    if (id !== undefined) terms.set(id, f);
    else unknown.push(f);
  }
  const idfOf = idfReader(index);
  const weightOf = new Map<number, number>();
  for (const [id, f] of terms) weightOf.set(id, idfOf(id) * (1 + Math.log(f)));
  const weight = (id: number) => weightOf.get(id) as number;
  const ranked = [...terms.keys()].sort((a, b) => weight(b) - weight(a));
  return { terms, unknown, ranked };
}

/**
 * Candidate articles from the inverted index: accumulates BM25 over the postings of the
 * query's most discriminative terms, rarest first, until `budget` postings have been read
 * (at least `minTerms` terms), and returns the best `k` doc indexes. Rare terms have short
 * postings, so a query reads many of them and only a few of the common ones.
 */
export function candidates(
  index: MatchIndex,
  q: IndexQuery,
  k: number,
  minTerms: number,
  budget = POSTINGS_BUDGET,
): number[] {
  const acc = scratchFor(index);
  const weights = weightsOf(index);
  const lengthNorm = weights.lengthNorm;
  const touched: number[] = [];
  let read = 0;
  let used = 0;
  for (const id of q.ranked) {
    const list = index.postingsOf ? index.postingsOf(id) : index.data.postings[id];
    if (!list) continue;
    if (used >= minTerms && read + list.length / 2 > budget) break;
    used++;
    read += list.length / 2;
    const qtf = q.terms.get(id) ?? 1;
    const w = idfIn(weights, index, id) * Math.min(qtf, MAX_QUERY_TF);
    for (let i = 0; i + 1 < list.length; i += 2) {
      const di = list[i] as number;
      let ln = lengthNorm[di];
      if (ln === undefined || ln !== ln) {
        const d = index.docs[di];
        if (!d) continue;
        ln = lengthNorm[di] = BM25_K1 * (1 - BM25_B + (BM25_B * d.len) / index.avgLen);
      }
      const tf = list[i + 1] as number;
      const norm = tf + ln;
      if (acc[di] === 0) touched.push(di);
      acc[di] = (acc[di] ?? 0) + (w * (tf * (BM25_K1 + 1))) / norm;
    }
  }
  const out = topK(acc, touched, k);
  for (const di of touched) acc[di] = 0;
  return out;
}

// One reusable accumulator per index (queries run one at a time in a JS thread).
const scratch = new WeakMap<MatchIndex, Float64Array>();
function scratchFor(index: MatchIndex): Float64Array {
  let a = scratch.get(index);
  if (!a || a.length !== index.N) scratch.set(index, (a = new Float64Array(index.N)));
  return a;
}

/** The `k` touched entries with the highest scores (ties by index), best first. */
function topK(acc: Float64Array, touched: number[], k: number): number[] {
  if (k <= 0) return [];
  // A min-heap of the best k seen so far.
  const heap: number[] = [];
  const better = (x: number, y: number) =>
    (acc[x] as number) > (acc[y] as number) || (acc[x] === acc[y] && x < y);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && better(heap[m] as number, heap[l] as number)) m = l;
      if (r < heap.length && better(heap[m] as number, heap[r] as number)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m] as number, heap[i] as number];
      i = m;
    }
  };
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!better(heap[p] as number, heap[i] as number)) return;
      [heap[i], heap[p]] = [heap[p] as number, heap[i] as number];
      i = p;
    }
  };
  for (const di of touched) {
    if (heap.length < k) {
      heap.push(di);
      up(heap.length - 1);
    } else if (better(di, heap[0] as number)) {
      heap[0] = di;
      down(0);
    }
  }
  return heap.sort((x, y) => (better(x, y) ? -1 : better(y, x) ? 1 : 0));
}
