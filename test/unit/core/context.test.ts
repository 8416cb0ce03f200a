import fc from 'fast-check';
import { collectContext, collectSince, CONTEXT_LIMIT } from '../../../src/core/context.ts';
import { findRelated } from '../../../src/core/match/related.ts';
import { asPage, pageOf, seed, seedCorpus } from '../helpers/seed-corpus.ts';

const corpus = seedCorpus();

function contextFor(prefix: string, limit?: number) {
  const a = seed(prefix);
  const page = asPage(a);
  const related = findRelated(page, corpus, { exclude: new Set([a.id]) });
  return {
    a,
    related,
    ...collectContext(page, related, corpus, limit === undefined ? {} : { limit }),
  };
}

describe('collectContext', () => {
  it('lists only events on or before the article date, reader-sized, the rest aside', () => {
    const { a, context, moreContext } = contextFor('004');
    expect(context.length).toBeLessThanOrEqual(CONTEXT_LIMIT);
    for (const c of [...context, ...moreContext]) {
      expect(c.date <= (a.publishedAt as string)).toBe(true);
      expect(c.why?.length).toBeGreaterThan(0);
    }
    const ids = new Set([...context, ...moreContext].map((c) => c.id));
    expect(ids.size).toBe(context.length + moreContext.length);
  });

  it('puts the events the page mentions first and marks them', () => {
    const { context } = contextFor('004');
    const kinds = context.filter((c) => c.mentioned).map((c) => c.kind);
    expect(kinds).toContain('arms-sale');
    expect(kinds).toContain('leader-meeting');
    const firstUnmentioned = context.findIndex((c) => !c.mentioned);
    const lastMentioned = context.map((c) => !!c.mentioned).lastIndexOf(true);
    if (firstUnmentioned >= 0) expect(lastMentioned).toBeLessThan(firstUnmentioned);
    const first = context.find((c) => c.mentioned)?.why?.[0];
    expect(first?.code).toBe('page-mentions');
    expect(first?.params).toMatchObject({ sentence: expect.any(String), cue: expect.any(String) });
  });

  it('uses the mentions of same-story coverage', () => {
    const { context, moreContext, related } = contextFor('003');
    const all = [...context, ...moreContext];
    // 003 does not mention the September call; 000 and 001, the same story, do.
    const call = all.find((c) => c.id === '2021-09-09-biden-xi-call');
    const by = (call?.why ?? []).flatMap((w) => (w.code === 'coverage-mentions' ? [w] : []));
    expect(by).toHaveLength(1);
    const title = by[0]?.params.title.replace(/…$/, '') ?? '-';
    const story = related.filter((r) => r.relation === 'same-story').map((r) => r.title);
    expect(story.some((t) => t.startsWith(title))).toBe(true);
  });

  it('respects the limit', () => {
    const { context, moreContext } = contextFor('000', 2);
    expect(context).toHaveLength(2);
    expect(moreContext.length).toBeGreaterThan(0);
  });

  it('never throws on odd input', () => {
    expect(collectContext(pageOf([]), [], corpus)).toEqual({
      context: [],
      moreContext: [],
      since: [],
    });
    fc.assert(
      fc.property(
        fc.array(fc.string(), { maxLength: 4 }),
        fc.option(fc.constantFrom('2021-11-10', 'not a date', '1999-01-01', ''), { nil: null }),
        (paras, date) => {
          const out = collectContext(pageOf(paras, { publishedAt: date }), [], corpus, {
            limit: 3,
          });
          expect(out.context.length).toBeLessThanOrEqual(3);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('bundled articles cited by the timeline', () => {
  it('are shown by their outlet, or with none (the popup words it), never by an id', () => {
    const sources = collectSince('2000-01-01', corpus).flatMap((e) => e.sources);
    const byTitle = (prefix: string) =>
      sources.find((s) => s.title === seed(prefix).title)?.publisher;
    expect(byTitle('000')).toBe('CNN');
    expect(byTitle('003')).toBeNull(); // the popup says "Unknown outlet" in the reader's language
    for (const s of sources) expect(s.publisher ?? '').not.toMatch(/^\d{3}_[0-9a-f]{16}$/);
  });
});
