import fc from 'fast-check';
import { extractQuotes, extractQuotesDetailed } from '../../../src/core/quotes.ts';
import { speakerKey } from '../../../src/core/quotes/speakers.ts';
import { asPage, seed } from '../helpers/seed-corpus.ts';
import { bundledLexicon } from '../../../src/corpus/node.ts';

const texts = (paras: string[]) => extractQuotes(paras).map((q) => q.text);

describe('extractQuotes: quote marks', () => {
  it('finds curly, straight, guillemet and CJK quotes', () => {
    expect(texts(['He said “we are ready” on Tuesday.'])).toEqual(['we are ready']);
    expect(texts(['He said "we are ready" on Tuesday.'])).toEqual(['we are ready']);
    expect(texts(['Il a dit « nous sommes prêts » mardi.'])).toEqual(['nous sommes prêts']);
    expect(texts(['他说「中美关系处在历史的十字路口」。'])).toEqual(['中美关系处在历史的十字路口']);
    expect(texts(['他说“合作是唯一正确的选择”。'])).toEqual(['合作是唯一正确的选择']);
  });

  it('finds word-initial single quotes but not apostrophes', () => {
    expect(texts(['Biden said Xi had made a ‘great mistake’ by not coming.'])).toEqual([
      'great mistake',
    ]);
    expect(texts(['China’s leader and Biden’s adviser met.'])).toEqual([]);
  });

  it('closes a quote at an opening mark used as a closing one (seed 003)', () => {
    const p =
      '“Relations are at a crossroads. Hostility will hurt them both “According to a statement, Xi remarked.';
    const [q] = extractQuotesDetailed([p]);
    expect(q?.text).toBe('Relations are at a crossroads. Hostility will hurt them both');
    expect(q?.speaker).toBe('Xi');
  });

  it('keeps one-word quotes and gives exact text, paragraph and anchoring context', () => {
    const paras = ['Intro.', 'An official called the call “respectful” and “familiar and frank”.'];
    const qs = extractQuotes(paras);
    expect(qs.map((q) => q.text)).toEqual(['respectful', 'familiar and frank']);
    for (const q of qs) {
      const p = paras[q.paragraph ?? -1] ?? '';
      expect(p.includes(`${q.prefix}${q.text}${q.suffix}`)).toBe(true);
      expect((q.prefix ?? '').length).toBeLessThanOrEqual(32);
      expect(q.matches).toEqual([]);
    }
  });

  it('follows a quote split across paragraphs', () => {
    const qs = extractQuotes([
      '“We will keep talking,” Blinken said. “And we expect',
      'more meetings soon,” he added.',
    ]);
    expect(qs.map((q) => q.text)).toEqual([
      'We will keep talking,',
      'And we expect',
      'more meetings soon,',
    ]);
    expect(qs.map((q) => q.speaker)).toEqual(['Blinken', 'Blinken', 'Blinken']);
  });

  it('starts a new quote when the next paragraph opens one (continued-quote convention)', () => {
    const qs = extractQuotes(['“First part of the speech.', '“Second part,” Campbell said.']);
    expect(qs.map((q) => q.text)).toEqual(['First part of the speech.', 'Second part,']);
  });
});

describe('extractQuotes: speakers and unmarked remarks', () => {
  it('names the speaker before or after the quote and resolves pronouns', () => {
    const qs = extractQuotes([
      '“We are at a vital juncture,” Xi said of relations, adding that “both sides will benefit.”',
      'He stated, “The only right choice is cooperation.”',
    ]);
    expect(qs.map((q) => q.speaker)).toEqual(['Xi', 'Xi', 'Xi']);
  });

  it('gives a quote introduced by “X said:” to X, not to the next sentence’s subject', () => {
    const qs = extractQuotesDetailed(['Mr. Biden said: “We will talk.” Xi replied.']);
    expect(qs.map((q) => [q.text, q.speaker])).toEqual([['We will talk.', 'Mr. Biden']]);
    expect(speakerKey(bundledLexicon(), qs[0]?.speaker)).toBe('biden');
    // The attribution after the quote still names the speaker when nothing introduces it.
    expect(extractQuotes(['“We will talk,” Xi replied.']).map((q) => q.speaker)).toEqual(['Xi']);
  });

  it('finds remarks reported without quote marks (“…, Campbell said”)', () => {
    const qs = extractQuotesDetailed([
      'What we have witnessed is a rebuilding of the army. This has been a matter of real concern, Campbell said in a conversation.',
      'We now find ourselves in a difficult situation, he said.',
    ]);
    expect(qs.map((q) => [q.text, q.speaker, q.unmarked])).toEqual([
      [
        'What we have witnessed is a rebuilding of the army. This has been a matter of real concern',
        'Campbell',
        true,
      ],
      ['We now find ourselves in a difficult situation', 'Campbell', true],
    ]);
  });

  it('reduces speakers to a comparable key', () => {
    expect(speakerKey(bundledLexicon(), 'Chinese President Xi Jinping')).toBe('xi');
    expect(speakerKey(bundledLexicon(), 'Deputy Secretary of State Kurt Campbell')).toBe(
      'campbell',
    );
    expect(speakerKey(bundledLexicon(), null)).toBeNull();
  });

  it('extracts the seed quotes with their speakers', () => {
    const qs = extractQuotes(asPage(seed('003')).paragraphs);
    expect(qs.map((q) => q.speaker)).toEqual(['Xi', 'Xi', 'Xi']);
    expect(qs[0]?.text.endsWith('hostility will hurt them both')).toBe(true);
  });
});

describe('extractQuotes: odd input', () => {
  it('handles empty and degenerate input', () => {
    expect(extractQuotes([])).toEqual([]);
    expect(extractQuotes([''])).toEqual([]);
    expect(extractQuotes(['“'])).toEqual([]);
    expect(extractQuotes(['”“"«»「」'])).toEqual([]);
    expect(extractQuotes([undefined as unknown as string, 'ok “yes”'])).toHaveLength(1);
  });

  it('handles 10,000 quotes in one paragraph', () => {
    const p = Array.from({ length: 10_000 }, (_, i) => `“quote number ${i}” he said.`).join(' ');
    expect(extractQuotes([p])).toHaveLength(10_000);
  });

  it('property: never throws; every quote is an exact, anchorable substring of its paragraph', () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '“',
        '”',
        '"',
        '«',
        '»',
        '「',
        '」',
        '‘',
        '’',
        "'",
        ' said Xi.',
        ', Campbell said.',
        '\n',
        '. ',
      ),
      fc.string({ unit: 'grapheme' }),
    );
    const para = fc.array(piece, { maxLength: 12 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(fc.array(para, { maxLength: 6 }), (paras) => {
        const qs = extractQuotes(paras);
        for (const q of qs) {
          const p = paras[q.paragraph ?? -1];
          expect(typeof p).toBe('string');
          expect(q.text.length).toBeGreaterThan(0);
          expect((p as string).includes(`${q.prefix ?? ''}${q.text}${q.suffix ?? ''}`)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('extractQuotes: Chinese attribution and reported speech', () => {
  const one = (paras: string[]) => extractQuotes(paras).map((q) => [q.form, q.speaker, q.text]);

  it('names the speaker of a Chinese quote before or after it', () => {
    expect(one(['国家主席习近平在贺信中表示：“中方愿同美方管控分歧。”'])).toEqual([
      ['quoted', '习近平', '中方愿同美方管控分歧。'],
    ]);
    expect(one(['“这是唯一正确的选择。”王毅说。'])).toEqual([
      ['quoted', '王毅', '这是唯一正确的选择。'],
    ]);
    expect(one(['外交部发言人毛宁在例行记者会上说：“美方应停止挑衅。”'])[0]?.[1]).toBe('毛宁');
  });

  it('finds remarks reported without quote marks, as reported', () => {
    expect(
      one([
        'Secretary of State Antony Blinken said on Tuesday that the United States would keep sailing wherever international law allows.',
      ]),
    ).toEqual([
      [
        'reported',
        'State Antony Blinken',
        'the United States would keep sailing wherever international law allows',
      ],
    ]);
    expect(
      one([
        'According to a senior administration official, the two leaders agreed to talk again soon.',
      ]),
    ).toEqual([
      ['reported', 'a senior administration official', 'the two leaders agreed to talk again soon'],
    ]);
    expect(one(['外交部发言人汪文斌指出，美方的做法严重干涉中国内政，中方强烈不满。'])).toEqual([
      ['reported', '汪文斌', '美方的做法严重干涉中国内政，中方强烈不满'],
    ]);
  });

  it('reads Chinese attributions with a date or time, and in traditional characters', () => {
    // News copy dates the remark between the name and the verb: "林剑4日表示".
    expect(one(['外交部发言人林剑4日表示，美方单边加征关税严重违反世贸组织规则。'])).toEqual([
      ['reported', '林剑', '美方单边加征关税严重违反世贸组织规则'],
    ]);
    expect(one(['李成钢11日凌晨在伦敦表示，双方原则上达成了落实共识的框架。'])[0]?.[1]).toBe(
      '李成钢',
    );
    expect(one(['美国财长贝森特12日在日内瓦对记者说：“双方都不希望脱钩。”'])).toEqual([
      ['quoted', '贝森特', '双方都不希望脱钩。'],
    ]);
    // Traditional characters: 說, 表示 after 並, 發言人.
    expect(one(['王毅說：「美國不應在台灣問題上玩火。」'])).toEqual([
      ['quoted', '王毅', '美國不應在台灣問題上玩火。'],
    ]);
    expect(one(['國務院發言人密勒23日說，美國對演習高度關注，並敦促北京保持克制。'])).toEqual([
      ['reported', '密勒', '美國對演習高度關注，並敦促北京保持克制'],
    ]);
    expect(one(['奧斯汀並表示：「衝突並非無法避免。」'])[0]?.[1]).toBe('奧斯汀');
  });

  it('reads more reporting verbs: English ones with a that-clause, Chinese 重申 and 声称', () => {
    expect(
      one(['Blinken reiterated that the United States does not support Taiwan independence.']),
    ).toEqual([['reported', 'Blinken', 'the United States does not support Taiwan independence']]);
    // Without a that-clause the verb reports no remark.
    expect(one(['Trump claimed victory in the trade talks on Tuesday evening.'])).toEqual([]);
    expect(one(['王毅重申，中方在台湾问题上没有任何妥协退让的空间。'])).toEqual([
      ['reported', '王毅', '中方在台湾问题上没有任何妥协退让的空间'],
    ]);
    expect(one(['國務院發言人密勒聲稱，美方對此深表關切並將持續關注。'])[0]?.[1]).toBe('密勒');
  });

  it('ends a reported remark where the narration takes over', () => {
    expect(
      one([
        'Trump said on Friday that China had totally violated its agreement with the United States, without saying which part of the deal it had broken.',
      ])[0]?.[2],
    ).toBe('China had totally violated its agreement with the United States');
    expect(
      one([
        'Austin said he was troubled that Beijing has been reluctant to talk, a day after his counterpart declined to meet him.',
      ])[0]?.[2],
    ).toBe('he was troubled that Beijing has been reluctant to talk');
  });

  it('leaves sentences that report no remark alone', () => {
    // The remark precedes the attribution: the paragraph-final form covers it once.
    const qs = extractQuotes([
      'China is ready to manage its differences with the US, Xi Jinping said on Tuesday, ahead of the talks.',
    ]);
    expect(qs.map((q) => q.text)).toEqual(['China is ready to manage its differences with the US']);
    expect(one(['Officials met on Tuesday.', 'The talks said little.'])).toEqual([]);
    // Marked quotes stay quoted, and the sentence around them is not also "reported".
    expect(one(['Blinken said “we will respond” to the drills.'])).toEqual([
      ['quoted', 'Blinken', 'we will respond'],
    ]);
  });
});
