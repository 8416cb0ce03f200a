/**
 * `npm run bench:jsonl [-- --pages N] [-- --per-page N]`: `analyze --jsonl` over the labelled
 * pages (eval/labelled-pages.ts; N of them evenly spread, all by default) in one process, against
 * one `analyze` call per page (the same-run baseline; the first N of them, all by default).
 * Prints pages per second for both and checks that every page gets the same label both ways.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fixturePages, ROOT, sharedPages } from '../eval/labelled-pages.ts';

const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'src/cli/analyze.ts');
const numberArg = (name: string): number | null => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : null;
};
const shared = sharedPages();
if (!shared.length) console.log('No labelled pages in ../shared/data: the project fixtures only.');
const labelled = [...shared, ...fixturePages()];
const sample = numberArg('--pages') ?? labelled.length;
const step = labelled.length / Math.min(sample, labelled.length);
const pages = labelled.filter((_, i) => Math.floor(i % step) === 0).slice(0, sample);
console.log(`${pages.length} of ${labelled.length} labelled pages`);
const perPageArg = process.argv.indexOf('--per-page');
const perPageCount =
  perPageArg >= 0 ? Number(process.argv[perPageArg + 1] ?? pages.length) : pages.length;

const label = (json: string): string => {
  const a = JSON.parse(json) as { detection?: { label: string }; error?: string };
  return a.detection?.label ?? `error: ${a.error ?? '?'}`;
};

let t0 = performance.now();
const jsonl = await new Promise<string>((done, fail) => {
  const child = spawn(TSX, [CLI, '--jsonl', ...pages.map((p) => p.path)], { cwd: ROOT });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.pipe(process.stderr);
  child.on('error', fail);
  child.on('close', () => done(out));
});
const jsonlSeconds = (performance.now() - t0) / 1000;
const jsonlLabels = jsonl.trimEnd().split('\n').map(label);

t0 = performance.now();
const single: string[] = [];
for (const page of pages.slice(0, perPageCount)) {
  const r = spawnSync(TSX, [CLI, page.path], { cwd: ROOT, encoding: 'utf8' });
  single.push(r.stdout ? label(r.stdout) : `error: exit ${r.status}`);
}
const singleSeconds = (performance.now() - t0) / 1000;

const differ = single
  .map((l, i) => ({ page: pages[i]?.id, single: l, jsonl: jsonlLabels[i] }))
  .filter((d) => d.single !== d.jsonl);
const row = (name: string, n: number, s: number) =>
  `| ${name} | ${n} | ${s.toFixed(1)} | ${(n / s).toFixed(2)} |`;
console.log('| run | pages | seconds | pages/s |\n|---|---|---|---|');
console.log(row('analyze --jsonl (one process)', jsonlLabels.length, jsonlSeconds));
console.log(row('analyze per page (baseline)', single.length, singleSeconds));
console.log(
  `\n${single.length - differ.length} of ${single.length} pages get the same label both ways` +
    `; ${jsonlLabels.filter((l) => l.startsWith('error')).length} errors in --jsonl.`,
);
for (const d of differ) console.log(`differs: ${d.page}: per page ${d.single}, --jsonl ${d.jsonl}`);
process.exit(differ.length ? 1 : 0);
