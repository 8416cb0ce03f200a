import { formatProblem, isIsoDate, parseArticleSource } from '../../../src/corpus/schema.ts';
import { validateCorpusSources } from '../../../src/corpus/validate.ts';
import { BAD_INPUTS, GOOD_ARTICLE, goodFiles, withFile } from './fixtures.ts';

describe('corpus schema', () => {
  it('accepts the good fixture and reads its records', () => {
    const { articles, events, problems } = validateCorpusSources(goodFiles());
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      id: 'a1',
      publishedAt: '2022-05-02',
      outlet: null,
      url: null,
      inferred: { publishedAt: 'the text says the call was last week' },
      text: 'The two leaders spoke by phone last week.\n\nBoth sides called the talk candid.',
    });
    // Sorted by date.
    expect(events.map((e) => e.id)).toEqual(['e-flights', 'e-call']);
  });

  it.each(BAD_INPUTS)(
    'reports $name with file, line and field',
    ({ path, content, expect: prefix, says }) => {
      const { problems } = validateCorpusSources(withFile(goodFiles(), path, content));
      const lines = problems.map(formatProblem);
      // One problem per defect: a single bad value does not cascade into others.
      expect(lines, lines.join('\n')).toHaveLength(1);
      const hit = lines.find((l) => l.startsWith(prefix));
      expect(hit, lines.join('\n')).toBeDefined();
      expect(hit).toMatch(says);
    },
  );

  it('reports a duplicate article id across files', () => {
    const copy = GOOD_ARTICLE;
    const { problems } = validateCorpusSources([
      ...goodFiles(),
      { path: 'articles/sub/a1.md', content: copy },
    ]);
    expect(problems.map(formatProblem)).toContain(
      'articles/sub/a1.md:1: id: duplicate id "a1" (also in articles/a1.md)',
    );
  });

  it('keeps seed defects in the text instead of failing on them', () => {
    const text = 'He said “it is fine“ and and left.\n date 2021-01-01 stray';
    const parsed = parseArticleSource(
      'articles/a1.md',
      GOOD_ARTICLE.split('---')[0] + '---\n' + text,
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.article?.text).toBe(text);
  });

  it('knows real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-2-01')).toBe(false);
  });
});
