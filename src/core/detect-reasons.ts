/**
 * Detection's reasons: what it found and what tipped the decision, as reasons with a code and
 * parameters (src/core/reasons.ts holds their English sentences). Every reason detection gives
 * is chosen here.
 */
import { bare, reason, type Found, type Reason } from './reasons.ts';
import type { DiplomacyFeatures, Mention } from './detect-features.ts';
import { ZONES } from './detect-zones.ts';

/** The decision detect.ts took on the features, and the checks that tipped it. */
export interface DiplomacyDecision {
  isDiplomacy: boolean;
  score: number;
  /** Another country is China's main counterpart. */
  otherDominates: boolean;
  /** China is one of several countries in the headline. */
  oneOfSeveral: boolean;
  /** The headline's counterpart is another country. */
  otherCounterpart: boolean;
  /** PLA pressure on Taiwan with a US response. */
  plaWithUsReaction: boolean;
}

function where(m: Mention): Found {
  return { name: m.name, zones: ZONES.filter((z) => m.zones[z] > 0) };
}

/** Why detection decided as it did, most telling first. */
export function detectionReasons(f: DiplomacyFeatures, d: DiplomacyDecision): Reason[] {
  const { isDiplomacy, score, otherDominates, oneOfSeveral, otherCounterpart, plaWithUsReaction } =
    d;
  const reasons: Reason[] = [];
  const usList = f.mentions.filter((m) => m.side === 'us' && m.kind !== 'country').map(where);
  const cnList = f.mentions.filter((m) => m.side === 'cn' && m.kind !== 'country').map(where);
  const usCountry = f.mentions.find((m) => m.side === 'us' && m.kind === 'country');
  const cnCountry = f.mentions.find((m) => m.side === 'cn' && m.kind === 'country');
  if (usList.length) reasons.push(reason('us-actors', { actors: usList.slice(0, 5) }));
  else if (usCountry) reasons.push(reason('us-country-only', { actor: where(usCountry) }));
  else reasons.push(bare('no-us-actor'));
  if (cnList.length) reasons.push(reason('cn-actors', { actors: cnList.slice(0, 5) }));
  else if (cnCountry) reasons.push(reason('cn-country-only', { actor: where(cnCountry) }));
  else reasons.push(bare('no-cn-actor'));
  const acts = [...f.acts.entries()].map(([name, z]) => ({ name, zones: [...z] }));
  if (acts.length) reasons.push(reason('diplomatic-acts', { acts: acts.slice(0, 6) }));
  reasons.push(
    reason('act-sentences', { acts: f.bilateral, about: f.cnSentences, top: f.bilateralTop }),
  );
  if (f.headlineAct && f.bilateral < 2 && f.replies > 0) {
    reasons.push(reason('headline-exchange', { replies: f.replies }));
  }
  if (!f.chinaFocus) reasons.push(reason('china-not-subject', { named: f.cnTotal }));
  if (f.taiwan + f.plaPressure >= 2) {
    reasons.push(reason('taiwan-pla', { taiwan: f.taiwan, pla: f.plaPressure }));
  }
  if (plaWithUsReaction) reasons.push(bare('pla-us-response'));
  if (f.workingLevel) reasons.push(bare('working-level'));
  if (otherDominates && f.other) {
    reasons.push(
      reason('other-counterpart', { country: f.other[0], mentions: f.other[1], us: f.usTotal }),
    );
  }
  if (otherCounterpart) {
    reasons.push(reason('headline-other-counterpart', { countries: f.othersInHeadline }));
  }
  if (oneOfSeveral) reasons.push(reason('one-of-several', { countries: f.othersInHeadline }));
  if (f.chinaFocus && !isDiplomacy && f.bilateralGov === 0) {
    reasons.push(bare('no-us-government-act'));
  }
  reasons.push(reason('overall', { level: overallLevel(score) }));
  return reasons;
}

/** The detector's overall weighing of the signals above. */
function overallLevel(score: number): 'strong' | 'moderate' | 'weak' | 'none' {
  if (score >= 0.75) return 'strong';
  if (score >= 0.5) return 'moderate';
  if (score > 0.2) return 'weak';
  return 'none';
}
