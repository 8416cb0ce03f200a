/**
 * One test per folder of test/fixtures/pages: the page analysed as `npm run analyze` does gives
 * the label, title, date, language and related coverage its expected.json records. A folder (or
 * stray file) without them fails.
 */
import { describe, expect, it } from 'vitest';
import {
  analyzeFixturePage,
  fixtureHtml,
  fixtureNames,
  observed,
  readFixture,
} from '../helpers/fixture-folders.ts';

describe('page fixtures (test/fixtures/pages/<name>/)', () => {
  const names = fixtureNames();

  it('has fixtures', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  for (const { name, problem } of names) {
    it(
      name,
      () => {
        if (problem) throw new Error(problem);
        const expected = readFixture(name);
        const seen = observed(analyzeFixturePage(fixtureHtml(name), expected.url));
        expect(seen.label, expected.note).toBe(expected.label);
        expect(seen.title).toBe(expected.title);
        expect(seen.date).toBe(expected.date);
        expect(seen.language).toBe(expected.language);
        for (const id of expected.related ?? []) expect(seen.related).toContain(id);
      },
      60_000,
    );
  }
});
