/**
 * Profiling aid for the library benchmark's query row: builds one library as bench/library.ts
 * does, times each query page's analysis (CPU) over the live index, prints the slowest pages and
 * writes every analysis as JSON lines (`--out FILE`) so two versions of the code can be compared
 * byte for byte. `--size N` (default 1000), `--queries N` (default 100), `--repeat N` (default 1),
 * `--warm-up N` (default 10, other pages analysed untimed first, as bench/library.ts does).
 * Run under `node --import tsx --cpu-prof bench/library-queries.ts` to profile.
 */
import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';
import { analyzeExtracted } from '../src/core/analyze.ts';
import { readBundledCorpus } from '../src/corpus/node.ts';
import { loadLiveIndex } from '../src/library/store.ts';
import { argOf, benchLibrary, DIPLOMACY, queryPages } from './library-data.ts';

const SIZE = Number(argOf('--size') ?? 1000);
const QUERIES = Number(argOf('--queries') ?? 100);
const REPEAT = Number(argOf('--repeat') ?? 1);
const WARM_UP = Number(argOf('--warm-up') ?? 10);
const OUT = argOf('--out');

const bundled = readBundledCorpus();
const { db, articles } = await benchLibrary('queries', SIZE, bundled.tables);
const { live } = await loadLiveIndex(db, bundled.index.match);
const corpus = { ...bundled, match: live.index };
const MIN_CHARS = Number(argOf('--min-chars') ?? 0);
const queries = queryPages(articles, QUERIES).filter(
  (q) => q.paragraphs.join('\n\n').length >= MIN_CHARS,
);

// As bench/library.ts does: a worker that has analysed a few other pages (untimed).
for (const q of queryPages(articles, WARM_UP, 8)) analyzeExtracted(q, DIPLOMACY, corpus);

const cpu: number[] = [];
const first: number[] = [];
const passes: number[][] = [];
const lines: string[] = [];
for (let rep = 0; rep < REPEAT; rep++) {
  queries.forEach((q, i) => {
    const c = process.cpuUsage();
    const a = analyzeExtracted(q, DIPLOMACY, corpus);
    const u = process.cpuUsage(c);
    const ms = (u.user + u.system) / 1000;
    if (rep === 0) {
      cpu.push(ms);
      first.push(ms);
      lines.push(JSON.stringify(a));
    } else cpu[i] = Math.min(cpu[i] as number, ms);
    (passes[rep] ??= []).push(ms);
  });
}
const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
console.log(
  `size ${SIZE}: query CPU ms, best of ${REPEAT}: p50 ${pct(cpu, 50).toFixed(1)} p95 ${pct(cpu, 95).toFixed(1)} max ${Math.max(...cpu).toFixed(1)}; first pass: p50 ${pct(first, 50).toFixed(1)} p95 ${pct(first, 95).toFixed(1)}`,
);
const worst = cpu
  .map((ms, i) => ({ ms, i }))
  .sort((a, b) => b.ms - a.ms)
  .slice(0, 8);
for (const w of worst) {
  const q = queries[w.i];
  const chars = q?.paragraphs.join('\n\n').length ?? 0;
  console.log(
    `  ${w.ms.toFixed(1)} ms  #${w.i} ${chars} chars ${q?.paragraphs.length} paras: ${q?.meta.title.slice(0, 60)}`,
  );
}
if (OUT) writeFileSync(OUT, lines.join('\n') + '\n');
db.close();
for (const [i, p] of passes.entries())
  console.log(
    `pass ${i + 1}: p50 ${pct(p, 50).toFixed(1)} p95 ${pct(p, 95).toFixed(1)} sum ${p.reduce((a, b) => a + b, 0).toFixed(0)}`,
  );
