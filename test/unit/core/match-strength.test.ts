/** The words a quote match's strength is shown as: "same words" only when the words are the same. */
import { describe, expect, it } from 'vitest';
import { sameWordsAllowance, strengthBand, wordChanges } from '../../../src/core/match-strength.ts';

const LONG_PAGE =
  'I think next week’s bilateral meeting is a preliminary sign that both sides want to ' +
  'keep talking and to manage their differences responsibly over the coming years';
const LONG_OTHER = LONG_PAGE.replace('I think', 'I believe');

describe('strengthBand', () => {
  it('does not call a short quote with a word swapped "same words", whatever its score', () => {
    // The matcher scores synonyms as full ties: this pair scores 1.0 in the seed corpus.
    expect(strengthBand(1, 'familiar and frank', 'familiar and outspoken')).toBe('close');
    expect(strengthBand(1, 'great mistake', 'big mistake.')).toBe('close');
    expect(strengthBand(0.92, 'the only correct decision.', 'The only right choice')).toBe('close');
  });

  it('calls a short quote "same words" when only case and punctuation differ', () => {
    expect(strengthBand(1, 'familiar and frank', '“Familiar, and frank.”')).toBe('same');
    expect(strengthBand(0.95, 'respectful', 'Respectful')).toBe('same');
  });

  it('lets a long quote differ by one word in ten and still read as the same words', () => {
    const { words } = wordChanges(LONG_PAGE, LONG_OTHER);
    expect(words).toBeGreaterThanOrEqual(20);
    expect(strengthBand(0.93, LONG_PAGE, LONG_OTHER)).toBe('same');
    // The same one-word swap in a quote of three words is a third of it.
    expect(strengthBand(0.93, 'I think so', 'I believe so')).toBe('close');
    // Too many changed words for its length: close wording.
    const many = LONG_OTHER.replace('bilateral', 'two-way')
      .replace('preliminary', 'first')
      .replace('responsibly', 'calmly');
    expect(wordChanges(LONG_PAGE, many).changed).toBe(4);
    expect(strengthBand(0.93, LONG_PAGE, many)).toBe('close');
  });

  it('grows the allowance with length: none under ten words, then one in ten', () => {
    expect([1, 3, 9, 10, 19, 20, 35].map(sameWordsAllowance)).toEqual([0, 0, 0, 1, 1, 2, 3]);
  });

  it('keeps the lower bands on the score alone', () => {
    expect(strengthBand(0.89, 'familiar and frank', 'familiar and frank')).toBe('close');
    expect(strengthBand(0.7, 'a', 'b')).toBe('close');
    expect(strengthBand(0.69, 'familiar and frank', 'familiar and frank')).toBe('loose');
  });

  it('counts a swapped word once, and an added or dropped word too', () => {
    expect(wordChanges('familiar and frank', 'familiar and outspoken')).toEqual({
      words: 3,
      changed: 1,
    });
    expect(wordChanges('familiar and frank', 'familiar, frank')).toEqual({ words: 3, changed: 1 });
    expect(wordChanges('a b', 'a b c d')).toEqual({ words: 2, changed: 2 });
  });
});
