import { describe, expect, it } from 'vitest';
import { installSynonyms, synonymsInstalled, synonymTie } from '../../../src/core/synonyms.ts';
import { stem } from '../../../src/core/text.ts';

describe('the synonym table', () => {
  it('is installed for matching and ties paraphrases, not merely co-occurring words', () => {
    expect(synonymsInstalled()).toBe(true);
    expect(synonymTie(stem('frank'), stem('outspoken'))).toBe('synonym');
    expect(synonymTie(stem('wheel'), stem('crossroads'))).toBeNull();
  });

  it('refuses a table without stems', () => {
    expect(() => installSynonyms({ source: 'x', version: 1 } as never)).toThrow(/no stems/);
  });
});
