/**
 * `npm run bench:jsonl [-- --pages N] [-- --per-page N] [-- --minutes M] [-- --reverse]`:
 * `analyze --jsonl` over the labelled pages (eval/labelled-pages.ts; N of them evenly spread, all
 * by default) in one process, against one `analyze` call per page (the same-run baseline; N of
 * those pages evenly spread, all by default, stopping after M minutes when given). `--reverse`
 * runs `--jsonl` a second time over the same pages in reverse order: nothing one page leaves
 * behind may change the next page's analysis. Prints pages per second and checks that every
 * page gets the same label every way; exit 1 when one does not. The runs go at once (on a busy
 * machine they would not finish otherwise), so each one's pages per second is a floor.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fixturePages, ROOT, sharedPages } from '../eval/labelled-pages.ts';

const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'src/cli/analyze.ts');
const numberArg = (name: string): number | null => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : null;
};
/** `count` of `list`, evenly spread over it (all of it when count ≥ its length). */
function spread<T>(list: T[], count: number): T[] {
  const n = Math.min(count, list.length);
  if (n <= 0) return [];
  const step = list.length / n;
  return Array.from({ length: n }, (_, i) => list[Math.floor(i * step)] as T);
}

const shared = sharedPages();
if (!shared.length) console.log('No labelled pages in ../shared/data: the project fixtures only.');
const labelled = [...shared, ...fixturePages()];
const pages = spread(labelled, numberArg('--pages') ?? labelled.length);
const single = spread(pages, numberArg('--per-page') ?? pages.length);
const minutes = numberArg('--minutes');
const reverse = process.argv.includes('--reverse');
console.log(`${pages.length} of ${labelled.length} labelled pages`);

const label = (json: string): string => {
  const a = JSON.parse(json) as { detection?: { label: string }; error?: string };
  return a.detection?.label ?? `error: ${a.error ?? '?'}`;
};

/** `analyze --jsonl` over `files`: one label per file, in order, and the seconds it took. */
async function jsonl(files: string[]): Promise<{ labels: string[]; seconds: number }> {
  const t0 = performance.now();
  const out = await new Promise<string>((done, fail) => {
    const child = spawn(TSX, [CLI, '--jsonl', ...files], { cwd: ROOT });
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (text += d));
    child.stderr.pipe(process.stderr);
    child.on('error', fail);
    child.on('close', () => done(text));
  });
  return { labels: out.trimEnd().split('\n').map(label), seconds: (performance.now() - t0) / 1000 };
}

/** One `analyze` call per page of `single`, in order, until the time is up. */
async function perPage(): Promise<{ labels: Map<string, string>; seconds: number }> {
  const t0 = performance.now();
  const labels = new Map<string, string>();
  for (const page of single) {
    if (minutes !== null && performance.now() - t0 > minutes * 60_000) break;
    const out = await new Promise<{ code: number | null; text: string }>((done, fail) => {
      const child = spawn(TSX, [CLI, page.path], { cwd: ROOT });
      let text = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (text += d));
      child.stderr.resume();
      child.on('error', fail);
      child.on('close', (code) => done({ code, text }));
    });
    labels.set(page.id, out.text ? label(out.text) : `error: exit ${out.code}`);
  }
  return { labels, seconds: (performance.now() - t0) / 1000 };
}

const [forward, backward, one] = await Promise.all([
  jsonl(pages.map((p) => p.path)),
  reverse ? jsonl(pages.map((p) => p.path).reverse()) : Promise.resolve(null),
  perPage(),
]);
const byPage = new Map(pages.map((p, i) => [p.id, forward.labels[i] ?? 'missing']));
const differ: string[] = [];
if (backward) {
  const back = [...backward.labels].reverse();
  pages.forEach((p, i) => {
    if (back[i] !== byPage.get(p.id)) {
      differ.push(`${p.id}: --jsonl ${byPage.get(p.id)}, --jsonl reversed ${back[i]}`);
    }
  });
}
for (const [id, l] of one.labels) {
  if (l !== byPage.get(id)) differ.push(`${id}: per page ${l}, --jsonl ${byPage.get(id)}`);
}
const done = one.labels.size;
const singleSeconds = one.seconds;

const row = (name: string, n: number, s: number) =>
  `| ${name} | ${n} | ${s.toFixed(1)} | ${(n / s).toFixed(2)} |`;
console.log('| run | pages | seconds | pages/s |\n|---|---|---|---|');
console.log(row('analyze --jsonl (one process)', forward.labels.length, forward.seconds));
if (backward) {
  console.log(row('analyze --jsonl, reverse order', backward.labels.length, backward.seconds));
}
console.log(row('analyze per page (baseline)', done, singleSeconds));
const errors = forward.labels.filter((l) => l.startsWith('error')).length;
console.log(
  `\nPer page: ${done} of ${single.length} pages run` +
    (done < single.length ? ` (stopped after ${minutes} min)` : '') +
    `; ${errors} errors in --jsonl; ${differ.length} differences.`,
);
for (const d of differ) console.log(`differs: ${d}`);
process.exit(differ.length ? 1 : 0);
