/**
 * Reasons are data (detection, related coverage, quote matches, context entries), formatted by
 * the popup and the card in the reader's language: every code of the catalog has its English and
 * Chinese sentence (a code without a message in either language fails here), and in English the
 * popup says what the reason's own English text says.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectDiplomacy } from '../../../src/core/detect.ts';
import { extractArticle } from '../../../src/core/extract.ts';
import { REASON_CODES, reason, type Reason } from '../../../src/core/reasons.ts';
import { browserMock } from '../browser-mock.ts';
import { FIXTURE_LABELS, fixture } from '../core/fixture-pages.ts';
import { analyzeExtracted } from '../../../src/core/analyze.ts';
import { asPage, seedArticles, seedCorpus } from '../helpers/seed-corpus.ts';

vi.mock('../../../src/browser.ts', async () => ({
  default: (await import('../browser-mock.ts')).browserMock,
}));
const { reasonText } = await import('../../../popup/reason-text.ts');

afterEach(() => browserMock.i18n.useLocale('en'));

const found = (name: string) => ({ name, zones: ['headline' as const, 'body' as const] });
/** One reason of every code, with parameters that exercise its plural and list forms. */
const SAMPLES: Reason[] = [
  reason('us-actors', { actors: [found('Joe Biden'), found('Antony Blinken')] }),
  reason('us-country-only', { actor: found('United States') }),
  reason('no-us-actor', {}),
  reason('cn-actors', { actors: [found('Xi Jinping')] }),
  reason('cn-country-only', { actor: found('China') }),
  reason('no-cn-actor', {}),
  reason('diplomatic-acts', { acts: [found('call')] }),
  reason('act-sentences', { acts: 3, about: 7, top: 2 }),
  reason('headline-exchange', { replies: 2 }),
  reason('china-not-subject', { named: 3 }),
  reason('taiwan-pla', { taiwan: 4, pla: 0 }),
  reason('pla-us-response', {}),
  reason('working-level', {}),
  reason('other-counterpart', { country: 'Russia', mentions: 9, us: 1 }),
  reason('headline-other-counterpart', { countries: ['Japan', 'India'] }),
  reason('one-of-several', { countries: ['Japan', 'India'] }),
  reason('no-us-government-act', {}),
  reason('overall', { level: 'moderate' }),
  reason('not-article', { why: 'page has almost no text' }),
  reason('china-not-named', {}),
  reason('skipped', { why: 'some other finding' }),
  reason('silent-site', {}),
  reason('not-same-story', {}),
  reason('shared-quotes', { count: 3, example: 'a vital historical juncture' }),
  reason('same-event', { event: 'Biden and Xi hold a virtual meeting' }),
  reason('published-apart', { days: 3 }),
  reason('shared-names', { names: ['Xi Jinping', 'Joe Biden'] }),
  reason('wording', { level: 'close' }),
  reason('close-version', { title: 'Xi letter strikes warmer tone' }),
  reason('covers-remark', { percent: 85 }),
  reason('within-quote', { percent: 60 }),
  reason('word-ties', {
    kind: 'synonym',
    pairs: [
      ['frank', 'outspoken'],
      ['juncture', 'crossroads'],
    ],
  }),
  reason('short-inside-longer', {}),
  reason('opposite-polarity', {}),
  reason('same-speaker', { name: 'Wang Yi' }),
  reason('other-speaker', { name: 'Antony Blinken' }),
  reason('similar-surroundings', { percent: 40 }),
  reason('quote-part', { part: 'We will cooperate.' }),
  reason('rendering', { language: 'en' }),
  reason('page-mentions', { sentence: 'Biden and Xi spoke on Nov. 15.', cue: 'Nov. 15, Biden' }),
  reason('coverage-mentions', { title: 'Two presidents hold a long virtual meeting' }),
  reason('involves', { actors: ['Joe Biden', 'Xi Jinping'] }),
  reason('page-topic', { kind: 'arms-sale' }),
  reason('days-before', { days: 12 }),
];

/** Quote-match and context reasons whose wording turns on a value: every form, in both languages. */
const FORMS: [Reason, string, string][] = [
  [
    reason('word-ties', { kind: 'translation', pairs: [['合作', 'cooperation']] }),
    'translated words: 合作 → cooperation',
    '对应的译词：合作 → cooperation',
  ],
  [
    reason('word-ties', {
      kind: 'same-root',
      pairs: [
        ['negotiation', 'negotiate'],
        ['cooperation', 'cooperate'],
      ],
    }),
    'words of the same root: negotiation → negotiate, cooperation → cooperate',
    '同根词：negotiation → negotiate、cooperation → cooperate',
  ],
  [reason('rendering', { language: 'zh' }), 'a Chinese rendering', '中文译文'],
  [
    reason('page-mentions', { sentence: 'They spoke by phone.', cue: '' }),
    'the page mentions it: “They spoke by phone.”',
    '本文提到了此事：“They spoke by phone.”',
  ],
  [
    reason('page-mentions', { sentence: '两国元首通电话。', cue: '通电话' }),
    'the page mentions it: “两国元首通电话。” (通电话)',
    '本文提到了此事：“两国元首通电话。”（通电话）',
  ],
  [reason('days-before', { days: 0 }), 'the same day', '与本文同一天'],
  [reason('days-before', { days: 1 }), 'the day before', '本文发表前一天'],
  [reason('days-before', { days: 1200 }), '1,200 days before', '本文发表前 1,200 天'],
  [reason('covers-remark', { percent: 100 }), 'covers the whole remark', '涵盖整句话'],
  [reason('covers-remark', { percent: 85 }), 'covers 85% of the remark', '涵盖这句话的 85%'],
  [
    reason('within-quote', { percent: 60 }),
    '60% of this wording is found in the page’s quote',
    '这一说法有 60% 见于本页引语',
  ],
];

/** Related-coverage reasons whose wording turns on a count: every form, in both languages. */
const COUNTED: [Reason, string, string][] = [
  [
    reason('shared-quotes', { count: 1, example: 'frank' }),
    'shares a quote: “frank”',
    '有一句相同的引语：“frank”',
  ],
  [
    reason('shared-quotes', { count: 2, example: 'frank' }),
    'shares 2 quotes, e.g. “frank”',
    '有 2 句相同的引语，例如“frank”',
  ],
  [reason('published-apart', { days: 0 }), 'published the same day', '同一天发表'],
  [reason('published-apart', { days: 1 }), 'published a day apart', '发表时间相隔一天'],
  [reason('published-apart', { days: 12 }), 'published 12 days apart', '发表时间相隔 12 天'],
  [reason('published-apart', { days: 40 }), 'published a month apart', '发表时间相隔一个月'],
  [reason('published-apart', { days: 200 }), 'published 7 months apart', '发表时间相隔 7 个月'],
  [reason('published-apart', { days: 1100 }), 'published 3 years apart', '发表时间相隔 3 年'],
];

describe('reasons in the reader’s language', () => {
  it('the samples cover every code of the catalog', () => {
    expect(new Set(SAMPLES.map((r) => r.code))).toEqual(new Set(REASON_CODES));
  });

  it('every code reads in Chinese, with no English sentence left', () => {
    browserMock.i18n.useLocale('zh_CN');
    for (const r of SAMPLES) {
      const zh = reasonText(r);
      if (r.code === 'skipped') continue; // its finding is shown as found
      expect(zh, r.code).toMatch(/\p{Script=Han}/u);
      expect(zh, r.code).not.toContain(r.text);
      expect(zh, r.code).not.toMatch(/\b(of the|sentences?|mentioned|times|once|twice|actors?)\b/);
    }
    expect(reasonText(SAMPLES[7] as Reason)).toBe(
      '涉及中国的 7 句话中，有 3 句提到了中美双方之间的外交行为（其中 2 句在标题或导语中）',
    );
    expect(reasonText(SAMPLES[0] as Reason)).toBe(
      '美方人物：Joe Biden（标题、正文）；Antony Blinken（标题、正文）',
    );
  });

  it('related-coverage reasons read right at every count (no "1 months"), in both languages', () => {
    for (const [r, en, zh] of COUNTED) {
      expect(r.text).toBe(en);
      expect(reasonText(r)).toBe(en);
      browserMock.i18n.useLocale('zh_CN');
      expect(reasonText(r)).toBe(zh);
      browserMock.i18n.useLocale('en');
    }
  });

  it('quote-match and context reasons read right in every form, in both languages', () => {
    for (const [r, en, zh] of FORMS) {
      expect(reasonText(r)).toBe(en);
      browserMock.i18n.useLocale('zh_CN');
      expect(reasonText(r)).toBe(zh);
      browserMock.i18n.useLocale('en');
    }
  });

  it('in English the popup says what each reason’s text says (a page that is no article: its finding)', () => {
    for (const r of SAMPLES) {
      if (r.code === 'not-article') expect(reasonText(r)).toBe('Page has almost no text');
      else if (r.code === 'skipped') expect(reasonText(r)).toBe('Some other finding');
      else expect(reasonText(r), r.code).toBe(r.text);
    }
    let checked = 0;
    for (const f of FIXTURE_LABELS) {
      const { doc, url } = fixture(f.name);
      for (const r of detectDiplomacy(extractArticle(doc, url), seedCorpus().tables.lexicon)
        .reasons) {
        if (r.code === 'not-article') continue;
        expect(reasonText(r), `${f.name}: ${r.code}`).toBe(r.text);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it(
    'in English the popup says what each quote-match and context reason’s text says',
    { timeout: 30_000 },
    () => {
      const corpus = seedCorpus();
      const codes = new Set<string>();
      for (const s of seedArticles().slice(0, 6)) {
        const page = asPage(s);
        const a = analyzeExtracted(page, detectDiplomacy(page, corpus.tables.lexicon), corpus, {
          exclude: new Set([s.id]),
          force: true,
        });
        const reasons = [
          ...a.quotes.flatMap((q) => q.matches.flatMap((m) => m.why ?? [])),
          ...[...a.context, ...(a.moreContext ?? [])].flatMap((c) => c.why ?? []),
        ];
        for (const r of reasons) {
          expect(reasonText(r), `${s.id}: ${r.code}`).toBe(r.text);
          codes.add(r.code);
        }
      }
      expect(codes).toContain('covers-remark');
      expect(codes).toContain('word-ties');
      expect(codes).toContain('page-mentions');
      expect(codes).toContain('days-before');
    },
  );
});
