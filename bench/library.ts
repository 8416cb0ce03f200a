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
 * Before the timed queries, `--warm-up N` other pages (default 10) are analysed untimed, as a
 * worker that has read a few pages. Consistency, printed under the table: how many analyses over
 * the live index are byte-identical to those over the rebuilt index, a hash of all of them (to
 * compare two versions of the code), and each restarted worker's first analysis must be the live
 * index's (the run stops otherwise).
 * Options: `--sizes 1000,10000`, `--queries N` (default 100), `--warm-up N` (default 10).
 * Generation: bench/library-data.ts; profiling aids: bench/library-queries.ts (the query row,
 * page by page) and bench/library-restart.ts (the restart row).
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { analyzeExtracted } from '../src/core/analyze.ts';
import { buildMatchIndex, hydrateMatchIndex } from '../src/core/match-index.ts';
import type { ExtractedArticle } from '../src/core/types.ts';
import { readBundledCorpus } from '../src/corpus/node.ts';
import { comparedArticles, withBodies } from '../src/library/bodies.ts';
import type { LoadedCorpus } from '../src/corpus/types.ts';
import { parseImportFile } from '../src/library/import.ts';
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
import { matchDocOf } from '../src/library/live-index.ts';
import { argOf, DIPLOMACY, fillLibrary, generate, queryPages, whiteHouse } from './library-data.ts';

const SIZES = (argOf('--sizes') ?? '1000,10000').split(',').map(Number);
const QUERIES = Number(argOf('--queries') ?? 100);
/** Pages analysed before timing (drawn apart from the timed ones). */
const WARM_UP = Number(argOf('--warm-up') ?? 10);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const fmt = (x: number, d = 1) => x.toFixed(d);

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
  // As the worker does: the texts of the articles the page is compared with are read first.
  const corpus = { ...bundled, match: live.index };
  const { result: analysis } = await withBodies(
    db,
    live,
    [],
    () => comparedArticles(q, corpus),
    () => analyzeExtracted(q, DIPLOMACY, corpus),
  );
  return { total: performance.now() - t0, loaded, cpu: cpuMs(c0), analysis };
}

/** Bytes of a snapshot as stored (typed arrays by size, strings by length, objects by parts). */
function snapshotBytes(s: IndexSnapshot | object): number {
  let n = 0;
  for (const v of Object.values(s)) {
    if (ArrayBuffer.isView(v)) n += v.byteLength;
    else if (typeof v === 'string') n += v.length;
    else if (Array.isArray(v)) n += v.reduce((m: number, x: unknown) => m + String(x).length, 0);
    else if (typeof v === 'object' && v !== null) n += snapshotBytes(v as object);
  }
  return n;
}

async function rebuildFromArticles(db: LibraryDb, bundled: LoadedCorpus) {
  const all = await allArticles(db);
  const docs = [...bundled.index.match.docs.map((d) => ({ ...d })), ...all.map(matchDocOf)];
  return hydrateMatchIndex(buildMatchIndex(docs, bundled.tables));
}

const bundled = readBundledCorpus();
const wh = whiteHouse();
const rows: string[] = [];
const notes: string[] = [];
for (const size of SIZES) {
  const db = await openLibrary(`bench-library-${size}-${process.pid}`);
  const articles = [...generate(size, size), ...wh];
  await fillLibrary(db, articles, bundled.tables);
  const { live } = await loadLiveIndex(db, bundled.index.match);
  const corpus = { ...bundled, match: live.index };
  const queries = queryPages(articles, QUERIES);

  // Baseline index, rebuilt from every stored article (timed once per restart sample below).
  const t0 = performance.now();
  const rebuilt = await rebuildFromArticles(db, bundled);
  const rebuildMs = performance.now() - t0;
  const rebuiltCorpus = { ...bundled, match: rebuilt };

  // Warm-up, not timed: a worker that has analysed a few pages (compiled code, warm caches).
  for (const q of queryPages(articles, WARM_UP, 8)) {
    analyzeExtracted(q, DIPLOMACY, corpus);
    analyzeExtracted(q, DIPLOMACY, rebuiltCorpus);
    analyzeExtracted(q, DIPLOMACY, bundled);
  }

  const tLive: number[] = [];
  const cLive: number[] = [];
  const tRebuilt: number[] = [];
  const tBundled: number[] = [];
  const liveJson: string[] = [];
  let same = 0;
  for (const q of queries) {
    const c = process.cpuUsage();
    let s = performance.now();
    const a = analyzeExtracted(q, DIPLOMACY, corpus);
    tLive.push(performance.now() - s);
    cLive.push(cpuMs(c));
    s = performance.now();
    const b = analyzeExtracted(q, DIPLOMACY, rebuiltCorpus);
    tRebuilt.push(performance.now() - s);
    const json = JSON.stringify(a);
    liveJson.push(json);
    if (json === JSON.stringify(b)) same++;
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
    if (JSON.stringify(r.analysis) !== JSON.stringify(analyzeExtracted(q, DIPLOMACY, corpus))) {
      throw new Error(
        `the restarted worker's analysis of query ${i} differs from the live index's`,
      );
    }
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
  const slowest = tLive
    .map((ms, i) => ({ ms, i }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 6)
    .map((w) => {
      const chars = queries[w.i]?.paragraphs.join('\n\n').length ?? 0;
      return `#${w.i} ${fmt(w.ms)} ms (CPU ${fmt(cLive[w.i] ?? 0)}, ${chars} chars)`;
    });
  notes.push(
    `${size.toLocaleString('en-US')}: slowest queries over the live index (query number in the run, wall, CPU, page length): ${slowest.join(', ')}.`,
  );
  notes.push(
    `${size.toLocaleString('en-US')}: ${same} of ${queries.length} analyses over the live index byte-identical to those over the rebuilt index; the restarted worker's first analyses identical to the live index's (checked). Query analyses' SHA-256: ${createHash('sha256').update(liveJson.join('\n')).digest('hex').slice(0, 16)}.`,
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
console.log(`\nConsistency:\n${notes.map((n) => `- ${n}`).join('\n')}`);
