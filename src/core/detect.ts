/**
 * Is this article about US–China diplomacy? A transparent, rule-based reading of the
 * extracted article only (never navigation or sidebars, which extraction has removed):
 *
 * 1. Find US and Chinese actors, diplomatic acts, Taiwan/PLA terms and other countries,
 *    by zone: headline, lead (first sentences) and body.
 * 2. China must be a subject of the article (headline or lead, or a steady presence).
 * 3. The US–China relationship must be a thread of the story: sentences that state a
 *    diplomatic act with a US actor and a Chinese actor (or "US-China", or "the two sides")
 *    in them or next to them — in the headline or lead, or in a fair share of the sentences
 *    about China — with a US actor that is a government, not just "American players".
 * 4. It is not diplomacy when another country is China's main counterpart (a Xi–Putin
 *    summit) or when China is one of several countries named in the headline.
 *
 * The pieces: detect-zones.ts (sentences in headline, lead and body), detect-patterns.ts (the
 * lexicon compiled), detect-features.ts (what is measured), detect-reasons.ts (the reasons);
 * this module weighs the features and decides.
 */
import { unreadDetection } from './unread.ts';
import type { Lexicon } from './lexicon.ts';
import type { Detection, ExtractedArticle, Label } from './types.ts';
import { diplomacyFeatures, type DiplomacyFeatures } from './detect-features.ts';
import { detectionReasons } from './detect-reasons.ts';

export { diplomacyFeatures, type DiplomacyFeatures, type Mention } from './detect-features.ts';
export { sentences, type Zone } from './detect-zones.ts';
export { chinaNamesOf, namesChinaAnywhere, NO_CHINA_REASON } from './china.ts';

function clamp01(x: number): number {
  return Math.max(0, Math.min(1, x));
}

/** Weights of the score's four parts (they sum to 1). */
const SCORE_WEIGHTS = { headline: 0.3, share: 0.3, count: 0.2, gov: 0.2 } as const;
/** Headline credit when only the headline or lead (not the headline alone) states an exchange. */
const LEAD_ONLY_CREDIT = 0.7;
/** Share of the sentences about China that state an exchange, from which it is a thread. */
const THREAD_SHARE = 0.3;
/** Sentences stating an exchange that earn the full count credit. */
const FULL_COUNT = 4;
/** …of which with a US government actor. */
const FULL_GOV_COUNT = 2;
/** Score from which the relationship is the story. */
const DIPLOMACY_SCORE = 0.5;
/** Another country is China's main counterpart when named this many times as often as the US. */
const OTHER_DOMINANCE = 1.5;
/** PLA pressure terms that make military pressure the story… */
const PLA_STORY_TERMS = 3;
/** …and at least this many per mention of Taiwan… */
const PLA_PER_TAIWAN = 0.35;
/** …with US government actors answering it in this many sentences. */
const PLA_US_ANSWERS = 2;

/** 0..1: how strongly the US–China relationship runs through the article. */
export function diplomacyScore(f: DiplomacyFeatures): number {
  const share = f.cnSentences ? f.bilateral / f.cnSentences : 0;
  const w = SCORE_WEIGHTS;
  return clamp01(
    w.headline * (f.headlineBoth ? 1 : f.bilateralTop > 0 ? LEAD_ONLY_CREDIT : 0) +
      w.share * clamp01(share / THREAD_SHARE) +
      w.count * clamp01(f.bilateral / FULL_COUNT) +
      w.gov * clamp01(f.bilateralGov / FULL_GOV_COUNT),
  );
}

/** The label of `article` and its reasons, read with the words and names of `lexicon`. */
export function detectDiplomacy(article: ExtractedArticle, lexicon: Lexicon): Detection {
  const early = unreadDetection(article);
  if (early) return early;
  const f = diplomacyFeatures(article, lexicon);
  const score = diplomacyScore(f);
  const share = f.cnSentences ? f.bilateral / f.cnSentences : 0;

  const usHeadlineGov = f.mentions.some(
    (m) => m.side === 'us' && m.kind !== 'country' && m.zones.headline > 0,
  );
  // Another country is China's main counterpart, and the headline has no US actor.
  const otherDominates = !!f.other && f.other[1] > OTHER_DOMINANCE * f.usTotal && !usHeadlineGov;
  // China is one of several countries in the headline and no Chinese actor acts in it.
  const oneOfSeveral = f.othersInHeadline.length > 0 && !f.cnGovInHeadline && f.headlineBoth;
  // The headline's counterpart is another country and China is not in it (a US–Japan summit).
  const otherCounterpart = f.othersInHeadline.length > 0 && !f.cnInHeadline;

  // PLA pressure on Taiwan is the story, and US officials answer it.
  const plaWithUsReaction =
    f.taiwan >= 1 &&
    f.plaPressure >= PLA_STORY_TERMS &&
    f.plaPressure >= PLA_PER_TAIWAN * f.taiwan &&
    f.bilateralGov >= PLA_US_ANSWERS;
  const isDiplomacy =
    f.chinaFocus &&
    f.bilateralGov >= 1 &&
    // Two sentences state the exchange, or the headline does and one side's turn follows, or
    // the headline names both sides and the lead states a government's act between them.
    (f.bilateral >= 2 ||
      (f.headlineAct && f.replies >= 1) ||
      (f.headlineBoth && f.bilateralTop >= 1 && f.bilateralGov >= 1)) &&
    (f.headlineBoth || f.bilateralTop > 0 || share >= THREAD_SHARE || plaWithUsReaction) &&
    (score >= DIPLOMACY_SCORE || plaWithUsReaction) &&
    !otherDominates &&
    !oneOfSeveral &&
    !otherCounterpart &&
    !f.workingLevel;
  const label: Label = isDiplomacy
    ? 'us-china-diplomacy'
    : f.chinaFocus
      ? 'china-other'
      : 'unrelated';
  const decision = {
    isDiplomacy,
    score,
    otherDominates,
    oneOfSeveral,
    otherCounterpart,
    plaWithUsReaction,
  };
  const reasons = detectionReasons(f, decision);
  return { label, score: Math.round((isDiplomacy ? score : 1 - score) * 100) / 100, reasons };
}
