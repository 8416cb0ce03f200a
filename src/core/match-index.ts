/**
 * The matching index over the corpus, built once at build time and loaded as JSON.
 *
 * - an inverted index (term → postings with term frequencies) for candidate retrieval, so a
 *   query touches only the postings of its most telling terms instead of every article;
 * - a forward index (article → sorted term ids + frequencies) for exact BM25 re-ranking;
 * - a MinHash signature over word 3-shingles per article (near-identical page detection);
 * - each article's quotes with offsets, speakers and stems, and its named entities.
 *
 * Everything in `MatchIndexData` is plain JSON; `hydrateMatchIndex` only builds two id maps.
 */
import { extractQuotesDetailed, speakerKey } from './quotes.ts';
import { glossText, isChinese } from './zh-gloss.ts';
import {
  contentStems,
  hash32,
  NEGATIONS,
  normalizeText,
  splitSentences,
  STOPWORDS,
  stem,
  tokenize,
} from './text.ts';

export interface MatchDoc {
  id: string;
  title: string;
  text: string;
  publishedAt: string | null;
  outlet: string | null;
  lang: string;
}

/** A corpus article's quote, precomputed for matching. */
export interface IndexedQuote {
  text: string;
  speaker: string | null;
  /** Comparable speaker key ("xi", "campbell"), or null. */
  speakerKey: string | null;
  paragraph: number;
  /** Offsets of `text` in the article text. */
  start: number;
  end: number;
  unmarked?: boolean;
  /** Stemmed content words of the quote, in order. */
  stems: string[];
  /** Stemmed content words of the sentence around the quote (outside it). */
  context: string[];
}

export interface IndexedDoc {
  id: string;
  title: string;
  publishedAt: string | null;
  outlet: string | null;
  lang: string;
  /** Number of content terms (BM25 document length). */
  len: number;
  /** Hash of the normalised text: identical pages are recognised exactly. */
  fingerprint: number;
  /** MinHash signature over word 3-shingles. */
  sig: number[];
  /** Term ids, ascending, and their frequencies (forward index). */
  terms: number[];
  tfs: number[];
  /** Lower-cased named entities (capitalised word sequences). */
  entities: string[];
  quotes: IndexedQuote[];
  /** Sentences of the text (offsets), for "same event" explanations. */
  sentences: [number, number][];
  /** The article text (kept for explanations and alignment; the corpus is small). */
  text: string;
}

export interface MatchIndexData {
  version: 1;
  docs: IndexedDoc[];
  /** Term strings (stems); a term's id is its position. */
  vocab: string[];
  df: number[];
  /** Per term id: [docIndex, tf, docIndex, tf, …] with ascending doc indexes. */
  postings: number[][];
  avgLen: number;
  /** Number of articles naming each entity (to tell event-specific names from ubiquitous ones). */
  entityDf: Record<string, number>;
}

/** Runtime form: the data plus lookups. */
export interface MatchIndex {
  data: MatchIndexData;
  docs: IndexedDoc[];
  byId: Map<string, number>;
  termIds: Map<string, number>;
  N: number;
  avgLen: number;
}

export const MINHASH_SIZE = 32;
const BM25_K1 = 1.2;
const BM25_B = 0.75;

// Fixed odd multipliers/offsets for MinHash permutations (deterministic builds).
const MH_A: number[] = [];
const MH_B: number[] = [];
for (let i = 0; i < MINHASH_SIZE; i++) {
  MH_A.push((hash32(`a${i}`) | 1) >>> 0);
  MH_B.push(hash32(`b${i}`) >>> 0);
}

/** MinHash signature of a text's word 3-shingles. */
export function minhash(text: string): number[] {
  return minhashWords(tokenize(normalizeText(text)).map((t) => t.word));
}

function minhashWords(ws: string[]): number[] {
  const sig = new Array<number>(MINHASH_SIZE).fill(0xffffffff);
  const wh = ws.map((w) => hash32(w));
  const n = Math.max(1, ws.length - 2);
  for (let i = 0; i < n; i++) {
    // Shingle hash from the three word hashes (order-sensitive mix).
    let h = Math.imul((wh[i] ?? 0) ^ 0x9e3779b9, 0x85ebca6b);
    h = Math.imul(h ^ (wh[i + 1] ?? 0) ^ (h >>> 13), 0xc2b2ae35);
    h = (Math.imul(h ^ (wh[i + 2] ?? 0) ^ (h >>> 16), 0x27d4eb2f) ^ (h >>> 15)) >>> 0;
    for (let k = 0; k < MINHASH_SIZE; k++) {
      const v = (Math.imul(h, MH_A[k] as number) + (MH_B[k] as number)) >>> 0;
      if (v < (sig[k] as number)) sig[k] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of two MinHash signatures. */
export function minhashSimilarity(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

/** Fingerprint of a text for exact identity (normalised, whitespace- and case-insensitive). */
export function fingerprint(text: string): number {
  return hash32(
    tokenize(normalizeText(text))
      .map((t) => t.word)
      .join(' '),
  );
}

/** Fingerprint and MinHash signature from one tokenisation. */
function identityOf(text: string): { fingerprint: number; sig: number[] } {
  const ws = tokenize(normalizeText(text)).map((t) => t.word);
  return { fingerprint: hash32(ws.join(' ')), sig: minhashWords(ws) };
}

/** Named entities: capitalised word runs, lower-cased ("qin gang", "national committee"). */
export function extractEntities(text: string): string[] {
  const src = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const out = new Set<string>();
  let run: string[] = [];
  let runStartsSentence = false;
  const flush = () => {
    // A lone capitalised word at a sentence start is usually just the first word.
    if (run.length > 1 || (run.length === 1 && !runStartsSentence)) {
      const name = run.join(' ');
      if (!STOPWORDS.has(name)) out.add(name);
      if (run.length > 1) for (const w of run) if (!STOPWORDS.has(w) && w.length > 1) out.add(w);
      // Titles run into names ("Ambassador Qin Gang"): the word pairs name the person too.
      if (run.length > 2)
        for (let k = 0; k + 1 < run.length; k++) out.add(`${run[k]} ${run[k + 1]}`);
    }
    run = [];
  };
  let last = 0;
  let sentenceStart = true;
  for (const t of tokenize(src)) {
    const gap = src.slice(last, t.start);
    last = t.end;
    if (/[.!?\n]/.test(gap)) sentenceStart = true;
    // Punctuation between two capitalised words ends a name ("Qin Gang, China's …").
    if (run.length > 0 && /\S/.test(gap)) flush();
    const c = src.charCodeAt(t.start);
    const capital =
      (c >= 65 && c <= 90) || (c > 127 && /^\p{Lu}/u.test(src.slice(t.start, t.start + 2)));
    if (capital && !STOPWORDS.has(t.word)) {
      if (run.length === 0) runStartsSentence = sentenceStart;
      run.push(t.word.replace(/'s$/, ''));
    } else flush();
    sentenceStart = false;
  }
  flush();
  return [...out].sort();
}

/** Splits corpus text into paragraphs (blank lines) with their offsets. */
export function paragraphsWithOffsets(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /\n\s*\n/g;
  let start = 0;
  const push = (s: number, e: number) => {
    const raw = text.slice(s, e);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) out.push({ text: t, start: s + lead });
  };
  for (const m of text.matchAll(re)) {
    push(start, m.index ?? 0);
    start = (m.index ?? 0) + m[0].length;
  }
  push(start, text.length);
  return out;
}

/** A quote's content words: stems, their offsets in the quote and their sentence number. */
export interface QuoteTokens {
  stems: string[];
  spans: [number, number][];
  sentence: number[];
}

/**
 * Content words of a quote (negations kept: "not conflict" is not "conflict"). A run of
 * capitalised words inside a sentence is one name ("United States"), so a name shared by two
 * remarks counts once, not once per word.
 */
export function quoteTokens(text: string, max = 200): QuoteTokens {
  const out: QuoteTokens = { stems: [], spans: [], sentence: [] };
  let sentence = 0;
  let last = 0;
  let prevName = false;
  let sentenceStart = true;
  for (const t of tokenize(text)) {
    const gap = text.slice(last, t.start);
    if (/[.!?;]/.test(gap)) {
      sentence++;
      sentenceStart = true;
    }
    last = t.end;
    const capital = /^\p{Lu}/u.test(text.slice(t.start, t.end));
    const isName = capital && !sentenceStart && !STOPWORDS.has(t.word);
    const wasStart = sentenceStart;
    sentenceStart = false;
    if (STOPWORDS.has(t.word) && !NEGATIONS.has(t.word)) {
      prevName = false;
      continue;
    }
    if (isName && prevName && /^\s+$/.test(gap)) {
      const k = out.stems.length - 1;
      out.stems[k] = `${out.stems[k]} ${t.word}`;
      const span = out.spans[k] as [number, number];
      span[1] = t.end;
      continue;
    }
    prevName = isName || (wasStart && capital);
    out.stems.push(isName ? t.word : stem(t.word));
    out.spans.push([t.start, t.end]);
    out.sentence.push(sentence);
    if (out.stems.length >= max) break;
  }
  return out;
}

/** Quotes of a text with offsets in that text, ready for the index. */
export function indexQuotes(text: string): IndexedQuote[] {
  const paras = paragraphsWithOffsets(text);
  const found = extractQuotesDetailed(paras.map((p) => p.text));
  const out: IndexedQuote[] = [];
  for (const q of found) {
    const para = paras[q.paragraph];
    if (!para) continue;
    out.push({
      text: q.text,
      speaker: q.speaker,
      speakerKey: speakerKey(q.speaker),
      paragraph: q.paragraph,
      start: para.start + q.start,
      end: para.start + q.end,
      ...(q.unmarked ? { unmarked: true } : {}),
      stems: quoteTokens(q.text).stems,
      context: quoteContext(para.text, q.start, q.end),
    });
  }
  return out;
}

/** Stems of the sentence(s) around a quote, outside the quote itself. */
export function quoteContext(paragraph: string, start: number, end: number): string[] {
  let s = start;
  let e = end;
  const before = paragraph.slice(Math.max(0, start - 200), start);
  const cut = Math.max(
    before.lastIndexOf('. '),
    before.lastIndexOf('? '),
    before.lastIndexOf('! '),
  );
  s = cut >= 0 ? start - before.length + cut + 2 : Math.max(0, start - 200);
  const after = paragraph.slice(end, end + 200);
  const stop = after.search(/[.!?]\s/);
  e = stop >= 0 ? end + stop : Math.min(paragraph.length, end + 200);
  return contentStems(paragraph.slice(s, start) + ' ' + paragraph.slice(end, e));
}

/** Term frequencies of a text's content stems. */
export function termFrequencies(text: string): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of tokenize(text)) {
    if (STOPWORDS.has(t.word) || t.word.length < 2) continue;
    const s = stem(t.word);
    tf.set(s, (tf.get(s) ?? 0) + 1);
  }
  return tf;
}

/** Builds the JSON-serialisable index for a set of corpus articles. */
export function buildMatchIndex(docs: MatchDoc[]): MatchIndexData {
  const vocab: string[] = [];
  const termIds = new Map<string, number>();
  const df: number[] = [];
  const postings: number[][] = [];
  const out: IndexedDoc[] = [];
  let totalLen = 0;
  docs.forEach((d, di) => {
    const full = `${d.title}\n\n${d.text}`;
    // A Chinese article is found by English pages through the English renderings of its words.
    const tf = termFrequencies(isChinese(full) ? `${full}\n\n${glossText(full)}` : full);
    const pairs: [number, number][] = [];
    let len = 0;
    for (const [term, f] of tf) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = vocab.length;
        termIds.set(term, id);
        vocab.push(term);
        df.push(0);
        postings.push([]);
      }
      df[id] = (df[id] ?? 0) + 1;
      (postings[id] as number[]).push(di, f);
      pairs.push([id, f]);
      len += f;
    }
    pairs.sort((a, b) => a[0] - b[0]);
    totalLen += len;
    out.push({
      id: d.id,
      title: d.title,
      publishedAt: d.publishedAt,
      outlet: d.outlet,
      lang: d.lang,
      len,
      ...identityOf(d.text),
      terms: pairs.map((p) => p[0]),
      tfs: pairs.map((p) => p[1]),
      entities: extractEntities(full),
      quotes: indexQuotes(d.text),
      sentences: splitSentences(d.text).map((s) => [s.start, s.end]),
      text: d.text,
    });
  });
  const entityDf: Record<string, number> = {};
  for (const d of out) for (const e of d.entities) entityDf[e] = (entityDf[e] ?? 0) + 1;
  return {
    version: 1,
    docs: out,
    entityDf,
    vocab,
    df,
    postings,
    avgLen: docs.length ? totalLen / docs.length : 0,
  };
}

/** Wraps loaded index data for use; only builds the id lookups. */
export function hydrateMatchIndex(data: MatchIndexData): MatchIndex {
  const byId = new Map<string, number>();
  data.docs.forEach((d, i) => byId.set(d.id, i));
  const termIds = new Map<string, number>();
  data.vocab.forEach((t, i) => termIds.set(t, i));
  return { data, docs: data.docs, byId, termIds, N: data.docs.length, avgLen: data.avgLen || 1 };
}

/** The idf of a term no article has. */
export function maxIdf(index: MatchIndex): number {
  return Math.log(1 + (index.N + 0.5) / 0.5);
}

/** BM25 inverse document frequency of a term id. */
export function idf(index: MatchIndex, termId: number): number {
  const n = index.data.df[termId] ?? 0;
  return Math.log(1 + (index.N - n + 0.5) / (n + 0.5));
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

export function prepareQuery(index: MatchIndex, text: string): IndexQuery {
  const terms = new Map<number, number>();
  const unknown: number[] = [];
  for (const [t, f] of termFrequencies(text)) {
    const id = index.termIds.get(t);
    if (id !== undefined) terms.set(id, f);
    else unknown.push(f);
  }
  const weight = (id: number) => idf(index, id) * (1 + Math.log(terms.get(id) ?? 1));
  const ranked = [...terms.keys()].sort((a, b) => weight(b) - weight(a));
  return { terms, unknown, ranked };
}

function bm25Term(index: MatchIndex, termId: number, tf: number, len: number, qtf: number): number {
  const norm = tf + BM25_K1 * (1 - BM25_B + (BM25_B * len) / index.avgLen);
  return idf(index, termId) * ((tf * (BM25_K1 + 1)) / norm) * Math.min(qtf, 3);
}

/** Exact BM25 of a query against one article (forward-index scan). */
export function bm25(index: MatchIndex, q: IndexQuery, docIndex: number): number {
  const d = index.docs[docIndex];
  if (!d) return 0;
  let s = 0;
  for (let i = 0; i < d.terms.length; i++) {
    const id = d.terms[i] as number;
    const qtf = q.terms.get(id);
    if (qtf !== undefined) s += bm25Term(index, id, d.tfs[i] as number, d.len, qtf);
  }
  return s;
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
  k = 100,
  minTerms = 8,
  budget = 20_000,
): number[] {
  const acc = scratchFor(index);
  const touched: number[] = [];
  let read = 0;
  let used = 0;
  for (const id of q.ranked) {
    const list = index.data.postings[id];
    if (!list) continue;
    if (used >= minTerms && read + list.length / 2 > budget) break;
    used++;
    read += list.length / 2;
    const qtf = q.terms.get(id) ?? 1;
    const w = idf(index, id) * Math.min(qtf, 3);
    for (let i = 0; i + 1 < list.length; i += 2) {
      const di = list[i] as number;
      const d = index.docs[di];
      if (!d) continue;
      const tf = list[i + 1] as number;
      const norm = tf + BM25_K1 * (1 - BM25_B + (BM25_B * d.len) / index.avgLen);
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
