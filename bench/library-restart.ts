/**
 * Profiling aid for the library benchmark's restart row: builds one library as bench/library.ts
 * does, writes its snapshot, then restarts (read the snapshot, replay the log, analyse one page)
 * `--rounds N` times (default 5). `--size N` (default 10000); `--warm-up N` pages analysed first
 * (default 10); `--parts` also times reading the snapshot record and building the index from it.
 */
import 'fake-indexeddb/auto';
import { analyzeExtracted } from '../src/core/analyze.ts';
import { readBundledCorpus } from '../src/corpus/node.ts';
import { comparedArticles, withBodies } from '../src/library/bodies.ts';
import type { LoadedCorpus } from '../src/corpus/types.ts';
import type { ExtractedArticle } from '../src/core/types.ts';
import { LiveIndex } from '../src/library/live-index.ts';
import { loadLiveIndex, saveSnapshot, type LibraryDb } from '../src/library/store.ts';
import { argOf, benchLibrary, DIPLOMACY, queryPages } from './library-data.ts';

const SIZE = Number(argOf('--size') ?? 10000);
const ROUNDS = Number(argOf('--rounds') ?? 5);

const bundled = readBundledCorpus();
const { db, articles } = await benchLibrary('restart', SIZE, bundled.tables);
const first = await loadLiveIndex(db, bundled.index.match);
await saveSnapshot(db, first.live);
const queries = queryPages(articles, ROUNDS);
// As bench/library.ts restarts after its queries: `--warm-up N` pages (default 10) analysed first
// over the live index (compiled code); 0 measures a restart with nothing compiled yet.
const WARM_UP = Number(argOf('--warm-up') ?? 10);
for (const q of queryPages(articles, WARM_UP, 8)) {
  analyzeExtracted(q, DIPLOMACY, { ...bundled, match: first.live.index });
}

async function restart(db: LibraryDb, bundled: LoadedCorpus, q: ExtractedArticle) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const { live, from } = await loadLiveIndex(db, bundled.index.match);
  if (from !== 'snapshot') throw new Error('the restart did not read the snapshot');
  const c1 = process.cpuUsage(c0);
  const loaded = performance.now() - t0;
  const corpus = { ...bundled, match: live.index };
  await withBodies(
    db,
    live,
    [],
    () => comparedArticles(q, corpus),
    () => analyzeExtracted(q, DIPLOMACY, corpus),
  );
  const c2 = process.cpuUsage(c0);
  return {
    total: performance.now() - t0,
    loaded,
    cpuLoad: (c1.user + c1.system) / 1000,
    cpu: (c2.user + c2.system) / 1000,
  };
}
if (process.argv.includes('--parts')) {
  for (let i = 0; i < 3; i++) {
    let c = process.cpuUsage();
    const raw = await db.get('snapshot', 'live');
    const read = process.cpuUsage(c);
    c = process.cpuUsage();
    const live = new LiveIndex(bundled.index.match, raw);
    const built = process.cpuUsage(c);
    const ms = (u: NodeJS.CpuUsage) => ((u.user + u.system) / 1000).toFixed(1);
    console.log(
      `parts: read ${ms(read)} ms CPU, build ${ms(built)} ms CPU (${live.size} articles)`,
    );
  }
}
for (const q of queries) {
  const r = await restart(db, bundled, q);
  console.log(
    `restart: ${r.total.toFixed(0)} ms (CPU ${r.cpu.toFixed(0)}), reading the index ${r.loaded.toFixed(0)} ms (CPU ${r.cpuLoad.toFixed(0)})`,
  );
}
db.close();
