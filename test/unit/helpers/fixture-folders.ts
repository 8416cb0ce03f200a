/**
 * The project's page fixtures: one folder per page under test/fixtures/pages, holding the page
 * (page.html) and what Backstory should make of it (expected.json). Read by the unit tests, the
 * detection evaluation and scripts/add-fixture.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeFile, type CliAnalysis } from '../../../src/cli/analyze-file.ts';
import type { Label } from '../../../src/core/types.ts';
import { seedCorpus } from './seed-corpus.ts';

export const PAGES_DIR = resolve(import.meta.dirname, '../../fixtures/pages');

export interface Expected {
  /** The address the page stands for (matching and the pre-check read it). */
  url: string;
  /** The label a person gave the page: the test holds the pipeline to it. */
  label: Label;
  /** Why the page is here (the hard case it covers). */
  note: string;
  title: string | null;
  /** ISO date the page was published, as extracted. */
  date: string | null;
  language: string | null;
  /** Corpus articles that must be among its related coverage (left out when none). */
  related?: string[];
}

export interface Fixture extends Expected {
  name: string;
  /** page.html, relative to PAGES_DIR. */
  file: string;
}

const LABELS: readonly Label[] = ['us-china-diplomacy', 'china-other', 'unrelated', 'not-article'];

/** Every entry of the fixtures folder: a folder name, or a problem to fail on. */
export function fixtureNames(): { name: string; problem: string | null }[] {
  return readdirSync(PAGES_DIR, { withFileTypes: true })
    .map((e) => ({
      name: e.name,
      problem: !e.isDirectory()
        ? `${e.name} is not a folder: each page goes in <name>/page.html with <name>/expected.json`
        : !existsSync(join(PAGES_DIR, e.name, 'page.html'))
          ? `${e.name}/ has no page.html`
          : !existsSync(join(PAGES_DIR, e.name, 'expected.json'))
            ? `${e.name}/ has no expected.json (scripts/add-fixture.ts writes one)`
            : null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A fixture's expected.json, checked: an error names the file and the field. */
export function readFixture(name: string): Fixture {
  const path = join(PAGES_DIR, name, 'expected.json');
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const where = `test/fixtures/pages/${name}/expected.json`;
  const str = (k: string, nullable: boolean): string | null => {
    const v = raw[k];
    if (typeof v === 'string' || (nullable && v === null)) return v;
    throw new Error(`${where}: "${k}" must be a string${nullable ? ' or null' : ''}`);
  };
  const label = str('label', false) as Label;
  if (!LABELS.includes(label))
    throw new Error(`${where}: "label" must be one of ${LABELS.join(', ')}`);
  const related = raw['related'];
  if (
    related !== undefined &&
    !(Array.isArray(related) && related.every((r) => typeof r === 'string'))
  ) {
    throw new Error(`${where}: "related" must be a list of corpus article ids`);
  }
  return {
    name,
    file: `${name}/page.html`,
    url: str('url', false) ?? '',
    label,
    note: str('note', false) ?? '',
    title: str('title', true),
    date: str('date', true),
    language: str('language', true),
    ...(related ? { related: related as string[] } : {}),
  };
}

/** Every fixture with its expectations (throws on a folder that lacks them). */
export function readFixtures(): Fixture[] {
  return fixtureNames().map(({ name, problem }) => {
    if (problem) throw new Error(`test/fixtures/pages: ${problem}`);
    return readFixture(name);
  });
}

export function fixtureHtml(name: string): string {
  return readFileSync(join(PAGES_DIR, name, 'page.html'), 'utf8');
}

/** The page analysed as `npm run analyze` does it, against the corpus built from its sources. */
export function analyzeFixturePage(html: string, url: string): CliAnalysis {
  return analyzeFile(html, 'html', url, seedCorpus());
}

/** What expected.json records of an analysis. */
export function observed(a: CliAnalysis): Pick<Expected, 'title' | 'date' | 'language'> & {
  label: Label;
  related: string[];
} {
  return {
    label: a.detection.label,
    title: a.article?.title ?? null,
    date: a.article?.publishedAt ?? null,
    language: a.article?.lang ?? null,
    related: a.related.map((r) => r.id),
  };
}
