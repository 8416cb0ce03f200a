import fc from 'fast-check';
import { buildMatchIndex, hydrateMatchIndex } from '../../../src/core/match-index.ts';
import { identifyCorpusArticle } from '../../../src/core/match/identify.ts';
import { matchQuotes } from '../../../src/core/match/quote-match.ts';
import { findRelated } from '../../../src/core/match/related.ts';
import { extractQuotes } from '../../../src/core/quotes.ts';
import type { PageQuote } from '../../../src/core/types.ts';
import pairLabels from '../../fixtures/quote-pairs.json';
import { asPage, pageOf, seed, seedArticles, seedCorpus } from '../helpers/seed-corpus.ts';

const corpus = seedCorpus();
const STORY = ['000', '001', '002', '003'];

interface PairLabel {
  a: [string, string];
  b: [string, string];
  same: boolean;
}
const labels = pairLabels as unknown as { pairs: PairLabel[] };

function matchedQuotes(prefix: string): PageQuote[] {
  const a = seed(prefix);
  const page = asPage(a);
  return matchQuotes(extractQuotes(page.paragraphs), page, corpus, { exclude: new Set([a.id]) });
}

describe('match index', () => {
  it('is JSON-serialisable and hydrates to the same results', () => {
    const docs = seedArticles();
    const data = buildMatchIndex(docs, corpus.tables);
    const round = hydrateMatchIndex(JSON.parse(JSON.stringify(data)));
    expect(round.N).toBe(docs.length);
    expect(round.docs[0]?.quotes.length).toBeGreaterThan(0);
    expect(round.docs.every((d) => d.terms.length === d.tfs.length)).toBe(true);
  });
});

describe('findRelated', () => {
  it('leave-one-out: seeds 000–003 are each other’s same story, 004 is not', () => {
    for (const a of seedArticles()) {
      const related = findRelated(asPage(a), corpus, { exclude: new Set([a.id]) });
      const same = related
        .filter((r) => r.relation === 'same-story')
        .map((r) => r.id.slice(0, 3))
        .sort();
      const inStory = STORY.includes(a.id.slice(0, 3));
      expect(same).toEqual(inStory ? STORY.filter((x) => x !== a.id.slice(0, 3)) : []);
      for (const r of related) {
        expect(r.why.length).toBeGreaterThan(0);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
      }
    }
  });

  it('explains same-story items with shared quotes and dates', () => {
    const a = seed('002');
    const related = findRelated(asPage(a), corpus, { exclude: new Set([a.id]) });
    const r003 = related.find((r) => r.id.startsWith('003'));
    const shared = r003?.why.find((w) => w.code === 'shared-quotes');
    expect(shared?.params).toMatchObject({ count: expect.any(Number) });
    expect(shared?.text).toMatch(/^shares (a quote|\d+ quotes, e\.g\.) “/);
    expect(r003?.why.map((w) => w.code)).toContain('published-apart');
    expect(r003?.why.find((w) => w.code === 'published-apart')?.text).toBe(
      'published the same day',
    );
  });

  it('reports a page identical to a corpus article as that article, not as related coverage', () => {
    const a = seed('001');
    const page = asPage(a);
    expect(identifyCorpusArticle(page, corpus)).toBe(a.id);
    expect(findRelated(page, corpus).map((r) => r.id)).not.toContain(a.id);
    // Reformatted (paragraphs joined differently) is still the same article.
    const joined = pageOf([page.paragraphs.join(' ')], page.meta);
    expect(identifyCorpusArticle(joined, corpus)).toBe(a.id);
    expect(
      identifyCorpusArticle(asPage(seed('000')), corpus, { exclude: new Set([seed('000').id]) }),
    ).toBeNull();
  });

  it('never calls a rejected article the same story', () => {
    const a = seed('000');
    const rejected = new Set([seed('001').id]);
    const related = findRelated(asPage(a), corpus, { exclude: new Set([a.id]), rejected });
    const r = related.find((x) => x.id === seed('001').id);
    expect(r?.relation).toBe('related');
    expect(r?.why[0]).toMatchObject({ code: 'not-same-story' });
  });
});

describe('matchQuotes', () => {
  it('matches every labelled same-remark pair and none of the labelled different ones', () => {
    const byPage = new Map<string, PageQuote[]>();
    const quotesOf = (id: string) => {
      const p = id.slice(0, 3);
      if (!byPage.has(p)) byPage.set(p, matchedQuotes(p));
      return byPage.get(p) ?? [];
    };
    const corpusQuote = (id: string, text: string) =>
      corpus.match.docs[corpus.match.byId.get(id) ?? -1]?.quotes.find((q) => q.text.includes(text));
    for (const pair of labels.pairs) {
      for (const [from, to] of [
        [pair.a, pair.b],
        [pair.b, pair.a],
      ] as const) {
        const target = corpusQuote(to[0], to[1]);
        expect(target, `${to[1]} is a quote of ${to[0]}`).toBeDefined();
        const hit = quotesOf(from[0])
          .filter((q) => q.text.includes(from[1]))
          .some((q) =>
            q.matches.some((m) => m.articleId === to[0] && (target?.text ?? '').includes(m.text)),
          );
        expect(hit, `${from[1]} → ${to[1]}`).toBe(pair.same);
      }
    }
  });

  it('gives the aligned corpus wording, a score and reasons', () => {
    const q = matchedQuotes('000').find((x) => x.text === 'familiar and frank');
    const m = q?.matches.find((x) => x.articleId.startsWith('001'));
    expect(m?.text).toBe('familiar and outspoken');
    expect(m?.score).toBeGreaterThan(0.6);
    expect(m?.why).toContainEqual(
      expect.objectContaining({
        code: 'word-ties',
        params: { kind: 'synonym', pairs: [['frank', 'outspoken']] },
      }),
    );
    expect(m?.why?.[0]).toMatchObject({ code: 'covers-remark' });
    // A span inside a long corpus quote is aligned, not the whole quote.
    const ex = matchedQuotes('001').find((x) => x.text.startsWith('improve all-level'));
    const m2 = ex?.matches.find((x) => x.articleId.startsWith('002'));
    expect(m2?.text).toMatch(/exchanges and cooperation/);
    expect((m2?.text.length ?? 999) < 80).toBe(true);
  });

  it('survives odd input: empty article, one-word quotes, many quotes, any script', () => {
    expect(findRelated(pageOf([]), corpus)).toEqual([]);
    expect(matchQuotes([], pageOf([]), corpus)).toEqual([]);
    const one = matchQuotes(extractQuotes(['He said “yes”.']), pageOf(['He said “yes”.']), corpus);
    expect(one).toHaveLength(1);
    const para = Array.from({ length: 10_000 }, (_, i) => `“remark ${i} on trade” he said.`).join(
      ' ',
    );
    const page = pageOf([para]);
    const many = matchQuotes(extractQuotes([para]), page, corpus);
    expect(many).toHaveLength(10_000);
    const scripts = [
      '中美关系处在历史的十字路口',
      'Отношения России и Китая',
      'العلاقات الصينية',
      '🙂🙂',
    ];
    const sp = pageOf(scripts.map((s) => `«${s}» — ${s}`));
    expect(() => findRelated(sp, corpus)).not.toThrow();
    expect(() => matchQuotes(extractQuotes(sp.paragraphs), sp, corpus)).not.toThrow();
  }, 60_000);

  it('errors surface: a broken index throws instead of returning no matches', () => {
    const broken = {
      ...corpus,
      match: { ...corpus.match, docs: corpus.match.docs.map((d) => ({ ...d, quotes: null })) },
    } as unknown as typeof corpus;
    const a = seed('000');
    const page = asPage(a);
    expect(() => matchQuotes(extractQuotes(page.paragraphs), page, broken)).toThrow(TypeError);
    expect(() => findRelated(page, broken)).toThrow(TypeError);
  });

  it('property: matching never throws and scores stay within 0..1', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom(
        'China is ready to work with the US',
        'familiar and frank',
        'the wheel of history',
        '“',
        '”',
        '',
      ),
    );
    const quote = fc.record({
      text,
      speaker: fc.option(fc.constantFrom('Xi', 'Biden', 'he', ''), { nil: null }),
      paragraph: fc.option(fc.integer({ min: -2, max: 5 }), { nil: undefined }),
      matches: fc.constant([] as PageQuote['matches']),
    });
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 5 }),
        fc.array(quote, { maxLength: 6 }),
        (paras, qs) => {
          const page = pageOf(paras, { publishedAt: '2021-11-10' });
          const out = matchQuotes(qs, page, corpus);
          expect(out).toHaveLength(qs.length);
          for (const q of out)
            for (const m of q.matches) {
              expect(m.score).toBeGreaterThanOrEqual(0);
              expect(m.score).toBeLessThanOrEqual(1);
            }
          for (const r of findRelated(page, corpus)) expect(r.score).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 100 },
    );
  }, 60_000);
});

describe('matchQuotes across languages and reported speech', () => {
  const zhPage = pageOf(
    [
      '中国驻美国大使秦刚周二宣读了国家主席习近平的贺信。',
      '一名美国高级官员形容通话气氛“相互尊重”。',
      '习近平在贺信中表示：“中方愿同美方加强各领域交流合作。”',
    ],
    { publishedAt: '2021-11-10', lang: 'zh', title: '习近平致信美中关系全国委员会' },
  );
  const zhMatches = () => matchQuotes(extractQuotes(zhPage.paragraphs), zhPage, corpus);

  it('matches a Chinese quote to the English wordings of the same remark, marked as translated', () => {
    const qs = zhMatches();
    const letter = qs.find((q) => q.text.startsWith('中方愿同美方'));
    const m = letter?.matches.find((x) => x.articleId.startsWith('000'));
    expect(m?.text).toMatch(/exchange and cooperation in all sectors/);
    expect(m?.translated).toBe(true);
    expect(m?.why?.[0]).toMatchObject({ code: 'rendering', params: { language: 'en' } });
    const translated = m?.why?.find(
      (w) => w.code === 'word-ties' && w.params.kind === 'translation',
    );
    // Page word first, or the corpus word first when the corpus remark is found inside the quote.
    const pairs = translated?.code === 'word-ties' ? translated.params.pairs : [];
    expect(pairs.map((p) => [...p].sort().join('/'))).toContain('cooperation/合作');
    const tone = qs.find((q) => q.text === '相互尊重');
    expect(tone?.matches.map((x) => x.text)).toContain('respectful');
  });

  it('does not match a Chinese remark that negates the English one', () => {
    const page = pageOf(['秦刚说：“中方不愿同美方加强各领域交流合作。”'], {
      publishedAt: '2021-11-10',
      lang: 'zh',
    });
    const [q] = matchQuotes(extractQuotes(page.paragraphs), page, corpus);
    const m = q?.matches.find((x) => /exchange and cooperation in all sectors/.test(x.text));
    expect(m).toBeUndefined();
  });

  it('English quotes of English pages are not marked as translations', () => {
    for (const q of matchedQuotes('001')) {
      for (const m of q.matches) expect(m.translated).toBeUndefined();
    }
  });
});
