import { describe, expect, it } from 'vitest';
import { plural, times } from '../../../src/core/plural.ts';

describe('counted nouns', () => {
  it('use the singular for one only, through the plural rules', () => {
    expect(plural(0, 'quote')).toBe('0 quotes');
    expect(plural(1, 'quote')).toBe('1 quote');
    expect(plural(2, 'quote')).toBe('2 quotes');
    expect(plural(3, 'same story', 'same stories')).toBe('3 same stories');
  });

  it('say how often in words for once and twice', () => {
    expect([1, 2, 5].map(times)).toEqual(['once', 'twice', '5 times']);
  });
});
