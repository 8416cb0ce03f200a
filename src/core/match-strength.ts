/**
 * A quote match's strength as a reader reads it, in three bands: the same words, close wording,
 * loosely similar. The popup and the card put the band into the reader's language (src/i18n.ts).
 */

export type StrengthBand = 'same' | 'close' | 'loose';

const WORD = /[\p{L}\p{N}\p{M}]+(?:['\u2019\-][\p{L}\p{N}\p{M}]+)*/gu;

/** The words of a wording, by a key that ignores case and apostrophe variants. */
function wordsOf(text: string): string[] {
  return (text.normalize('NFKC').toLowerCase().match(WORD) ?? []).map((w) =>
    w.replace(/\u2019/g, "'"),
  );
}

/**
 * How many words the page's wording has, and how many differ from the other wording: the words
 * each has that the other lacks (a multiset difference, in linear time; the order of words is
 * the word diff's business), a substituted word counted once.
 */
export function wordChanges(page: string, other: string): { words: number; changed: number } {
  const p = wordsOf(page);
  const left = new Map<string, number>();
  for (const w of wordsOf(other)) left.set(w, (left.get(w) ?? 0) + 1);
  let removed = 0;
  for (const w of p) {
    const n = left.get(w) ?? 0;
    if (n > 0) left.set(w, n - 1);
    else removed++;
  }
  let added = 0;
  for (const n of left.values()) added += n;
  return { words: p.length, changed: Math.max(removed, added) };
}

/**
 * Words that may differ while two wordings still read as "the same words": one in ten, so none
 * in a quote under ten words. The matcher scores synonyms as full ties, so a short quote with
 * one word swapped ("familiar and frank" / "familiar and outspoken") scores 1.0 although a
 * third of its words differ.
 */
export const sameWordsAllowance = (words: number): number => Math.floor(words / 10);

/** A match's band from its score (0–1) and, for "same words", how much of the wording differs. */
export function strengthBand(score: number, page: string, other: string): StrengthBand {
  if (score >= 0.9) {
    const { words, changed } = wordChanges(page, other);
    if (changed <= sameWordsAllowance(words)) return 'same';
    return 'close';
  }
  return score >= 0.7 ? 'close' : 'loose';
}
