import fc from 'fast-check';
import type { MatchIndex } from '../../../src/core/match-index.ts';
import { alignRemark } from '../../../src/core/match/quote-align.ts';
import type { Remark } from '../../../src/core/match/remark.ts';
import { bundledMatchTables } from '../../../src/corpus/node.ts';
import { seedCorpus } from '../helpers/seed-corpus.ts';

const tables = bundledMatchTables();

// Words that tie in every way the alignment knows: the same word, synonyms, shared roots,
// countries and capitals, spelling, translations, negations; and words that tie to nothing.
const WORDS = [
  'cooper',
  'cooperation',
  'collabor',
  'talk',
  'discuss',
  'convers',
  'china',
  'beijing',
  'washington',
  'united states',
  'american',
  'trade',
  'tariff',
  'agre',
  'agreement',
  'support',
  'oppos',
  'militari',
  'military',
  'taiwan',
  'relat',
  'relationship',
  'stabil',
  'stable',
  'competit',
  'competition',
  'conflict',
  'not',
  'never',
  "don't",
  'cannot',
  'unwil',
  'will',
  'climat',
  'climate',
  'fentanyl',
  'secur',
  'security',
  'econom',
  'economy',
  '合作',
  '中国',
  '美国',
  '对话',
  '不',
  '稳定',
  'zebra',
  'quasar',
  'kettle',
  'xylophon',
];

/** An index big enough for document frequencies to weigh the words (50 articles or more). */
function weightedIndex(): MatchIndex {
  const termIds = new Map(WORDS.map((w, i) => [w, i] as const));
  const df = WORDS.map((_, i) => (i * 37) % 200);
  return { N: 200, termIds, data: { df } } as unknown as MatchIndex;
}

const remark = (): fc.Arbitrary<Remark> =>
  fc
    .record({
      stems: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 24 }),
      context: fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }),
      cuts: fc.array(fc.integer({ min: 0, max: 23 }), { maxLength: 3 }),
    })
    .map(({ stems, context, cuts }) => ({
      stems,
      surface: stems.map((s) => s.toUpperCase()),
      sentence: stems.map((_, i) => cuts.filter((c) => c < i).length),
      context: new Set(context),
      speaker: null,
      speakerName: null,
    }));

describe('quote alignment', () => {
  it('stops early exactly when the full alignment turns the pair down', () => {
    let kept = 0;
    let refused = 0;
    for (const index of [seedCorpus().match, weightedIndex()]) {
      fc.assert(
        fc.property(remark(), remark(), (R, T) => {
          const early = alignRemark(index, tables, R, T);
          const full = alignRemark(index, tables, R, T, { earlyStop: false });
          expect(early).toEqual(full);
          if (full) kept++;
          else refused++;
        }),
        { numRuns: 400 },
      );
    }
    // Both outcomes were met, so both paths were compared.
    expect(kept).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  });

  it('gives the same alignment, scratch reused, whatever was aligned before', () => {
    const index = weightedIndex();
    const R: Remark = {
      stems: ['china', 'support', 'climat', 'cooper'],
      surface: ['China', 'supports', 'climate', 'cooperation'],
      sentence: [0, 0, 0, 0],
      context: new Set(),
      speaker: null,
      speakerName: null,
    };
    const T: Remark = { ...R, stems: ['beijing', 'support', 'climat', 'collabor', 'trade'] };
    T.surface = T.stems;
    T.sentence = T.stems.map(() => 0);
    const first = alignRemark(index, tables, R, T);
    expect(first?.cp).toBeGreaterThan(0.9);
    // A long pair in between grows and fills the scratch arrays.
    const long = {
      ...R,
      stems: Array.from({ length: 80 }, (_, i) => WORDS[i % WORDS.length] as string),
    };
    long.surface = long.stems;
    long.sentence = long.stems.map(() => 0);
    alignRemark(index, tables, long, long);
    expect(alignRemark(index, tables, R, T)).toEqual(first);
  });
});
