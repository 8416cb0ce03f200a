/** A quote match's strength as a reader reads it: words, and what they measure. */

/** What the match strength measures, for the tooltip on its words. */
export const STRENGTH_TIP =
  'How closely this wording follows the words quoted on this page: "same words" when they ' +
  'match almost word for word, "close wording" when a few words differ, "loosely similar" ' +
  'when it is the same remark in different words.';

/** A quote match's strength (0–1) in words. */
export function strengthWords(score: number): string {
  return score >= 0.9 ? 'same words' : score >= 0.7 ? 'close wording' : 'loosely similar';
}
