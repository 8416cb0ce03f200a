import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordDiff, type DiffPart } from '../../../src/core/word-diff.ts';

const side = (parts: DiffPart[], keep: 'added' | 'removed'): string =>
  parts
    .filter((p) => p.op === 'same' || p.op === keep)
    .map((p) => p.text)
    .join('');

describe('wordDiff', () => {
  it('marks the words one wording has and the other lacks', () => {
    const parts = wordDiff(
      'China and the US are at a vital historical juncture',
      'China and the United States are at a critical historical juncture',
    );
    expect(parts).toEqual([
      { text: 'China and the ', op: 'same' },
      { text: 'US ', op: 'removed' },
      { text: 'United States ', op: 'added' },
      { text: 'are at a ', op: 'same' },
      { text: 'vital ', op: 'removed' },
      { text: 'critical ', op: 'added' },
      { text: 'historical juncture', op: 'same' },
    ]);
  });

  it('treats case, curly quotes and dashes as the same word', () => {
    const parts = wordDiff(
      'He said \u201cfamiliar and frank\u201d \u2014 twice',
      'he said "Familiar and frank" - twice',
    );
    expect(parts.every((p) => p.op === 'same')).toBe(true);
  });

  it('handles empty sides', () => {
    expect(wordDiff('', '')).toEqual([]);
    expect(wordDiff('', 'new words')).toEqual([{ text: 'new words', op: 'added' }]);
    expect(wordDiff('old words', '')).toEqual([{ text: 'old words', op: 'removed' }]);
  });

  it('shows a removed punctuation mark against the word before it', () => {
    expect(
      wordDiff(
        'We are at a critical juncture, and we must act.',
        'We are at a critical juncture and we must act.',
      ),
    ).toEqual([
      { text: 'We are at a critical juncture', op: 'same' },
      { text: ',', op: 'removed' },
      { text: ' and we must act.', op: 'same' },
    ]);
  });

  it('rebuilds the second wording from same + added parts', () => {
    const word = fc.constantFrom('the', 'only', 'correct', 'choice', 'China', 'U.S.', ',', 'is');
    const text = fc.array(word, { maxLength: 30 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const parts = wordDiff(a, b);
        expect(side(parts, 'added')).toBe(b);
        // Up to spacing: a removed mark is shown against the word before it.
        const spaced = (t: string): string =>
          t
            .replace(/\s+/g, ' ')
            .replace(/ (?=[^\s\p{L}\p{N}\p{M}])/gu, '')
            .trim();
        expect(spaced(side(parts, 'removed'))).toBe(spaced(a));
        for (let i = 1; i < parts.length; i++) expect(parts[i]?.op).not.toBe(parts[i - 1]?.op);
      }),
    );
  });
});
