/** Loads the project's own page fixtures (test/fixtures/pages/<name>/) as Documents for unit tests. */
import type { ExtractedArticle } from '../../../src/core/types.ts';
import { fixtureHtml, PAGES_DIR, readFixtures, type Fixture } from '../helpers/fixture-folders.ts';

export { PAGES_DIR };

/** Every fixture: `file` is `<name>/page.html`, with the url, label and note of expected.json. */
export type FixtureLabel = Fixture;

export const FIXTURE_LABELS: FixtureLabel[] = readFixtures();

/** A fresh Document parsed from HTML (happy-dom's DOMParser in unit tests). */
export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** A fixture's name from its name, `<name>.html` or `<name>/page.html`. */
const nameOf = (file: string): string => file.replace(/(\/page)?\.html$/, '');

export function fixtureDoc(file: string): Document {
  return parseHtml(fixtureHtml(nameOf(file)));
}

export function fixture(file: string): { doc: Document; url: string } {
  const entry = FIXTURE_LABELS.find((f) => f.name === nameOf(file));
  if (!entry) throw new Error(`no fixture ${file} in test/fixtures/pages`);
  return { doc: fixtureDoc(file), url: entry.url };
}

/** An extracted article made directly from a headline and paragraphs, for detection tests. */
export function article(title: string, paragraphs: string[]): ExtractedArticle {
  return {
    meta: {
      url: 'https://x.example/a',
      title,
      site: null,
      publishedAt: null,
      lang: 'en',
      wordCount: 300,
    },
    paragraphs,
  };
}
