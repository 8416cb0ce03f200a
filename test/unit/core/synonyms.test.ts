import { describe, expect, it } from 'vitest';
import { synonymsFrom } from '../../../src/core/synonyms.ts';
import { stem } from '../../../src/core/text.ts';
import { bundledMatchTables } from '../../../src/corpus/node.ts';

describe('the synonym table', () => {
  it('ties paraphrases, not merely co-occurring words', () => {
    const { synonyms } = bundledMatchTables();
    expect(synonyms.tie(stem('frank'), stem('outspoken'))).toBe('synonym');
    expect(synonyms.tie(stem('wheel'), stem('crossroads'))).toBeNull();
  });

  it('refuses a table without stems', () => {
    expect(() => synonymsFrom({ source: 'x', version: 1 } as never)).toThrow(/no stems/);
  });
});
