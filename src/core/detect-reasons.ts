/**
 * Detection's reasons: what it found and what tipped the decision, as sentences a reader can
 * follow. Every reason detection gives is written here.
 */
import { plural, times } from './plural.ts';
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

function listZones(m: Mention): string {
  return `${m.name} (${ZONES.filter((z) => m.zones[z] > 0).join(', ')})`;
}

/** Why detection decided as it did, most telling first. */
export function detectionReasons(f: DiplomacyFeatures, d: DiplomacyDecision): string[] {
  const { isDiplomacy, score, otherDominates, oneOfSeveral, otherCounterpart, plaWithUsReaction } =
    d;
  const reasons: string[] = [];
  const usList = f.mentions.filter((m) => m.side === 'us' && m.kind !== 'country').map(listZones);
  const cnList = f.mentions.filter((m) => m.side === 'cn' && m.kind !== 'country').map(listZones);
  const usCountry = f.mentions.find((m) => m.side === 'us' && m.kind === 'country');
  const cnCountry = f.mentions.find((m) => m.side === 'cn' && m.kind === 'country');
  if (usList.length) reasons.push(`US actors: ${usList.slice(0, 5).join('; ')}`);
  else if (usCountry) reasons.push(`US named only as a country: ${listZones(usCountry)}`);
  else reasons.push('No US actor');
  if (cnList.length) reasons.push(`Chinese actors: ${cnList.slice(0, 5).join('; ')}`);
  else if (cnCountry) reasons.push(`China named as a country: ${listZones(cnCountry)}`);
  else reasons.push('No Chinese actor');
  const acts = [...f.acts.entries()].map(([n, z]) => `${n} (${[...z].join(', ')})`);
  if (acts.length) reasons.push(`Diplomatic acts: ${acts.slice(0, 6).join('; ')}`);
  reasons.push(actsSentence(f.bilateral, f.cnSentences, f.bilateralTop));
  if (f.headlineAct && f.bilateral < 2 && f.replies > 0) {
    reasons.push(
      `The headline states the exchange, and ${f.replies === 1 ? 'one sentence gives' : `${f.replies} sentences give`} one government's turn in it`,
    );
  }
  if (!f.chinaFocus) {
    reasons.push(
      f.cnTotal === 0
        ? 'China is not a subject of the article'
        : `China is not a subject of the article (named ${times(f.cnTotal)})`,
    );
  }
  if (f.taiwan + f.plaPressure >= 2) {
    reasons.push(
      `Taiwan named ${f.taiwan ? times(f.taiwan) : 'nowhere'}, PLA pressure ${f.plaPressure ? `mentioned ${times(f.plaPressure)}` : 'not mentioned'}`,
    );
  }
  if (plaWithUsReaction) reasons.push('PLA pressure on Taiwan with a US response');
  if (f.workingLevel) reasons.push('A working-level exchange, not leaders or senior officials');
  if (otherDominates && f.other) {
    reasons.push(
      `China's main counterpart is ${f.other[0]} (${plural(f.other[1], 'mention')}, against ${f.usTotal} of the US)`,
    );
  }
  if (otherCounterpart) {
    reasons.push(
      `The headline is about another counterpart (${f.othersInHeadline.join(', ')}), not China`,
    );
  }
  if (oneOfSeveral)
    reasons.push(
      `China is one of several countries in the headline (${f.othersInHeadline.join(', ')})`,
    );
  if (f.chinaFocus && !isDiplomacy && f.bilateralGov === 0) {
    reasons.push('No US government actor in a diplomatic act with China');
  }
  reasons.push(strengthSentence(score));
  return reasons;
}

/** How many of the sentences about China state a US–China diplomatic act, in words. */
function actsSentence(acts: number, about: number, top: number): string {
  const act = 'a diplomatic act between US and Chinese actors';
  const lead = top ? ` (${top === 1 ? 'one' : top} in the headline or lead)` : '';
  if (about === 0) return 'No sentence is about China';
  if (acts === 0) {
    return about === 1
      ? `The one sentence about China states no ${act.slice(2)}`
      : `None of the ${about} sentences about China states ${act}`;
  }
  if (about === 1) return `The one sentence about China states ${act}${lead}`;
  return `${acts} of the ${about} sentences about China ${acts === 1 ? 'states' : 'state'} ${act}${lead}`;
}

/** The detector's overall weighing of the signals above, as a reader would say it. */
function strengthSentence(score: number): string {
  if (score >= 0.75) return 'Overall: the signs of US–China diplomacy are strong';
  if (score >= 0.5) return 'Overall: the signs of US–China diplomacy are moderate';
  if (score > 0.2) return 'Overall: the signs of US–China diplomacy are weak';
  return 'Overall: there are few or no signs of US–China diplomacy';
}
