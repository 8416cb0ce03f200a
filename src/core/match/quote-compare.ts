/**
 * Comparing one page quote with one corpus quote: both directions of alignment, what the
 * speakers, dates, surrounding sentences and the two articles' likeness add or take away, and
 * whether the pair is a rendering of one remark at all.
 */
import type { IndexedQuote, MatchIndex } from '../match-index.ts';
import type { MatchTables } from '../match-tables.ts';
import { alignRemark, SHORT_REMARK, type Alignment } from './quote-align.ts';
import { corpusRemark, pageRemark, sharesRoot, type PreparedQuote, type Remark } from './remark.ts';
import { isCountry, isNegationWord, wordTie } from './word-ties.ts';
import type { QuoteReason } from '../reasons.ts';
import {
  coverReason,
  oppositePolarityReason,
  shortInsideLongerReason,
  speakerReason,
  surroundingReason,
  wordTiesReason,
} from './reasons.ts';

export interface QuoteComparison {
  score: number;
  /** Aligned span of the corpus quote, as indexes of its content words. */
  from: number;
  to: number;
  why: QuoteReason[];
}

/** Days within which the same speaker's remarks are one occasion (a month of news). */
const SAME_OCCASION_DAYS = 31;
/** Days within which two articles cover the same news (short remarks may match). */
export const SAME_NEWS_DAYS = 3;
/** Article cosine from which two articles plainly tell the same story (short remarks). */
const SAME_STORY_COSINE = 0.3;
/**
 * A short remark inside a longer sentence keeps this share of its score (only ever with the same
 * speaker around the same time). 0.8 found "经济胁迫" in "… amounted to economic coercion …", but
 * ranked two-word fragments ("ready to work") above full renderings of the same remark.
 */
const SHORT_INSIDE_FACTOR = 0.6;
/** Score lost when one wording negates and the other does not. */
const NEGATION_PENALTY = 0.3;
/** Score added when both name the same speaker. */
const SAME_SPEAKER_BONUS = 0.05;
/** Score lost when both name a speaker and they differ (rarely one remark). */
const OTHER_SPEAKER_PENALTY = 0.2;
/** Content words a surrounding sentence needs to count ("Geng said:" alone is the speaker). */
const SURROUNDING_MIN_WORDS = 3;
/** Shared words of the surrounding sentences from which they count… */
const SURROUNDING_MIN = 0.3;
/** …reaching the full bonus at this share. */
const SURROUNDING_FULL = 0.5;
/** Score added for surrounding sentences that say the same thing. */
const SURROUNDING_BONUS = 0.1;
/** Days after which a remark rendered again is an echo rather than the same day's translation. */
const ECHO_DAYS = 365;
/** Score lost by such an echo. */
const ECHO_PENALTY = 0.1;

/** Published close enough for the same speaker's remarks to be one occasion (or undated). */
export function isNear(days: number | null): boolean {
  return days === null || Math.abs(days) <= SAME_OCCASION_DAYS;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return (2 * n) / (a.size + b.size);
}

/** Identical content words in a row from which two wordings are one formula… */
const FORMULA_RUN = 3;
/**
 * …in a remark of at most this many content words: a formula is short. A longer remark with one
 * word changed ("the cost of silence is far/much higher than the cost of talking") is one
 * remark worded twice.
 */
const FORMULA_MAX_WORDS = 8;

/** The other wording's sentence around the aligned span: its first and last word index. */
function sentenceSpan(a: Alignment, T: Remark): [number, number] {
  let lo = a.from;
  let hi = a.to;
  while (lo > 0 && T.sentence[lo - 1] === T.sentence[a.from]) lo--;
  while (hi + 1 < T.stems.length && T.sentence[hi + 1] === T.sentence[a.to]) hi++;
  return [lo, hi];
}

/**
 * The remark's words that `same` ties to words of the other wording's span `lo..hi`, in order
 * on both sides (remark index → other index); negations are left out.
 */
function wordsInOrder(
  R: Remark,
  T: Remark,
  lo: number,
  hi: number,
  same: (w: string, o: string) => boolean,
): [number, number][] {
  const pairs: [number, number][] = [];
  let j = lo;
  for (let i = 0; i < R.stems.length && j <= hi; i++) {
    const w = R.stems[i] as string;
    if (isNegationWord(w)) continue;
    for (let k = j; k <= hi; k++) {
      if (same(w, T.stems[k] as string)) {
        pairs.push([i, k]);
        j = k + 1;
        break;
      }
    }
  }
  return pairs;
}

/**
 * Whether, in some gap between the `pairs` (in order) and after the last up to the span's end
 * `hi`, `differ` finds the two sides saying different things (the remark's words, the other's).
 */
function someGapDiffers(
  pairs: [number, number][],
  R: Remark,
  T: Remark,
  hi: number,
  differ: (r: string[], t: string[]) => boolean,
): boolean {
  const bounds: [number, number][] = [...pairs, [R.stems.length, hi + 1]];
  for (let n = 1; n < bounds.length; n++) {
    const [i0, k0] = bounds[n - 1] as [number, number];
    const [i1, k1] = bounds[n] as [number, number];
    if (differ(R.stems.slice(i0 + 1, i1), T.stems.slice(k0 + 1, k1))) return true;
  }
  return false;
}

/**
 * One formula, two contents: the two wordings share a run of identical words and, in the same
 * place, each says something the other does not explain ("我们愿同美方加强气候合作" /
 * "…加强禁毒合作"; "The US must stop sending warships…" / "…sending wrong signals…";
 * "中方坚决反对美方对台军售" / "…将中国企业列入实体清单"). Every shared word is the very same word
 * (a second rendering changes words, not only the content): two remarks cut from one set phrase.
 */
function differentContent(tables: MatchTables, a: Alignment, R: Remark, T: Remark): boolean {
  if (a.ties.size > 0 || a.cp >= 1 || R.stems.length > FORMULA_MAX_WORDS) return false;
  // The other wording from its sentence start to its end, around the aligned span.
  const [lo, hi] = sentenceSpan(a, T);
  // Identical words in order.
  const pairs = wordsInOrder(R, T, lo, hi, (w, o) => w === o);
  let run = 0;
  let longest = 0;
  pairs.forEach(([i, k], n) => {
    const prev = pairs[n - 1];
    run = prev && prev[0] === i - 1 && prev[1] === k - 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  });
  if (longest < FORMULA_RUN) return false;
  // Each gap between identical words, and after the last: does each side say something there
  // that the other side's gap does not explain? (Before the first is the subject, which
  // reported speech words freely: "he and Xi had agreed…" / "the two leaders agreed…".)
  // ("us" is the speaker's side or the country, not content: "agreement with us".)
  const unexplained = (mine: string[], theirs: string[]) =>
    mine.some(
      (w) =>
        !isNegationWord(w) && w !== 'us' && !theirs.some((o) => wordTie(tables, w, o) !== null),
    );
  return someGapDiffers(pairs, R, T, hi, (r, t) => unexplained(r, t) && unexplained(t, r));
}

/** A tie from which a word counts as said on the other side too (a related word does not). */
const STRONG_TIE = 0.75;
/** Share of the remark's words the other wording must say for the rest to be a detail. */
const OBJECT_SHARE = 0.75;
/**
 * A formula remark is short, on both sides: longer ones that share a clause are one remark
 * worded twice, or one remark and more.
 */
const OBJECT_MAX_WORDS = 10;
/** Words each side says in the object's place for it to be another object (not a swapped word). */
const OBJECT_MIN_WORDS = 2;

/**
 * One frame, another object, in either language and with renderings as well as identical words:
 * "I raised our concerns about the detention of American citizens" / "…about China's military
 * activity around Taiwan"; "We discussed fentanyl cooperation in depth" / "…military-to-military
 * communication in depth"; "中方将采取坚决措施，反制美方…制裁" / "China will take resolute measures
 * to safeguard its sovereignty". The words both say (by the same word or a translation, synonym or
 * root; a related word does not count) come in the same order, and in the same place after them
 * each side says two or more words the other does not say anywhere nor relates to, while the
 * shared frame is less than three quarters of a short remark. ("us" is not read as an object: it
 * is the speaker's side or the country.)
 */
function differentObject(tables: MatchTables, a: Alignment, R: Remark, T: Remark): boolean {
  if (R.stems.length > OBJECT_MAX_WORDS) return false;
  const [lo, hi] = sentenceSpan(a, T);
  if (hi - lo + 1 > OBJECT_MAX_WORDS) return false;
  const strong = (x: string, y: string) => (wordTie(tables, x, y)?.w ?? 0) >= STRONG_TIE;
  const tWords = T.stems.slice(lo, hi + 1);
  const saidInT = (w: string) => tWords.some((o) => strong(w, o));
  const saidInR = (w: string) => R.stems.some((o) => strong(o, w));
  const content = R.stems.filter((w) => !isNegationWord(w));
  if (content.length === 0) return false;
  if (content.filter(saidInT).length / content.length >= OBJECT_SHARE) return false;
  // Strongly tied words in order.
  const pairs = wordsInOrder(R, T, lo, hi, strong);
  if (pairs.length < 2) return false;
  // Each gap between shared words, and after the last (before the first is the subject, which
  // reported speech words freely). The two countries are named in nearly every remark of this
  // news and frame nothing: a gap runs across them ("…concerns about the detention of Americans
  // in China" / "…concerns about China's military activity around Taiwan").
  const framing = pairs.filter(([i], n) => n === 0 || !isCountry(R.stems[i] as string));
  // Said elsewhere on the other side, or tied in any way (a related word too) to the other
  // side's words in the same place: a rewording, not another object.
  const tied = (w: string, gap: string[], rFirst: boolean) =>
    gap.some((o) => wordTie(tables, rFirst ? w : o, rFirst ? o : w) !== null);
  const object = (w: string) => !isNegationWord(w) && w !== 'us' && !isCountry(w);
  return someGapDiffers(framing, R, T, hi, (rGap, tGap) => {
    const r = rGap.filter((w) => object(w) && !saidInT(w) && !tied(w, tGap, true));
    const t = tGap.filter((w) => object(w) && !saidInR(w) && !tied(w, rGap, false));
    return r.length >= OBJECT_MIN_WORDS && t.length >= OBJECT_MIN_WORDS;
  });
}

/**
 * Compares a page quote with a corpus quote. Both directions are tried: the page quote
 * rendered by a span of the corpus quote, or (when the page quote is not the shorter one) the
 * corpus quote rendered within the page quote. A match needs a shared word or root, unless
 * the same speaker said it around the same time (`near`); the speaker adjusts the score.
 */
export function compareQuote(
  index: MatchIndex,
  tables: MatchTables,
  q: PreparedQuote,
  cq: IndexedQuote,
  days: number | null = null,
  articleCosine = 1,
): QuoteComparison | null {
  if (q.stems.length === 0 || cq.stems.length === 0) return null;
  const near = isNear(days);
  const sameSpeakerAhead = q.speaker !== null && q.speaker === cq.speakerKey;
  // Cheap pre-filter: a match needs a shared word or root unless the same speaker said it
  // around the same time (see below), so most pairs stop here.
  if (!(sameSpeakerAhead && near) && !sharesRoot(tables, q.stems, cq)) return null;
  const P = pageRemark(q);
  const C = corpusRemark(tables, cq);
  let result: { a: Alignment; reverse: boolean } | null = null;
  const fwd = alignRemark(index, tables, P, C);
  if (fwd) result = { a: fwd, reverse: false };
  // Of one length, both ways too: which wording is the page's must not decide the match.
  if (P.stems.length >= C.stems.length) {
    const rev = alignRemark(index, tables, C, P);
    if (rev && (!result || rev.f > result.a.f)) result = { a: rev, reverse: true };
  }
  if (!result) return null;
  const { a, reverse } = result;
  if (differentContent(tables, a, reverse ? C : P, reverse ? P : C)) return null;
  if (differentObject(tables, a, reverse ? C : P, reverse ? P : C)) return null;
  const sameSpeaker = P.speaker !== null && P.speaker === C.speaker;
  const sameOccasion = sameSpeaker && near;
  if (!a.anchored && !sameOccasion) return null;
  // A remark of one to three words ("Well,", "a mistake") says little by itself: it needs the
  // two articles to be about the same thing, and when it is only a fragment of a longer
  // sentence, the same speaker around the same time.
  const shortSide = reverse ? C.stems.length : P.stems.length;
  const sameDays = days !== null && Math.abs(days) <= SAME_NEWS_DAYS;
  const occasion = sameOccasion || sameDays || articleCosine >= SAME_STORY_COSINE;
  if (shortSide < SHORT_REMARK && !occasion) return null;
  // …and such a fragment must share a word with it (or render one), not only a related word.
  if (a.short && !(sameOccasion && a.anchored)) return null;
  let score = a.f;
  const why: QuoteReason[] = [coverReason(a.cp, reverse)];
  // Tied words, the page's first (a reverse alignment has the corpus remark's first).
  for (const [kind, pairs] of a.ties) {
    why.push(wordTiesReason(kind, reverse ? pairs.map(([r, t]) => [t, r]) : pairs));
  }
  if (a.short) {
    score *= SHORT_INSIDE_FACTOR;
    why.push(shortInsideLongerReason());
  }
  if (a.polarity) {
    score -= NEGATION_PENALTY;
    why.push(oppositePolarityReason());
  }
  if (P.speaker && C.speaker) {
    score += sameSpeaker ? SAME_SPEAKER_BONUS : -OTHER_SPEAKER_PENALTY;
    const said = speakerReason(sameSpeaker, C.speakerName);
    if (said) why.push(said);
  }
  // The sentences around both quotes say the same thing ("Xi said China is willing to …").
  const ctx =
    Math.min(P.context.size, C.context.size) >= SURROUNDING_MIN_WORDS
      ? dice(P.context, C.context)
      : 0;
  if (ctx >= SURROUNDING_MIN) {
    score += SURROUNDING_BONUS * Math.min(1, ctx / SURROUNDING_FULL);
    why.push(surroundingReason(ctx));
  }
  // A remark rendered again years later is rarer than the same day's translations.
  if (days !== null && Math.abs(days) > ECHO_DAYS) score -= ECHO_PENALTY;
  return {
    score: Math.max(0, Math.min(1, score)),
    from: reverse ? 0 : a.from,
    to: reverse ? C.stems.length - 1 : a.to,
    why,
  };
}
