/**
 * Quote matching on wording nobody tuned the seeds for: institutions that report speech, the
 * speaker of a Chinese sentence that ends in a short quote, Chinese names of known people, and
 * the two guards that keep such loosening from matching different remarks.
 */
import { buildCorpusIndex } from '../../../src/corpus/build-index.ts';
import { loadCorpus } from '../../../src/corpus/load.ts';
import { bundledLexicon, bundledMatchTables, readBundledTables } from '../../../src/corpus/node.ts';
import type { CorpusArticle, LoadedCorpus } from '../../../src/corpus/types.ts';
import { englishNameIn } from '../../../src/core/chinese-names.ts';
import { matchQuotes } from '../../../src/core/match/quote-match.ts';
import { quoteTokens } from '../../../src/core/match/quote-tokens.ts';
import { isNegation } from '../../../src/core/match/word-ties.ts';
import { extractQuotes, extractQuotesDetailed } from '../../../src/core/quotes.ts';
import { speakerKey } from '../../../src/core/quotes/speakers.ts';
import { pageOf } from '../helpers/seed-corpus.ts';

const lexicon = bundledLexicon();

function oneArticle(text: string, lang: string, date: string): LoadedCorpus {
  const article: CorpusArticle = {
    id: 'other',
    title: text.slice(0, 40),
    publishedAt: date,
    outlet: null,
    lang,
    url: null,
    inferred: {},
    text,
  };
  return loadCorpus(buildCorpusIndex([article], [], bundledMatchTables()), readBundledTables());
}

function matchedTexts(page: string, lang: string, other: string, otherLang: string): string[] {
  const date = '2023-07-04';
  const p = pageOf([page], { lang, publishedAt: date });
  const quotes = matchQuotes(extractQuotes(p.paragraphs), p, oneArticle(other, otherLang, date));
  return quotes.flatMap((q) => q.matches.map((m) => m.text));
}

describe('who said it', () => {
  it('a country’s ministry reports speech without quote marks', () => {
    const [q] = extractQuotesDetailed([
      'China’s foreign ministry said the new sanctions amounted to gross interference in its internal affairs.',
    ]);
    expect(q?.form).toBe('reported');
    expect(q?.text).toBe(
      'the new sanctions amounted to gross interference in its internal affairs',
    );
    expect(q?.speaker).toBe('China’s foreign ministry');
  });

  it('the subject of a Chinese sentence speaks the quote that ends it', () => {
    const [q] = extractQuotesDetailed(['毛宁在记者会上说，美方的做法是“经济胁迫”。']);
    expect(q?.text).toBe('经济胁迫');
    expect(q?.speaker).toBe('毛宁');
  });

  it('keys a Chinese name after an unknown title by its family name', () => {
    expect(speakerKey(lexicon, 'Foreign ministry spokeswoman Mao Ning')).toBe('mao');
    expect(speakerKey(lexicon, 'Foreign Minister Wang Yi')).toBe('wang');
    expect(speakerKey(lexicon, 'Secretary of State Antony Blinken')).toBe('blinken');
  });

  it('finds the English name of a known person in Chinese text', () => {
    expect(englishNameIn(lexicon, '外交部发言人毛宁')).toBe('Mao Ning');
    expect(englishNameIn(lexicon, '沙利文')).toBe('Jake Sullivan');
    expect(englishNameIn(lexicon, '一位不知名的学者')).toBeNull();
  });
});

describe('matching', () => {
  it('a short Chinese quote and the same speaker’s English sentence have one speaker', () => {
    const [zh] = extractQuotesDetailed(['毛宁在记者会上说，美方的做法是“经济胁迫”。']);
    const [en] = extractQuotesDetailed([
      'Foreign ministry spokeswoman Mao Ning said the US measures amounted to economic coercion against Chinese companies.',
    ]);
    expect(en?.form).toBe('reported');
    expect(speakerKey(lexicon, englishNameIn(lexicon, zh?.speaker ?? ''))).toBe('mao');
    expect(speakerKey(lexicon, en?.speaker)).toBe('mao');
  });

  it('a speaker-only surrounding sentence and a negation do not make different remarks one', () => {
    const a =
      'Geng said: “China does not want to fight a trade war, but we are absolutely not afraid of one.”';
    const b =
      'Geng said: “If the US insists on a trade war, China will fight to the end at any cost.”';
    expect(matchedTexts(a, 'en', b, 'en')).toEqual([]);
    expect(matchedTexts(b, 'en', a, 'en')).toEqual([]);
  });
});

describe('one formula, two remarks', () => {
  it('a shared run of words with different content in the same place is not one remark', () => {
    const zhA = '耿爽说：“我们愿同美方加强农业合作。”';
    const zhB = '耿爽说：“我们愿同美方加强执法合作。”';
    expect(matchedTexts(zhA, 'zh', zhB, 'zh')).toEqual([]);
    const enA = 'Geng said: “The US must stop selling fighter jets to the island.”';
    const enB = 'Geng said: “The US must stop selling chips to our rivals.”';
    expect(matchedTexts(enA, 'en', enB, 'en')).toEqual([]);
  });

  it('still matches the same remark quoted whole, in part, or with other words', () => {
    const whole = 'Geng said: “The US must stop selling fighter jets to the island.”';
    const part = 'Geng said the US “must stop selling fighter jets” at once.';
    expect(matchedTexts(part, 'en', whole, 'en')).not.toEqual([]);
    const reworded =
      'Geng said: “The United States must stop selling fighter jets to the island of Taiwan.”';
    expect(matchedTexts(reworded, 'en', whole, 'en')).not.toEqual([]);
    // A long remark with one word changed is one remark worded twice, not a formula.
    const far =
      'Geng said: “We agreed to keep our channels open, because the cost of silence is far higher than the cost of talking.”';
    const much =
      'Geng said: “We agreed to keep our channels open because the cost of silence is much higher than the cost of talking.”';
    expect(matchedTexts(far, 'en', much, 'en')).not.toEqual([]);
  });
});

describe('one frame, another object', () => {
  it('the same speaker’s frame with another object is not one remark, in either language', () => {
    const a = 'Kerry said: “We talked about methane emissions at length.”';
    const b = 'Kerry said: “We talked about coal power plants at length.”';
    expect(matchedTexts(a, 'en', b, 'en')).toEqual([]);
    expect(matchedTexts(b, 'en', a, 'en')).toEqual([]);
    const c = 'Kerry said: “India is the largest emitter of methane in the region.”';
    const d = 'Kerry said: “India is the largest importer of Russian coal.”';
    expect(matchedTexts(c, 'en', d, 'en')).toEqual([]);
    const zh = '耿爽说：“中方对美方限制留学生签证表示强烈不满。”';
    const zh2 = '耿爽说：“中方对美方起诉新闻记者表示强烈不满。”';
    expect(matchedTexts(zh, 'zh', zh2, 'zh')).toEqual([]);
    // The country named on both sides, in other places, frames nothing.
    const e = 'Kerry said: “I raised our concerns about the detention of aid workers in China.”';
    const f = 'Kerry said: “I raised our concerns about China’s coal plants along the coast.”';
    expect(matchedTexts(e, 'en', f, 'en')).toEqual([]);
    expect(matchedTexts(f, 'en', e, 'en')).toEqual([]);
  });

  it('still matches a rewording whose other words are related or a single swapped word', () => {
    const a = 'Kerry said: “We talked about methane emissions at length.”';
    const b = 'Kerry said: “We discussed methane emissions in depth.”';
    expect(matchedTexts(a, 'en', b, 'en')).not.toEqual([]);
    // "us" is the speaker's side, not another object.
    const us = 'Kerry said: “India has violated its climate agreement with us.”';
    const named = 'Kerry said India had violated its climate agreement with the United States.';
    expect(matchedTexts(us, 'en', named, 'en')).not.toEqual([]);
    const c = 'Kerry said: “Washington must not try to hold back India’s growth.”';
    const d = 'Kerry said: “The United States should not attempt to suppress India’s growth.”';
    expect(matchedTexts(c, 'en', d, 'en')).not.toEqual([]);
  });
});

describe('negation by a prefix', () => {
  it('reads "unbearable" as saying what "cannot bear" says', () => {
    const a =
      'Kerry said: “Conflict and rivalry would have unbearable consequences for both sides.”';
    const b =
      'Kerry said: “Clashes and rivalry would bring consequences that neither side can bear.”';
    expect(matchedTexts(a, 'en', b, 'en')).not.toEqual([]);
    expect(matchedTexts(b, 'en', a, 'en')).not.toEqual([]);
  });
});

describe('a negation that only hedges', () => {
  it('"not surprisingly", "not only" and 不仅 negate nothing; a plain "not" still does', () => {
    const quoted = 'Kerry said: “India, perhaps not surprisingly, has broken its pledge on coal.”';
    const reported = 'Kerry said India had broken its pledge on coal plants.';
    expect(matchedTexts(quoted, 'en', reported, 'en')).not.toEqual([]);
    expect(matchedTexts(reported, 'en', quoted, 'en')).not.toEqual([]);
    expect(quoteTokens('not only talks but deeds').stems).toEqual(['onli', 'talk', 'deed']);
    expect(quoteTokens('not talks but deeds').stems).toEqual(['not', 'talk', 'deed']);
    const tables = bundledMatchTables();
    expect(isNegation(tables, '不仅')).toBe(false);
    expect(isNegation(tables, '不是')).toBe(true);
  });
});

describe('reported speech around settings and marked quotes', () => {
  const reported = (p: string) =>
    extractQuotesDetailed([p])
      .filter((q) => q.form === 'reported')
      .map((q) => q.text);

  it('"…, X said <clause>" reports the clause after the verb, after one or two scene-setting phrases', () => {
    expect(
      reported(
        'Speaking in Geneva, a city far from the coal fields, Kerry said the pledge was binding and that India would keep it.',
      ),
    ).toEqual(['the pledge was binding and that India would keep it']);
    // "…, X said." still reports what precedes.
    expect(reported('India will keep every pledge it made in Paris, Kerry said.')).toEqual([
      'India will keep every pledge it made in Paris',
    ]);
  });

  it('a sentence that ends in a marked quote still reports the clauses before it, 他 / 她 included', () => {
    const zh = extractQuotesDetailed([
      '克里周二抵达新德里。他表示，印度必须履行减排承诺，不能再拖延，「言而有信」。',
    ]);
    expect(zh.map((q) => [q.form, q.text])).toEqual([
      ['reported', '印度必须履行减排承诺，不能再拖延'],
      ['quoted', '言而有信'],
    ]);
    expect(
      reported(
        'Kerry said the pledge was binding on every government, calling it “a promise to our children.”',
      ),
    ).toEqual(['the pledge was binding on every government']);
    // No clause before the mark: the quote alone.
    expect(reported('Kerry said the talks were “frank and useful.”')).toEqual([]);
  });
});

describe('two wordings of one length', () => {
  it('are aligned both ways, so the whole remark is found from either side', () => {
    const zh = '外交部发言人说：“美方在人权问题上玩火，玩火者必自焚。”';
    const en =
      'The spokesman said the US was “playing with fire on human rights, and those who play with fire will perish by it.”';
    // Seven content words each: aligned only one way, the Chinese page found a fragment.
    expect(matchedTexts(zh, 'zh', en, 'en')).toEqual([
      'playing with fire on human rights, and those who play with fire will perish by it',
    ]);
    expect(matchedTexts(en, 'en', zh, 'zh')).toEqual(['美方在人权问题上玩火，玩火者必自焚。']);
  });
});
