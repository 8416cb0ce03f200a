/**
 * A quote match's strength (0–1) as a reader reads it, in three steps: the same words, close
 * wording, loosely similar. The popup and the card put the step into the reader's language.
 */
export type StrengthLevel = 'same' | 'close' | 'loose';

export function strengthLevel(score: number): StrengthLevel {
  return score >= 0.9 ? 'same' : score >= 0.7 ? 'close' : 'loose';
}
