import { quoteTokens } from '../../../src/core/match/quote-tokens.ts';
import fc from 'fast-check';
import {
  isNegation,
  sameCountry,
  similarSpelling,
  wordTie,
} from '../../../src/core/match/word-ties.ts';
import { wordSimilarity } from '../../../src/core/text.ts';
import { extractQuotesDetailed } from '../../../src/core/quotes.ts';
import { bundledMatchTables } from '../../../src/corpus/node.ts';

const tables = bundledMatchTables();

describe('word ties for quote matching', () => {
  it('reads contractions, "cannot" and words that deny as negations', () => {
    for (const w of ["don't", 'don’t', "can't", 'cannot', 'lack', 'without', 'not', 'neither'])
      expect(isNegation(tables, w), w).toBe(true);
    for (const w of ['contact', 'contract', 'cannon']) expect(isNegation(tables, w), w).toBe(false);
  });

  it('ties a capital or adjective to its country, and nothing else', () => {
    expect(wordTie(tables, 'washington', 'united states')?.how).toBe('same-meaning');
    expect(wordTie(tables, 'beijing', 'china')?.how).toBe('same-meaning');
    expect(sameCountry('american', 'washington')).toBe(true);
    expect(sameCountry('beijing', 'washington')).toBe(false);
    expect(sameCountry('sino-american', 'china-us')).toBe(true);
    expect(sameCountry('sino-american', 'sino-japanese')).toBe(false);
    // "used" stems to "us": the pronoun-like stem is no country.
    expect(sameCountry('us', 'united states')).toBe(false);
  });

  it('ties two Chinese words through the main sense of one of them only', () => {
    // 坦率 "frank, candid" / 开诚布公 "…, frank": one main rendering shared.
    expect(wordTie(tables, '坦率', '开诚布公')?.how).toBe('same-meaning');
    // 中方 / 美方 share only "side", no main sense of either: the two sides are not one.
    expect(wordTie(tables, '中方', '美方')).toBeNull();
  });

  it('reads curated set phrases a word gloss cannot reach', () => {
    expect(wordTie(tables, '无法避免', 'inevit')?.how).toBe('translation');
    expect(wordTie(tables, '毫不动摇', 'unwav')?.how).toBe('translation');
    // A set phrase that affirms is no negation, though it starts with one (毫不 "not at all").
    expect(isNegation(tables, '毫不动摇')).toBe(false);
  });

  it('drops the possessive of a name inside a sentence', () => {
    expect(quoteTokens('We will not hold back China’s growth').stems).toContain('china');
    expect(quoteTokens("We will not hold back China's growth").stems).toContain('china');
  });

  it('finds a speaker named after a lower-case title behind the quote', () => {
    const [q] = extractQuotesDetailed([
      '“This is a double standard,” defence ministry spokesman Zhang Xiaogang told reporters.',
    ]);
    expect(q?.speaker).toBe('Zhang Xiaogang');
  });
});

describe('similar spelling', () => {
  it('is the trigram Dice of 0.6 or more, whatever the words', () => {
    const word = fc.stringMatching(/^[a-e]{0,9}$/);
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(similarSpelling(a, b)).toBe(wordSimilarity(a, b) >= 0.6);
      }),
      { numRuns: 2000 },
    );
    expect(similarSpelling('negotiation', 'negotiations')).toBe(true);
    expect(similarSpelling('negotiation', 'cooperation')).toBe(false);
  });
});
