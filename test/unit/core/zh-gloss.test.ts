import { isChinese, zhGlossFrom } from '../../../src/core/zh-gloss.ts';
import { bundledMatchTables } from '../../../src/corpus/node.ts';

const { zh } = bundledMatchTables();
const segmentZh = zh.segment;
const glossOf = zh.gloss;
const toSimplified = zh.toSimplified;
const zhNameInEnglish = zh.nameInEnglish;

const words = (t: string) => segmentZh(t).map((w) => w.word);

describe('Chinese gloss table (CC-CEDICT + set phrases)', () => {
  it('segments into dictionary words, dropping function words and speech verbs', () => {
    expect(words('中方愿同美方管控分歧')).toEqual(['中方', '愿', '同', '美方', '管控分歧']);
    expect(words('他表示，我们的合作')).toEqual(['合作']);
    // Conjunctions and "this time" carry no content, as "moreover" and "this" do not.
    expect(words('此次会谈坦诚而且富有建设性')).toEqual(['会谈', '坦诚', '富有', '建设性']);
    // Offsets point into the original text.
    const t = '“管控分歧”';
    const [w] = segmentZh(t);
    expect(t.slice(w?.start, w?.end)).toBe('管控分歧');
  });

  it('keeps the split with fewer words (scanning both ways)', () => {
    // Forward longest match alone would cut 研究生命 as 研究生 + 命.
    expect(words('研究生命起源')).toEqual(['研究', '生命', '起源']);
  });

  it('glosses words and curated set phrases into English stems', () => {
    expect(glossOf('合作')).toContain('cooper');
    expect(glossOf('管控分歧')).toEqual(expect.arrayContaining(['manag', 'differ']));
    expect(glossOf('脱钩断链')).toContain('decoupl');
    // A phrase the dictionary lacks, which also keeps 中国 whole in 在中国家门口.
    expect(glossOf('家门口')).toContain('doorstep');
    expect(words('在中国家门口挑衅')).toEqual(['中国', '家门口', '挑衅']);
    expect(glossOf('不存在的词语')).toEqual([]);
  });

  it('glosses abbreviations and keeps the main sense of every reading of a character', () => {
    // "abbr. for 中国共产党, Chinese Communist Party": news writes the abbreviation.
    expect(glossOf('中共')).toEqual(expect.arrayContaining(['communist', 'parti']));
    // An abbreviation with no English of its own takes its full form's.
    expect(glossOf('人大')).toContain('congress');
    expect(words('中共的軍事恫嚇')).toEqual(['中共', '军事', '恫吓']);
    // 只 is "grain that has begun to ripen", a classifier and "only; merely": the first sense
    // of each reading, not the first reading's senses only (a classifier's gloss is grammar).
    expect(glossOf('只')).toContain('onli');
    expect(glossOf('只')).not.toContain('classifi');
    // Near-synonyms are separate senses; translators pick any: 不断 "…; continuous; constant".
    expect(glossOf('不断')).toContain('constant');
    expect(glossOf('一边')).toContain('while');
  });

  it('leaves out words whose main sense English says with function words only', () => {
    // 更加 "more (than sth else)", 的话 "if", 者 "-er": segmented whole, then left out, as
    // "more" and "if" are English stopwords.
    expect(words('只会让人民更加反感')).toEqual(['只', '人民', '反感']);
    expect(words('如果美方执意如此的话')).toEqual(['美方', '执意', '如此']);
    // A stopword that is also a noun is content: 威力 "might, power".
    expect(words('威力巨大')).toEqual(['威力', '巨大']);
    expect(glossOf('威力')).toContain('power');
  });

  it('reads traditional characters through the simplified table', () => {
    expect(toSimplified('關係')).toBe('关系');
    expect(words('兩國關係')).toEqual(['两国关系']);
    expect(glossOf('两国关系')).toContain('relat');
  });

  it('names people in English and tells Chinese text apart', () => {
    expect(zhNameInEnglish('习近平')).toBe('Xi Jinping');
    expect(zhNameInEnglish('王毅')).toBe('Wang Yi');
    expect(isChinese('中美关系处在历史关口')).toBe(true);
    expect(isChinese('The US–China 中美 relationship is at a crossroads')).toBe(false);
  });

  it('refuses a table without words or character map', () => {
    expect(() => zhGlossFrom({ source: 'x' } as never)).toThrow(/no words/);
    expect(() => zhGlossFrom({ words: {} } as never)).toThrow(/traditional/);
  });
});
