import {
  clip,
  daysBetween,
  normalizeText,
  stem,
  tokenize,
  wordSimilarity,
} from '../../../src/core/text.ts';
import { splitSentences } from '../../../src/core/sentences.ts';
import { bundledMatchTables } from '../../../src/corpus/node.ts';

const synonymTie = (a: string, b: string) => bundledMatchTables().synonyms.tie(a, b);

describe('normalizeText', () => {
  it('folds quote marks, dashes, soft hyphens and whitespace', () => {
    expect(normalizeText('\u201CSo\u00ADcial\u201D \u2014  «ok»\n\t「好」 \u2018x\u2019')).toBe(
      '"Social" - "ok" "好" \'x\'',
    );
  });
  it('applies NFKC (full-width letters)', () => {
    expect(normalizeText('\uFF21\uFF22\uFF23')).toBe('ABC');
  });
});

describe('clip', () => {
  it('keeps text that fits and cuts longer text to the limit, ending in …', () => {
    expect(clip('Talks resume', 12)).toBe('Talks resume');
    const cut = clip('The two presidents spoke by phone', 12);
    expect(cut).toBe('The two pre…');
    expect(cut.length).toBeLessThanOrEqual(12);
  });

  it('drops the space before the ellipsis', () => {
    expect(clip('The two presidents', 9)).toBe('The two…');
  });
});

describe('tokenize', () => {
  it('keeps offsets into the original text', () => {
    const text = 'Xi’s “letter”, US-China ties';
    for (const t of tokenize(text)) {
      expect(
        text
          .slice(t.start, t.end)
          .toLowerCase()
          .replace(/\u2019/g, "'"),
      ).toBe(t.word);
    }
    expect(tokenize(text).map((t) => t.word)).toEqual(["xi's", 'letter', 'us-china', 'ties']);
  });
  it('splits CJK runs into characters and handles other scripts', () => {
    expect(tokenize('中美关系').map((t) => t.word)).toEqual(['中', '美', '关', '系']);
    expect(tokenize('Отношения США').map((t) => t.word)).toEqual(['отношения', 'сша']);
    expect(tokenize('')).toEqual([]);
  });
});

describe('splitSentences', () => {
  it('splits on terminal punctuation, keeping closing quotes and abbreviations', () => {
    const s = splitSentences('He said “no.” Then Mr. Biden left. Did he? Yes!');
    expect(s.map((x) => x.text)).toEqual([
      'He said “no.”',
      'Then Mr. Biden left.',
      'Did he?',
      'Yes!',
    ]);
  });
  it('gives offsets of each sentence', () => {
    const text = '  One.  Two. ';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('stem and synonyms', () => {
  it('stems English words and leaves other scripts alone', () => {
    expect(stem('cooperation')).toBe(stem('cooperate'));
    expect(stem('关系')).toBe('关系');
  });
  it('ties words that WordNet puts together and not unrelated ones', () => {
    expect(synonymTie(stem('frank'), stem('outspoken'))).toBe('synonym');
    expect(synonymTie(stem('juncture'), stem('crossroads'))).toBe('synonym');
    expect(synonymTie(stem('decision'), stem('choice'))).not.toBeNull();
    expect(synonymTie(stem('wheel'), stem('crossroads'))).toBeNull();
    expect(synonymTie(stem('competition'), stem('conflict'))).toBeNull();
    expect(synonymTie('constructor', 'toString')).toBeNull();
  });
  it('scores spelling similarity', () => {
    expect(wordSimilarity('historical', 'historic')).toBeGreaterThan(0.6);
    expect(wordSimilarity('wheel', 'crossroad')).toBeLessThan(0.2);
  });
});

describe('daysBetween', () => {
  it('counts days and tolerates missing dates', () => {
    expect(daysBetween('2021-11-09', '2021-11-15')).toBe(6);
    expect(daysBetween(null, '2021-11-15')).toBeNull();
    expect(daysBetween('garbage', '2021-11-15')).toBeNull();
  });
});
