/**
 * Aligning two renderings of a remark: the span of one wording that best renders the other,
 * scored by the harmonic mean of how much of the remark the span covers and how much of the
 * span the remark (or its sentence) accounts for, with what tied the words and whether one
 * side negates what the other affirms.
 */
import type { MatchIndex } from '../match-index.ts';
import type { MatchTables } from '../match-tables.ts';
import { maxIdf, idf } from './retrieval.ts';
import type { Remark } from './remark.ts';
import type { TieKind } from '../reasons.ts';
import { ANCHORS, isNegation, isNegationWord, wordTie, type Tie } from './word-ties.ts';

/** A negation weighs half a word: it flips a remark but is not what the remark is about. */
const NEGATION_WEIGHT = 0.5;
/** A word found in every article still weighs this much (it may carry the remark). */
const COMMON_WORD_FLOOR = 0.5;
/** Below this many articles document frequencies say nothing, and every word weighs the same. */
const IDF_MIN_ARTICLES = 50;
/** A word of the other wording's own sentence explains a span word this well. */
const CONTEXT_TIE = 0.6;
/** Least share of the remark (or of a short remark's sentence) a rendering must cover. */
const MIN_COVER = 0.4;
/** A span may be twice the remark's length plus this many words (translations run longer)… */
const SPAN_SLACK = 4;
/** …and at least this long. */
const MIN_SPAN = 8;
/** Words the span may widen by on each side when the other sentence explains them. */
const WIDEN = 2;
/** Score the widened span may lose and still be preferred (it reads as a whole clause). */
const WIDEN_LOSS = 0.02;
/**
 * How far below `MIN_COVER` the most the cover can still reach must be for the alignment to stop
 * early: far above the rounding of the sums, so the stop never turns down a pair the full
 * computation keeps.
 */
const EARLY_MARGIN = 1e-9;
/** A remark of fewer content words is short: it must be most of a sentence of the other. */
export const SHORT_REMARK = 4;

export interface Alignment {
  f: number;
  from: number;
  to: number;
  cp: number;
  /** At least one word of the remark is in the span as the same word or root. */
  anchored: boolean;
  /** What tied the remark's words to the span's beyond the very same word: (R word, T word) pairs. */
  ties: Map<TieKind, [string, string][]>;
  short: boolean;
  /** One side negates what it says and the other does not. */
  polarity: boolean;
}

/** English prefixes that negate the word they make ("unwilling", "disagree", "non-binding"). */
const NEGATING_PREFIX = /^(?:un|dis|non-?)(\p{L}{3,})$/u;

/** `word` is `other` with a negating prefix ("unbear" / "bear", "disagre" / "agre"). */
function negatedBy(word: string, other: string): boolean {
  const m = NEGATING_PREFIX.exec(word);
  const rest = m?.[1];
  return (
    rest !== undefined && other.length >= 3 && (rest.startsWith(other) || other.startsWith(rest))
  );
}

/**
 * Weight of a word in a quote. Negations count half. In a corpus big enough for document
 * frequencies to mean something, words found everywhere ("China") weigh less; in a small one
 * every content word weighs the same.
 */
function quoteWordWeight(index: MatchIndex, s: string): number {
  if (isNegationWord(s)) return NEGATION_WEIGHT;
  if (index.N < IDF_MIN_ARTICLES) return 1;
  const id = index.termIds.get(s);
  const max = maxIdf(index);
  const v = id === undefined ? max : idf(index, id);
  return COMMON_WORD_FLOOR + (1 - COMMON_WORD_FLOOR) * Math.min(1, v / max);
}

/**
 * The weights of a remark's words in one state of the index, kept with the remark (a page quote
 * is aligned with many corpus quotes, a corpus quote with many pages' quotes).
 */
const weightsCache = new WeakMap<
  Remark,
  { index: MatchIndex; version: number; N: number; w: number[] }
>();
function remarkWeights(index: MatchIndex, R: Remark): number[] {
  const version = index.version ?? 0;
  const c = weightsCache.get(R);
  if (c && c.index === index && c.version === version && c.N === index.N) return c.w;
  const w = R.stems.map((s) => quoteWordWeight(index, s));
  weightsCache.set(R, { index, version, N: index.N, w });
  return w;
}

/** Which of a remark's words negate, kept with the remark (it is aligned many times). */
const negationCache = new WeakMap<Remark, { tables: MatchTables; neg: boolean[] }>();
function negationsOf(tables: MatchTables, R: Remark): boolean[] {
  const c = negationCache.get(R);
  if (c && c.tables === tables) return c.neg;
  const neg = R.stems.map((s) => isNegation(tables, s));
  negationCache.set(R, { tables, neg });
  return neg;
}

/**
 * Scratch space of `alignRemark` (it never runs inside itself): the tie and its weight of each
 * (remark word, span word) pair, row by row, grown to the largest pair of remarks met.
 */
let tieRefs: Tie[] = [];
let tieWeights = new Float64Array(0);
/** The span search's arrays: per span word (`ctx`, `colBest`, `colStart`), per tie, per remark word. */
const spanScratch = {
  ctx: new Float64Array(0),
  colBest: new Float64Array(0),
  colStart: new Int32Array(0),
  ti: new Int32Array(0),
  cw: new Float64Array(0),
  running: new Float64Array(0),
};
function scratch(nP: number, nC: number): void {
  const cells = nP * nC;
  if (tieWeights.length < cells) {
    tieWeights = new Float64Array(Math.max(cells, 2 * tieWeights.length, 256));
    tieRefs = new Array<Tie>(tieWeights.length).fill(null);
    spanScratch.ti = new Int32Array(tieWeights.length);
    spanScratch.cw = new Float64Array(tieWeights.length);
  }
  const words = Math.max(nP, nC) + 1;
  if (spanScratch.ctx.length < words) {
    const n = Math.max(words, 2 * spanScratch.ctx.length, 64);
    spanScratch.ctx = new Float64Array(n);
    spanScratch.colBest = new Float64Array(n);
    spanScratch.colStart = new Int32Array(n);
    spanScratch.running = new Float64Array(n);
  }
}

/**
 * Fills the scratch with the ties of every (remark word, other word) pair, row by row (cell
 * i * |T| + j), and returns the most of R all of T could cover (each word's best tie times its
 * weight, summed in order). With `earlyStop`, returns -1 as soon as the rows left cannot lift
 * that to `MIN_COVER` even tied in full (weight 1, a margin far above rounding): the full
 * computation would turn the pair down too.
 */
function tieRows(
  tables: MatchTables,
  R: Remark,
  T: Remark,
  wp: readonly number[],
  totalP: number,
  earlyStop: boolean,
): number {
  const P = R.stems;
  const C = T.stems;
  const nP = P.length;
  const nC = C.length;
  scratch(nP, nC);
  const ties = tieRefs;
  const tw = tieWeights;
  let after = totalP;
  let maxCover = 0;
  for (let i = 0; i < nP; i++) {
    const p = P[i] as string;
    let m = 0;
    for (let j = 0, e = i * nC; j < nC; j++, e++) {
      const t = wordTie(tables, p, C[j] as string);
      const w = t === null ? 0 : t.w;
      ties[e] = t;
      tw[e] = w;
      if (w > m) m = w;
    }
    const wi = wp[i] as number;
    maxCover += m * wi;
    after -= wi;
    if (earlyStop && (maxCover + Math.max(0, after)) / totalP < MIN_COVER - EARLY_MARGIN) {
      return -1;
    }
  }
  return maxCover;
}

/**
 * The span (between two tied words of `useful`, at most `maxLen` long) with the best harmonic
 * mean of how much of R it covers and how much of it R accounts for, from the columns the
 * scratch holds; the first best in span order. Null when no word of T is tied.
 */
function bestSpan(
  nP: number,
  useful: readonly number[],
  wp: readonly number[],
  wc: readonly number[],
  totalP: number,
  maxLen: number,
): { f: number; from: number; to: number; cp: number; cc: number } | null {
  const { ctx, colBest, colStart, ti, cw, running } = spanScratch;
  // The best span so far (none while `bestFrom` is -1).
  let bestF = 0;
  let bestFrom = -1;
  let bestTo = -1;
  let bestCp = 0;
  let bestCc = 0;
  // For each start, grow the span one column at a time, keeping each page word's best tie
  // so far: O(|P|) per step instead of rescanning the span.
  for (let a = 0; a < useful.length; a++) {
    const from = useful[a] as number;
    running.fill(0, 0, nP);
    let cover = 0;
    let acc = 0;
    let tot = 0;
    let j = from;
    for (let b = a; b < useful.length; b++) {
      const to = useful[b] as number;
      if (to - from + 1 > maxLen) break;
      for (; j <= to; j++) {
        for (let e = colStart[j] as number, end = colStart[j + 1] as number; e < end; e++) {
          const i = ti[e] as number;
          const w = cw[e] as number;
          const r = running[i] as number;
          if (w > r) {
            cover += (w - r) * (wp[i] ?? 0);
            running[i] = w;
          }
        }
        acc += Math.max(colBest[j] as number, ctx[j] as number) * (wc[j] ?? 0);
        tot += wc[j] ?? 0;
      }
      const cp = cover / totalP;
      const cc = tot > 0 ? acc / tot : 0;
      const f = cp + cc > 0 ? (2 * cp * cc) / (cp + cc) : 0;
      if (bestFrom < 0 || f > bestF) {
        bestF = f;
        bestFrom = from;
        bestTo = to;
        bestCp = cp;
        bestCc = cc;
      }
    }
  }
  return bestFrom < 0 ? null : { f: bestF, from: bestFrom, to: bestTo, cp: bestCp, cc: bestCc };
}

/** How to align; tests compare the early stop with the full computation. */
export interface AlignOptions {
  /**
   * Stop computing word ties once the rows left cannot lift the cover to `MIN_COVER` even if
   * each of their words were tied as the very same word (default). The result is the same
   * (null): only the ties of rows never needed are not computed.
   */
  earlyStop?: boolean;
}

/**
 * Finds the span of `T` (target) that best renders remark `R` and scores it by the harmonic
 * mean of how much of R the span covers and how much of the span R (or R's sentence)
 * accounts for, words being tied by identity, WordNet synonymy, shared roots or spelling.
 */
export function alignRemark(
  index: MatchIndex,
  tables: MatchTables,
  R: Remark,
  T: Remark,
  opts: AlignOptions = {},
): Alignment | null {
  const P = R.stems;
  const C = T.stems;
  if (P.length === 0 || C.length === 0) return null;
  const wp = remarkWeights(index, R);
  const wc = remarkWeights(index, T);
  const nP = P.length;
  const nC = C.length;
  const totalP = wp.reduce((x, y) => x + y, 0);
  const maxCover = tieRows(tables, R, T, wp, totalP, opts.earlyStop !== false);
  // Quick reject: even all of T covers too little of R.
  if (maxCover < 0 || maxCover / totalP < MIN_COVER) return null;
  const ties = tieRefs;
  const tw = tieWeights;
  // Per span word: the context weight and the best tie of any remark word (scratch arrays,
  // read only below `nC`).
  const ctx = spanScratch.ctx;
  const colBest = spanScratch.colBest;
  for (let j = 0; j < nC; j++) {
    ctx[j] = R.context.has(C[j] as string) ? CONTEXT_TIE : 0;
    let m = 0;
    for (let i = 0; i < nP; i++) m = Math.max(m, tw[i * nC + j] as number);
    colBest[j] = m;
  }
  const spanCover = (from: number, to: number) => {
    let acc = 0;
    let tot = 0;
    for (let j = from; j <= to; j++) {
      acc += Math.max(colBest[j] as number, ctx[j] as number) * (wc[j] ?? 0);
      tot += wc[j] ?? 0;
    }
    return tot > 0 ? acc / tot : 0;
  };
  const useful: number[] = [];
  for (let j = 0; j < nC; j++) if ((colBest[j] as number) > 0) useful.push(j);
  // The tie weights by column, only those above 0 (most pairs of words are not tied), page
  // words in order: column j's are `cw[colStart[j] .. colStart[j + 1])`, page word `ti[·]`.
  // A weight of 0 never raises a page word's best, so skipping them changes no sum.
  const { colStart, ti, cw } = spanScratch;
  let nnz = 0;
  for (let j = 0; j < nC; j++) {
    colStart[j] = nnz;
    for (let i = 0; i < nP; i++) if ((tw[i * nC + j] as number) > 0) nnz++;
  }
  colStart[nC] = nnz;
  for (let j = 0, e = 0; j < nC; j++) {
    for (let i = 0; i < nP; i++) {
      const w = tw[i * nC + j] as number;
      if (w > 0) {
        ti[e] = i;
        cw[e++] = w;
      }
    }
  }
  const maxLen = Math.max(2 * P.length + SPAN_SLACK, MIN_SPAN);
  const found = bestSpan(nP, useful, wp, wc, totalP, maxLen);
  if (found === null) return null;
  let best = found;
  // Words just outside the span that R's own sentence explains ("…is cooperation" when the
  // page says "he termed cooperation … 'the only correct decision'").
  let { from, to } = best;
  while (to + 1 < nC && to < best.to + WIDEN && (ctx[to + 1] as number) > 0) to++;
  while (from > 0 && from > best.from - WIDEN && (ctx[from - 1] as number) > 0) from--;
  if (from !== best.from || to !== best.to) {
    const cc = spanCover(from, to);
    const f = (2 * best.cp * cc) / (best.cp + cc);
    if (f >= best.f - WIDEN_LOSS) best = { f, from, to, cp: best.cp, cc };
  }
  // Short remarks must be (most of) a sentence of T, not a word inside a longer one.
  let short = false;
  if (P.length < SHORT_REMARK) {
    const which = T.sentence[best.from] ?? 0;
    let lo = best.from;
    let hi = best.to;
    while (lo > 0 && T.sentence[lo - 1] === which) lo--;
    while (hi + 1 < C.length && T.sentence[hi + 1] === which) hi++;
    short = spanCover(lo, hi) < MIN_COVER;
  }
  const kinds = new Map<TieKind, [string, string][]>();
  let anchored = false;
  // A word that negates by its prefix, tied to the plain word on the other side: "unbearable"
  // says what "cannot bear" says ("un" + "bear").
  let affixR = false;
  let affixT = false;
  for (let i = 0; i < P.length; i++) {
    let bj = -1;
    let bw = 0;
    for (let j = best.from; j <= best.to; j++) {
      const t = ties[i * nC + j];
      if (t && t.w > bw) {
        bw = t.w;
        bj = j;
      }
    }
    const t = bj >= 0 ? ties[i * nC + bj] : null;
    if (!t) continue;
    if (negatedBy(P[i] ?? '', C[bj] ?? '')) affixR = true;
    if (negatedBy(C[bj] ?? '', P[i] ?? '')) affixT = true;
    if (ANCHORS.has(t.how) && !isNegationWord(P[i] ?? '')) {
      anchored = true;
    }
    if (t.how !== 'same-word') {
      const list = kinds.get(t.how) ?? [];
      list.push([R.surface[i] ?? P[i] ?? '', T.surface[bj] ?? C[bj] ?? '']);
      kinds.set(t.how, list);
    }
  }
  // One wording negates and the other does not ("we do not support" / "we support").
  const negR = affixR || negationsOf(tables, R).includes(true);
  let negT = affixT;
  // A negation earlier in the span's sentence still governs it ("中方不愿同美方加强…交流合作").
  let lead = best.from;
  while (lead > 0 && T.sentence[lead - 1] === T.sentence[best.from]) lead--;
  const negs = negationsOf(tables, T);
  for (let j = lead; j <= best.to; j++) if (negs[j]) negT = true;
  const polarity = negR !== negT;
  return {
    f: best.f,
    from: best.from,
    to: best.to,
    cp: best.cp,
    anchored,
    ties: kinds,
    short,
    polarity,
  };
}
