/**
 * The one sentence rule, as each place that reads sentences applies it: "Mr. Biden said. Xi
 * replied." is two sentences, not three, and 。！？； end Chinese sentences with no space after.
 */
import { sentences as detectionSentences } from '../../../src/core/detect-zones.ts';
import { buildMatchIndex } from '../../../src/core/match-index.ts';
import { segmentsOf } from '../../../src/core/match/quote-match.ts';
import { quoteContext } from '../../../src/core/match/quote-tokens.ts';
import { resolveMentions } from '../../../src/core/mentions.ts';
import { extractQuotes } from '../../../src/core/quotes.ts';
import {
  firstSentence,
  hasSentenceEnd,
  lastSentenceStart,
  splitSentences,
} from '../../../src/core/sentences.ts';
import type { PageQuote } from '../../../src/core/types.ts';
import { bundledLexicon, bundledMatchTables, readCorpusSources } from '../../../src/corpus/node.ts';

const EN = 'Mr. Biden said. Xi replied.';
const ZH = '王毅说：中方愿意合作。美方回应！会谈结束？好；';
const EN_PARTS = ['Mr. Biden said.', 'Xi replied.'];
const ZH_PARTS = ['王毅说：中方愿意合作。', '美方回应！', '会谈结束？', '好；'];

describe('the sentence rule (sentences.ts)', () => {
  it('keeps abbreviations and initials inside a sentence, and ends one at CJK punctuation', () => {
    expect(splitSentences(EN).map((s) => s.text)).toEqual(EN_PARTS);
    expect(splitSentences(ZH).map((s) => s.text)).toEqual(ZH_PARTS);
    expect(
      splitSentences('In Sept. 2021 J. Doe said no. Then the U.S. and China met.'),
    ).toHaveLength(2);
    expect(
      splitSentences('He said “no.” Then he left.\n\nNew paragraph').map((s) => s.text),
    ).toEqual(['He said “no.”', 'Then he left.', 'New paragraph']);
  });
  it('gives offsets into the text, and the pieces callers ask for', () => {
    for (const s of splitSentences(`  ${EN}  ${ZH} `)) {
      expect(`  ${EN}  ${ZH} `.slice(s.start, s.end)).toBe(s.text);
    }
    expect(firstSentence(EN)).toBe('Mr. Biden said.');
    expect(EN.slice(lastSentenceStart(EN))).toBe('');
    const open = 'Mr. Biden said. Xi';
    expect(open.slice(lastSentenceStart(open))).toBe('Xi');
    expect(hasSentenceEnd('Mr. Biden')).toBe(false);
    expect(hasSentenceEnd('会谈结束。好')).toBe(true);
  });
});

describe('every place that reads sentences uses the rule', () => {
  it('detection (zones and densities)', () => {
    expect(detectionSentences(EN)).toEqual(EN_PARTS);
    expect(detectionSentences(ZH)).toEqual(ZH_PARTS);
  });

  it('the match index (sentences offered as the shared event)', () => {
    const data = buildMatchIndex(
      [
        { id: 'en', title: 't', text: EN, publishedAt: null, outlet: null, lang: 'en' },
        { id: 'zh', title: 't', text: ZH, publishedAt: null, outlet: null, lang: 'zh' },
      ],
      bundledMatchTables(),
    );
    const texts = (i: number) =>
      data.docs[i]!.sentences.map(([s, e]) => data.docs[i]!.text.slice(s, e));
    expect(texts(0)).toEqual(EN_PARTS);
    expect(texts(1)).toEqual(ZH_PARTS);
  });

  it('event mentions (one mention names its own sentence)', () => {
    const { events } = readCorpusSources();
    const en = resolveMentions(
      'Mr. Biden spoke with Xi by phone on September 9, 2021. Xi replied.',
      '2021-09-10',
      events,
      bundledLexicon(),
    );
    expect(en.map((m) => m.sentence)).toEqual([
      'Mr. Biden spoke with Xi by phone on September 9, 2021.',
    ]);
    const zh = resolveMentions(
      '两国元首九月通话。拜登说。习近平回应。',
      '2021-11-16',
      events,
      bundledLexicon(),
    );
    expect(zh.map((m) => m.sentence)).toEqual(['两国元首九月通话。']);
  });

  it('reported speech (the remark is its own sentence, the title stays with the name)', () => {
    const en = extractQuotes([
      'Mr. Biden said the talks were useful and would go on. Xi replied that China wants stable ties.',
    ]);
    expect(en.map((q) => [q.speaker, q.text])).toEqual([
      ['Mr. Biden', 'the talks were useful and would go on'],
    ]);
    const zh = extractQuotes([
      '王毅表示，中方愿意与美方加强沟通合作。布林肯说，美方重视这次会谈的成果。',
    ]);
    expect(zh.map((q) => [q.speaker, q.text])).toEqual([
      ['王毅', '中方愿意与美方加强沟通合作'],
      ['布林肯', '美方重视这次会谈的成果'],
    ]);
  });

  it('attribution after a quote reads to the end of that sentence only', () => {
    const [q] = extractQuotes(['“We will talk,” said Mr. Biden. Xi replied.']);
    expect(q?.speaker).toBe('Mr. Biden');
  });

  it('the sentence around a quote (its context words)', () => {
    const p = 'Mr. Biden said. Then Xi said “we will cooperate” in Beijing. Officials left.';
    const at = p.indexOf('we will');
    expect(quoteContext(p, at, at + 'we will cooperate'.length)).toEqual(['xi', 'beij']);
  });

  it('the pieces of a long quote matched on their own', () => {
    const quote = (text: string): PageQuote => ({
      text,
      speaker: null,
      form: 'quoted',
      prefix: '',
      suffix: '',
      matches: [],
    });
    const tables = bundledMatchTables();
    expect(
      segmentsOf(tables, quote('Mr. Biden said no. Xi replied yes.'), []).map((s) => s.label),
    ).toEqual(['Mr. Biden said no.', 'Xi replied yes.']);
    expect(
      segmentsOf(tables, quote('我们不会让竞争演变为冲突。中方愿意合作！'), []).map((s) => s.label),
    ).toEqual(['我们不会让竞争演变为冲突。', '中方愿意合作！']);
  });
});
