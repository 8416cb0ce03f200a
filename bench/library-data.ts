/**
 * The libraries `bench/library.ts` measures (and the profiling scripts replay): articles
 * generated from the seed and timeline sentences, stories told by several articles, as
 * bench/match.ts does, plus the White House texts when ../shared/data is present; and the query
 * pages drawn from them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { markdownFiles, WH_DIR } from '../eval/labelled-pages.ts';
import type { MatchTables } from '../src/core/match-tables.ts';
import type { Detection, ExtractedArticle } from '../src/core/types.ts';
import { parseImportFile } from '../src/library/import.ts';
import { makeRecord } from '../src/library/record.ts';
import { openLibrary, putArticles, type LibraryDb } from '../src/library/store.ts';
import type { LibraryArticle } from '../src/library/types.ts';
import { cap, pseudoWord, rng, sentencePool, SYLLABLES } from './generate.ts';

const pool = sentencePool();
// The first twelve syllables only, as this benchmark's libraries have always been generated.
const word = (r: () => number, n: number) => pseudoWord(r, n, SYLLABLES.slice(0, 12));

interface Story {
  sentences: string[];
  names: string[];
  day: number;
}
function story(r: () => number): Story {
  const pick = () => pool[Math.floor(r() * pool.length)] as string;
  const names = [0, 1, 2].map(() => `${cap(word(r, 2))} ${cap(word(r, 3))}`);
  const sentences = Array.from({ length: 6 + Math.floor(r() * 8) }, pick);
  for (let i = 0; i < 4; i++) {
    const frame = pick().split(' ').slice(0, 10).join(' ');
    sentences.push(`${names[i % 3]} ${frame} ${word(r, 3)} with ${names[(i + 1) % 3]}.`);
  }
  sentences.push(`“We ${word(r, 3)} the ${word(r, 3)} talks,” ${names[0]} said.`);
  return { sentences, names, day: Math.floor(r() * 1800) };
}
function tell(s: Story, r: () => number, n: number): LibraryArticle {
  const kept = s.sentences.filter(() => r() > 0.25);
  kept.sort(() => r() - 0.5);
  const day = s.day + Math.floor(r() * 4);
  const date = new Date(Date.UTC(2021, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  return makeRecord({
    url: `https://outlet-${n % 40}.example/story/${n}`,
    title: `${s.names[0]} ${kept[0]?.slice(0, 40) ?? ''}`,
    publishedAt: date,
    lang: 'en',
    paragraphs: kept,
    origin: 'remembered',
  });
}
export function generate(n: number, seed: number): LibraryArticle[] {
  const r = rng(seed);
  const stories = Array.from({ length: Math.ceil(n / 4) }, () => story(r));
  return Array.from({ length: n }, (_, i) => tell(stories[i % stories.length] as Story, r, i));
}

export function whiteHouse(): LibraryArticle[] {
  if (!existsSync(WH_DIR)) return [];
  return markdownFiles(WH_DIR).flatMap((f) => {
    const p = parseImportFile(f, readFileSync(f));
    return p.ok ? p.articles : [];
  });
}

export const DIPLOMACY: Detection = { label: 'us-china-diplomacy', score: 1, reasons: [] };
export const asPage = (a: LibraryArticle): ExtractedArticle => ({
  meta: {
    url: 'https://query.example/q',
    title: a.title,
    site: null,
    publishedAt: a.publishedAt,
    lang: 'en',
    wordCount: 0,
  },
  paragraphs: a.paragraphs,
});

/** `n` query pages: library articles drawn at random, paragraphs in reverse order. */
export function queryPages(
  articles: readonly LibraryArticle[],
  n: number,
  seed = 7,
): ExtractedArticle[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => {
    const a = articles[Math.floor(r() * articles.length)] as LibraryArticle;
    return asPage({ ...a, paragraphs: a.paragraphs.slice().reverse() });
  });
}

/** The value after a command-line flag (`--size 1000`), or undefined without the flag. */
export function argOf(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 1 ? process.argv[i + 1] : undefined;
}

/** Stores `articles` in `db` as the benchmarks do: 500 a transaction. */
export async function fillLibrary(
  db: LibraryDb,
  articles: readonly LibraryArticle[],
  tables: MatchTables,
): Promise<void> {
  for (let i = 0; i < articles.length; i += 500)
    await putArticles(db, articles.slice(i, i + 500), tables);
}

/**
 * A library of `size` generated articles plus the White House texts, in a database of its own
 * (`name` and this process's id): the profiling scripts' library, as bench/library.ts builds it.
 */
export async function benchLibrary(
  name: string,
  size: number,
  tables: MatchTables,
): Promise<{ db: LibraryDb; articles: LibraryArticle[] }> {
  const articles = [...generate(size, size), ...whiteHouse()];
  const db = await openLibrary(`bench-${name}-${size}-${process.pid}`);
  await fillLibrary(db, articles, tables);
  return { db, articles };
}
