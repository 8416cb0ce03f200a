/**
 * Library benchmark (`npm run bench:library`): libraries of 1,000 and 10,000 articles generated
 * from the seed and timeline sentences (stories told by several articles, as bench/match.ts does)
 * plus the White House texts when ../shared/data is present, stored with the library's own code
 * in IndexedDB (fake-indexeddb in Node: an in-memory implementation, so IndexedDB times are
 * Node's, not Chromium's). For each size, in the same run:
 *   - query: a page's full analysis (related, quotes, context) over the live index, p50/p95,
 *     against the same queries over an index rebuilt from all stored articles;
 *   - add one article: index entry + one IndexedDB transaction + live index update, p50/p95,
 *     against rebuilding the index from all stored articles;
 *   - restart: a fresh worker's first match (read the index snapshot, replay the change log after
 *     it, match one page), median, against reading every article and rebuilding the index;
 *   - writing the snapshot (done by the worker a little after changes, not on the add path);
 *   - bytes stored per article (record + index entry as JSON, plus its share of the snapshot);
 * and importing 1,000 Markdown files (parse + one transaction each).
 * Options: `--sizes 1000,10000`, `--queries N` (default 100).
 */
import 'fake-indexeddb/auto';
import { existsSync, readFileSync } from 'node:fs';
import { markdownFiles, WH_DIR } from '../eval/labelled-pages.ts';
import { analyzeExtracted } from '../src/core/analyze.ts';
import { buildMatchIndex, hydrateMatchIndex } from '../src/core/match-index.ts';
import type { Detection, ExtractedArticle } from '../src/core/types.ts';
import { readBundledCorpus } from '../src/corpus/node.ts';
import type { LoadedCorpus } from '../src/corpus/types.ts';
import { parseImportFile } from '../src/library/import.ts';
import { makeRecord } from '../src/library/record.ts';
import type { IndexSnapshot } from '../src/library/snapshot.ts';
import {
  allArticles,
  loadIndexEntries,
  loadLiveIndex,
  openLibrary,
  putArticles,
  saveSnapshot,
  type LibraryDb,
} from '../src/library/store.ts';
import type { LibraryArticle } from '../src/library/types.ts';
import { cap, pseudoWord, rng, sentencePool, SYLLABLES } from './generate.ts';

const args = process.argv.slice(2);
const argOf = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const SIZES = (argOf('--sizes') ?? '1000,10000').split(',').map(Number);
const QUERIES = Number(argOf('--queries') ?? 100);

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
function generate(n: number, seed: number): LibraryArticle[] {
  const r = rng(seed);
  const stories = Array.from({ length: Math.ceil(n / 4) }, () => story(r));
  return Array.from({ length: n }, (_, i) => tell(stories[i % stories.length] as Story, r, i));
}

function whiteHouse(): LibraryArticle[] {
  if (!existsSync(WH_DIR)) return [];
  return markdownFiles(WH_DIR).flatMap((f) => {
    const p = parseImportFile(f, readFileSync(f));
    return p.ok ? p.articles : [];
  });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const fmt = (x: number, d = 1) => x.toFixed(d);
const DIPLOMACY: Detection = { label: 'us-china-diplomacy', score: 1, reasons: [] };
const asPage = (a: LibraryArticle): ExtractedArticle => ({
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

async function fill(db: LibraryDb, articles: LibraryArticle[]): Promise<void> {
  for (let i = 0; i < articles.length; i += 500)
    await putArticles(db, articles.slice(i, i + 500), bundled.tables);
}

/** CPU time of this process since `from` (ms): what the run used, whatever else the machine ran. */
function cpuMs(from: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(from);
  return (c.user + c.system) / 1000;
}

async function restart(db: LibraryDb, bundled: LoadedCorpus, q: ExtractedArticle) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const { live, from } = await loadLiveIndex(db, bundled.index.match);
  if (from !== 'snapshot') throw new Error('the restart did not read the snapshot');
  const loaded = performance.now() - t0;
  analyzeExtracted(q, DIPLOMACY, { ...bundled, match: live.index });
  return { total: performance.now() - t0, loaded, cpu: cpuMs(c0) };
}

/** Bytes of a snapshot as stored (typed arrays by size, strings by length). */
function snapshotBytes(s: IndexSnapshot): number {
  let n = 0;
  for (const v of Object.values(s)) {
    if (ArrayBuffer.isView(v)) n += v.byteLength;
    else if (typeof v === 'string') n += v.length;
    else if (Array.isArray(v)) n += v.reduce((m: number, x: unknown) => m + String(x).length, 0);
    else if (typeof v === 'object' && v !== null) n += JSON.stringify(v).length;
  }
  return n;
}

async function rebuildFromArticles(db: LibraryDb, bundled: LoadedCorpus) {
  const all = await allArticles(db);
  const docs = [
    ...bundled.index.match.docs.map((d) => ({ ...d })),
    ...all.map((a) => ({
      id: a.id,
      title: a.title,
      text: a.paragraphs.join('\n\n'),
      publishedAt: a.publishedAt,
      outlet: a.outlet ?? a.site,
      lang: a.lang,
    })),
  ];
  return hydrateMatchIndex(buildMatchIndex(docs, bundled.tables));
}

const bundled = readBundledCorpus();
const wh = whiteHouse();
const rows: string[] = [];
for (const size of SIZES) {
  const db = await openLibrary(`bench-library-${size}-${process.pid}`);
  const articles = [...generate(size, size), ...wh];
  await fill(db, articles);
  const { live } = await loadLiveIndex(db, bundled.index.match);
  const corpus = { ...bundled, match: live.index };
  const r = rng(7);
  const queries = Array.from({ length: QUERIES }, () => {
    const a = articles[Math.floor(r() * articles.length)] as LibraryArticle;
    return asPage({ ...a, paragraphs: a.paragraphs.slice().reverse() });
  });

  // Baseline index, rebuilt from every stored article (timed once per restart sample below).
  const t0 = performance.now();
  const rebuilt = await rebuildFromArticles(db, bundled);
  const rebuildMs = performance.now() - t0;
  const rebuiltCorpus = { ...bundled, match: rebuilt };

  const tLive: number[] = [];
  const cLive: number[] = [];
  const tRebuilt: number[] = [];
  const tBundled: number[] = [];
  for (const q of queries) {
    const c = process.cpuUsage();
    let s = performance.now();
    analyzeExtracted(q, DIPLOMACY, corpus);
    tLive.push(performance.now() - s);
    cLive.push(cpuMs(c));
    s = performance.now();
    analyzeExtracted(q, DIPLOMACY, rebuiltCorpus);
    tRebuilt.push(performance.now() - s);
    s = performance.now();
    analyzeExtracted(q, DIPLOMACY, bundled);
    tBundled.push(performance.now() - s);
  }

  const tAdd: number[] = [];
  const cAdd: number[] = [];
  const extra = generate(50, size + 1);
  for (const a of extra) {
    const c = process.cpuUsage();
    const s = performance.now();
    const put = await putArticles(db, [a], bundled.tables);
    for (const e of put.entries) live.add(e);
    tAdd.push(performance.now() - s);
    cAdd.push(cpuMs(c));
  }

  // The worker writes the snapshot once changes pause.
  const tSnap = performance.now();
  await saveSnapshot(db, live);
  const snapshotMs = performance.now() - tSnap;

  const tRestart: number[] = [];
  const tLoad: number[] = [];
  const cRestart: number[] = [];
  const tRestartBase: number[] = [];
  for (let i = 0; i < 5; i++) {
    const q = queries[i % queries.length] as ExtractedArticle;
    const r = await restart(db, bundled, q);
    tRestart.push(r.total);
    cRestart.push(r.cpu);
    tLoad.push(r.loaded);
    const s = performance.now();
    const idx = await rebuildFromArticles(db, bundled);
    analyzeExtracted(q, DIPLOMACY, { ...bundled, match: idx });
    tRestartBase.push(performance.now() - s);
  }

  const stored = await allArticles(db);
  const entries = (await loadIndexEntries(db)).entries;
  const snap = await db.get('snapshot', 'live');
  const bytes =
    (stored.reduce((n, a) => n + JSON.stringify(a).length, 0) +
      entries.reduce((n, e) => n + JSON.stringify(e).length, 0) +
      (snap ? snapshotBytes(snap) : 0)) /
    stored.length;
  rows.push(
    `| ${size.toLocaleString('en-US')} + ${wh.length} | ${fmt(pct(tLive, 50))} | ${fmt(pct(tLive, 95))} (${fmt(pct(cLive, 95))}) | ${fmt(pct(tRebuilt, 95))} | ${fmt(pct(tBundled, 95))} | ${fmt(pct(tAdd, 50))} | ${fmt(pct(tAdd, 95))} (${fmt(pct(cAdd, 95))}) | ${fmt(rebuildMs, 0)} | ${fmt(pct(tRestart, 50), 0)} (${fmt(pct(cRestart, 50), 0)}; ${fmt(pct(tLoad, 50), 0)}) | ${fmt(pct(tRestartBase, 50), 0)} | ${fmt(snapshotMs, 0)} | ${fmt(bytes / 1024, 1)} |`,
  );
  db.close();
  console.error(`done ${size}`);
}

// Importing 1,000 Markdown files: parse and one transaction each.
const importDb = await openLibrary(`bench-import-${process.pid}`);
const files = generate(1000, 99).map(
  (a, i) =>
    [
      `file-${i}.md`,
      new TextEncoder().encode(
        `---\ntitle: "${a.title.replace(/["\\]/g, '')}"\ndate: '${a.publishedAt}'\nsource_url: ${a.urls[0]}\n---\n\n${a.paragraphs.join('\n\n')}\n`,
      ),
    ] as const,
);
const cImport = process.cpuUsage();
const s = performance.now();
let imported = 0;
for (const [name, bytes] of files) {
  const p = parseImportFile(name, bytes);
  if (p.ok) imported += (await putArticles(importDb, p.articles, bundled.tables)).added;
}
const importS = (performance.now() - s) / 1000;
const importCpuS = cpuMs(cImport) / 1000;

console.log(
  '| library articles | query p50 ms | query p95 ms (CPU ms) | query p95 ms, rebuilt index (baseline) | query p95 ms, bundled corpus only | add one p50 ms | add one p95 ms (CPU ms) | rebuild all ms (baseline) | restart first match median ms (CPU ms; reading the index ms) | restart by rebuilding median ms (baseline) | write snapshot ms | KB stored per article |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
console.log(
  `\nImporting 1,000 Markdown files: ${fmt(importS, 2)} s (CPU ${fmt(importCpuS, 2)} s; ${imported} articles stored).`,
);
