/**
 * `npm run --silent eval:cli-pages`: the CLI over every HTML page of ../shared/data, as a new
 * user would run it (`analyze --jsonl FILE...`, one process). Passes when the CLI exits 0 and
 * every page gets an analysis (no `{"file", "error"}` line); prints the verdicts, the time and
 * any page that failed. Skips with a message when ../shared/data is absent.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, SHARED_DATA } from './labelled-pages.ts';

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...htmlFiles(full));
    else if (entry.isFile() && /\.html?$/i.test(entry.name)) out.push(full);
  }
  return out.sort();
}

if (!existsSync(SHARED_DATA)) {
  console.log(`skipped: no ${SHARED_DATA} (the shared real pages are not on this machine)`);
  process.exit(0);
}
const files = htmlFiles(SHARED_DATA);
console.log(`${files.length} HTML pages under ${SHARED_DATA}`);

const t0 = performance.now();
const { code, stdout, stderr } = await new Promise<{
  code: number | null;
  stdout: string;
  stderr: string;
}>((done, fail) => {
  const child = spawn(
    join(ROOT, 'node_modules/.bin/tsx'),
    ['src/cli/analyze.ts', '--jsonl', ...files],
    {
      cwd: ROOT,
    },
  );
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  child.on('error', fail);
  child.on('close', (c) => done({ code: c, stdout: out, stderr: err }));
});
const seconds = (performance.now() - t0) / 1000;

const lines = stdout.trimEnd().split('\n').filter(Boolean);
const verdicts = new Map<string, number>();
const failed: string[] = [];
lines.forEach((line, i) => {
  const a = JSON.parse(line) as { detection?: { label: string }; error?: string };
  if (a.error !== undefined || !a.detection) {
    failed.push(`${relative(SHARED_DATA, files[i] ?? '?')}: ${a.error ?? 'no detection'}`);
  } else verdicts.set(a.detection.label, (verdicts.get(a.detection.label) ?? 0) + 1);
});
const warnings = stderr.split('\n').filter((l) => l.includes('warning:')).length;

console.log(
  `exit code ${code}; ${lines.length} lines for ${files.length} pages in ${seconds.toFixed(1)} s`,
);
console.log(
  `verdicts: ${[...verdicts].map(([l, n]) => `${l} ${n}`).join(', ')}; ${warnings} decoding warnings`,
);
for (const f of failed) console.log(`failed: ${f}`);
const ok = code === 0 && lines.length === files.length && failed.length === 0;
console.log(ok ? 'PASS: analyze exits 0 on every page' : 'FAIL');
process.exit(ok ? 0 : 1);
