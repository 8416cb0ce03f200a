/** Loads the project's own page fixtures (test/fixtures/pages) as Documents for unit tests. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractedArticle } from '../../../src/core/types.ts';

export const PAGES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/pages');

export interface FixtureLabel {
  file: string;
  url: string;
  label: string;
  note?: string;
}

export const FIXTURE_LABELS = JSON.parse(
  readFileSync(join(PAGES_DIR, 'labels.json'), 'utf8'),
) as FixtureLabel[];

/** A fresh Document parsed from HTML (happy-dom's DOMParser in unit tests). */
export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

export function fixtureDoc(file: string): Document {
  return parseHtml(readFileSync(join(PAGES_DIR, file), 'utf8'));
}

export function fixture(file: string): { doc: Document; url: string } {
  const entry = FIXTURE_LABELS.find((f) => f.file === file);
  if (!entry) throw new Error(`no label for ${file}`);
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
