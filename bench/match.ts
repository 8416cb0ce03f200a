/**
 * Matching benchmark (`npm run bench:match`): synthetic corpora of 1,000, 10,000 and 100,000
 * articles generated from the seed and timeline text, and, in the same run for each size,
 * the query time of the index (candidates from the inverted index + exact re-ranking)
 * against a brute-force scan that scores every article with the same fine score, the recall
 * of the brute-force top 5, the index build time and its memory.
 *
 * The corpus is made of "stories": a story mixes sentences of the seeds and the timeline
 * with its own invented names and words, and is told by several articles (shuffled,
 * shortened, words swapped, sentences of other stories mixed in) dated within days of each
 * other. Queries are new tellings of random stories. A seeded generator keeps runs comparable.
 *
 * Options: `--sizes 1000,10000` to run fewer sizes, `--queries N` (default 200).
 */
import { buildMatchIndex, hydrateMatchIndex } from '../src/core/match-index.ts';
import type { MatchDoc, MatchIndex } from '../src/core/match-index.ts';
import { profilePage, rankDocuments } from '../src/core/match/rank.ts';
import { bundledMatchTables } from '../src/corpus/node.ts';
import { cap, pseudoWord, rng, sentencePool } from './generate.ts';
import type { ExtractedArticle } from '../src/core/types.ts';

const tables = bundledMatchTables();

const args = process.argv.slice(2);
const argOf = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const SIZES = (argOf('--sizes') ?? '1000,10000,100000').split(',').map(Number);
const QUERIES = Number(argOf('--queries') ?? 200);
const BRUTE_QUERIES = Math.min(QUERIES, 50);
const K = 5;

const pool = sentencePool();
const poolWords = [...new Set(pool.join(' ').split(/\s+/))].filter((w) => /^[a-z]{4,}$/.test(w));

interface Story {
  sentences: string[];
  names: string[];
  words: string[];
  day: number;
}

function makeStory(r: () => number): Story {
  const n = 6 + Math.floor(r() * 8);
  const sentences: string[] = [];
  for (let i = 0; i < n; i++) sentences.push(pool[Math.floor(r() * pool.length)] as string);
  const names = Array.from(
    { length: 3 },
    () => `${cap(pseudoWord(r, 2))} ${cap(pseudoWord(r, 3))}`,
  );
  const words = Array.from({ length: 12 }, () => pseudoWord(r, 3 + Math.floor(r() * 2)));
  // The story's own sentences: its names and words in a frame taken from the pool.
  for (let i = 0; i < 4; i++) {
    const frame = (pool[Math.floor(r() * pool.length)] as string).split(' ').slice(0, 10);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)] as T;
    sentences.push(
      `${pick(names)} ${frame.join(' ')} ${pick(words)} ${pick(words)} with ${pick(names)}, ${pick(words)}.`,
    );
  }
  return { sentences, names, words, day: Math.floor(r() * 1800) };
}

/** One article telling a story: shuffled, shortened, perturbed, with noise from the pool. */
function tell(story: Story, r: () => number, id: string): MatchDoc {
  const kept = story.sentences.filter(() => r() > 0.25);
  for (let i = kept.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [kept[i], kept[j]] = [kept[j] as string, kept[i] as string];
  }
  const noise = 1 + Math.floor(r() * 3);
  for (let i = 0; i < noise; i++) kept.push(pool[Math.floor(r() * pool.length)] as string);
  const text = kept
    .map((s) =>
      s
        .split(' ')
        .map((w) => (r() < 0.08 ? (poolWords[Math.floor(r() * poolWords.length)] ?? w) : w))
        .join(' '),
    )
    .join('\n\n');
  const day = story.day + Math.floor(r() * 4);
  const date = new Date(Date.UTC(2021, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  return {
    id,
    title: `${story.names[0]} ${story.words[0]} ${kept[0]?.slice(0, 40) ?? ''}`,
    text,
    publishedAt: date,
    outlet: `outlet-${Math.floor(r() * 40)}`,
    lang: 'en',
  };
}

/** CPU time of this process in ms: robust to other processes sharing the machine. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

const asPage = (d: MatchDoc): ExtractedArticle => ({
  meta: {
    url: 'https://example.test/q',
    title: d.title,
    site: null,
    publishedAt: d.publishedAt,
    lang: 'en',
    wordCount: 0,
  },
  paragraphs: d.text.split('\n\n'),
});

function jsonSize(index: MatchIndex): number {
  // Piecewise, so the largest corpus does not hit the maximum string length.
  let n = 0;
  for (const d of index.docs) n += JSON.stringify(d).length;
  n += JSON.stringify(index.data.vocab).length + JSON.stringify(index.data.df).length;
  for (const p of index.data.postings) n += JSON.stringify(p).length + 1;
  n += JSON.stringify(index.data.entityDf).length;
  return n;
}

const rows: string[] = [];
const fmt = (x: number, d = 2) => x.toFixed(d);
for (const size of SIZES) {
  const r = rng(size);
  const stories: Story[] = [];
  const docs: MatchDoc[] = [];
  const perStory = 8;
  while (docs.length < size) {
    const story = makeStory(r);
    stories.push(story);
    for (let i = 0; i < perStory && docs.length < size; i++) {
      docs.push(tell(story, r, `s${stories.length - 1}-${i}`));
    }
  }
  // Shuffle the corpus so a story's articles are not neighbours.
  for (let i = docs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [docs[i], docs[j]] = [docs[j] as MatchDoc, docs[i] as MatchDoc];
  }
  const queries = Array.from({ length: QUERIES }, (_, i) =>
    asPage(tell(stories[Math.floor(r() * stories.length)] as Story, r, `q${i}`)),
  );

  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const c0 = cpuMs();
  const data = buildMatchIndex(docs, tables);
  const buildMs = performance.now() - t0;
  const buildCpuMs = cpuMs() - c0;
  const index = hydrateMatchIndex(data);
  globalThis.gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  const heapMb = (heapAfter - heapBefore) / 1e6;
  const jsonMb = jsonSize(index) / 1e6;

  const tIndex: number[] = [];
  const wIndex: number[] = [];
  const tBrute: number[] = [];
  let recallSum = 0;
  for (let i = 0; i < QUERIES; i++) {
    const q = queries[i] as ExtractedArticle;
    let t = cpuMs();
    let w = performance.now();
    const top = rankDocuments(index, profilePage(index, tables, q), K).map((s) => s.doc);
    tIndex.push(cpuMs() - t);
    wIndex.push(performance.now() - w);
    if (i < BRUTE_QUERIES) {
      t = cpuMs();
      const brute = rankDocuments(index, profilePage(index, tables, q), K, {
        bruteForce: true,
      }).map((s) => s.doc);
      tBrute.push(cpuMs() - t);
      const got = new Set(top);
      recallSum += brute.length ? brute.filter((d) => got.has(d)).length / brute.length : 1;
    }
  }
  const p50 = percentile(tIndex, 50);
  const p95 = percentile(tIndex, 95);
  const b50 = percentile(tBrute, 50);
  const b95 = percentile(tBrute, 95);
  const w95 = percentile(wIndex, 95);
  rows.push(
    `| ${size.toLocaleString('en-US')} | ${fmt(p50)} | ${fmt(p95)} | ${fmt(w95)} | ${fmt(b50)} | ${fmt(b95)} | ${fmt(b50 / p50, 1)}× | ${fmt(recallSum / BRUTE_QUERIES, 3)} | ${fmt(buildCpuMs / 1000, 1)} | ${fmt(buildMs / 1000, 1)} | ${fmt(heapMb, 0)} | ${fmt(jsonMb, 0)} |`,
  );
  console.error(`done ${size}`);
}

console.log(
  `Matching benchmark: ${QUERIES} queries per size (brute force on the first ${BRUTE_QUERIES}), top ${K}; node ${process.version}; times are process CPU ms per query (page profile + ranking) unless marked wall\n`,
);
console.log(
  '| articles | index p50 ms | index p95 ms | index p95 wall ms | brute p50 ms | brute p95 ms | speed-up (p50) | recall of brute top 5 | build CPU s | build wall s | heap MB | JSON MB |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
