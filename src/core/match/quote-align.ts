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
 * Finds the span of `T` (target) that best renders remark `R` and scores it by the harmonic
 * mean of how much of R the span covers and how much of the span R (or R's sentence)
 * accounts for, words being tied by identity, WordNet synonymy, shared roots or spelling.
 */
export function alignRemark(
  index: MatchIndex,
  tables: MatchTables,
  R: Remark,
  T: Remark,
): Alignment | null {
  const P = R.stems;
  const C = T.stems;
  if (P.length === 0 || C.length === 0) return null;
  const wp = remarkWeights(index, R);
  const wc = remarkWeights(index, T);
  const ties: Tie[][] = P.map((p) => C.map((c) => wordTie(tables, p, c)));
  const ctx: number[] = C.map((c) => (R.context.has(c) ? CONTEXT_TIE : 0));
  const colBest: number[] = C.map((_, j) => {
    let m = 0;
    for (let i = 0; i < P.length; i++) m = Math.max(m, ties[i]?.[j]?.w ?? 0);
    return m;
  });
  const totalP = wp.reduce((x, y) => x + y, 0);
  let maxCover = 0;
  for (let i = 0; i < P.length; i++) {
    let m = 0;
    for (let j = 0; j < C.length; j++) m = Math.max(m, ties[i]?.[j]?.w ?? 0);
    maxCover += m * (wp[i] ?? 0);
  }
  // Quick reject: even all of T covers too little of R.
  if (maxCover / totalP < MIN_COVER) return null;
  const spanCover = (from: number, to: number) => {
    let acc = 0;
    let tot = 0;
    for (let j = from; j <= to; j++) {
      acc += Math.max(colBest[j] ?? 0, ctx[j] ?? 0) * (wc[j] ?? 0);
      tot += wc[j] ?? 0;
    }
    return tot > 0 ? acc / tot : 0;
  };
  const useful: number[] = [];
  for (let j = 0; j < C.length; j++) if ((colBest[j] ?? 0) > 0) useful.push(j);
  // The tie weights by column, only those above 0 (most pairs of words are not tied), page
  // words in order: column j's are `tw[colStart[j] .. colStart[j + 1])`, page word `ti[·]`.
  // A weight of 0 never raises a page word's best, so skipping them changes no sum.
  const colStart = new Int32Array(C.length + 1);
  let nnz = 0;
  for (let j = 0; j < C.length; j++) {
    colStart[j] = nnz;
    for (let i = 0; i < P.length; i++) if ((ties[i]?.[j]?.w ?? 0) > 0) nnz++;
  }
  colStart[C.length] = nnz;
  const ti = new Int32Array(nnz);
  const tw = new Float64Array(nnz);
  for (let j = 0, e = 0; j < C.length; j++) {
    for (let i = 0; i < P.length; i++) {
      const w = ties[i]?.[j]?.w ?? 0;
      if (w > 0) {
        ti[e] = i;
        tw[e++] = w;
      }
    }
  }
  let best: { f: number; from: number; to: number; cp: number; cc: number } | null = null;
  const maxLen = Math.max(2 * P.length + SPAN_SLACK, MIN_SPAN);
  const running = new Float64Array(P.length);
  // For each start, grow the span one column at a time, keeping each page word's best tie
  // so far: O(|P|) per step instead of rescanning the span.
  for (let a = 0; a < useful.length; a++) {
    const from = useful[a] as number;
    running.fill(0);
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
          const w = tw[e] as number;
          if (w > (running[i] as number)) {
            cover += (w - (running[i] as number)) * (wp[i] ?? 0);
            running[i] = w;
          }
        }
        acc += Math.max(colBest[j] ?? 0, ctx[j] ?? 0) * (wc[j] ?? 0);
        tot += wc[j] ?? 0;
      }
      const cp = cover / totalP;
      const cc = tot > 0 ? acc / tot : 0;
      const f = cp + cc > 0 ? (2 * cp * cc) / (cp + cc) : 0;
      if (!best || f > best.f) best = { f, from, to, cp, cc };
    }
  }
  if (!best) return null;
  // Words just outside the span that R's own sentence explains ("…is cooperation" when the
  // page says "he termed cooperation … 'the only correct decision'").
  let { from, to } = best;
  while (to + 1 < C.length && to < best.to + WIDEN && (ctx[to + 1] ?? 0) > 0) to++;
  while (from > 0 && from > best.from - WIDEN && (ctx[from - 1] ?? 0) > 0) from--;
  if (from !== best.from || to !== best.to) {
    const cc = spanCover(from, to);
    const f = (2 * best.cp * cc) / (best.cp + cc);
    if (f >= best.f - WIDEN_LOSS) best = { ...best, f, from, to, cc };
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
      const t = ties[i]?.[j];
      if (t && t.w > bw) {
        bw = t.w;
        bj = j;
      }
    }
    const t = bj >= 0 ? ties[i]?.[bj] : null;
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
