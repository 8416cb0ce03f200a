/**
 * `npx tsx bench/corpus-load.ts [--runs N]` (also `npm run bench:corpus`)
 *
 * Cold load of the corpus in headless Chromium, as a restarted service worker does it:
 *   index: JSON.parse of the generated index + loadCorpus (maps, hydrateMatchIndex);
 *   raw:   the baseline in the same run — validate the raw sources, build the index from them
 *          (mentions, match index) and load it, which is what the extension would do without
 *          a precomputed index.
 * Every run uses a fresh page, so parsing and the code run cold in a new JS context. The text
 * is fetched before the clock starts; the table prints median and p95 in ms, and the sizes.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { readGeneratedIndexText, readSourceFiles } from '../src/corpus/node.ts';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 30;

const ENTRY = `
import { loadCorpus } from './src/corpus/load.ts';
import { validateCorpusSources } from './src/corpus/validate.ts';
import { buildCorpusIndex } from './src/corpus/build-index.ts';
async function text(url) { return (await fetch(url)).text(); }
window.benchIndex = async () => {
  const body = await text('/index.json');
  const t0 = performance.now();
  const corpus = loadCorpus(JSON.parse(body));
  const ms = performance.now() - t0;
  return { ms, articles: corpus.articles.size, events: corpus.events.length };
};
window.benchRaw = async () => {
  const body = await text('/sources.json');
  const t0 = performance.now();
  const v = validateCorpusSources(JSON.parse(body));
  if (v.problems.length) throw new Error('invalid sources');
  const corpus = loadCorpus(buildCorpusIndex(v.articles, v.events));
  const ms = performance.now() - t0;
  return { ms, articles: corpus.articles.size, events: corpus.events.length };
};
`;

async function main() {
  const bundle = await build({
    stdin: {
      contents: ENTRY,
      resolveDir: process.cwd(),
      loader: 'ts',
      sourcefile: 'bench-entry.ts',
    },
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    platform: 'browser',
  });
  const js = bundle.outputFiles[0]?.text ?? '';
  const indexText = readGeneratedIndexText();
  const sourcesText = JSON.stringify(readSourceFiles());
  const routes: Record<string, [string, string]> = {
    '/': [
      'text/html',
      '<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>',
    ],
    '/bench.js': ['text/javascript', js],
    '/index.json': ['application/json', indexText],
    '/sources.json': ['application/json', sourcesText],
  };
  const server = createServer((req, res) => {
    const route = routes[req.url ?? ''];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': `${route[0]}; charset=utf-8`,
      'cache-control': 'no-store',
    });
    res.end(route[1]);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const version = browser.version();
  const times: Record<'index' | 'raw', number[]> = { index: [], raw: [] };
  try {
    const context = await browser.newContext();
    for (let i = 0; i < RUNS; i++) {
      // Alternate the order so neither side always runs first.
      const order: ('index' | 'raw')[] = i % 2 === 0 ? ['index', 'raw'] : ['raw', 'index'];
      for (const which of order) {
        const page = await context.newPage();
        await page.goto(`${origin}/`);
        await page.waitForFunction(() => 'benchIndex' in window);
        const r = await page.evaluate((w) => {
          const fns = window as unknown as Record<string, () => Promise<{ ms: number }>>;
          return (
            fns[w === 'index' ? 'benchIndex' : 'benchRaw'] as () => Promise<{ ms: number }>
          )();
        }, which);
        times[which].push(r.ms);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const stat = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] ?? NaN;
    return { median: q(0.5), p95: q(0.95) };
  };
  const kb = (s: string) => (Buffer.byteLength(s) / 1024).toFixed(1);
  const gz = (s: string) => (gzipSync(s).length / 1024).toFixed(1);
  const idx = stat(times.index);
  const raw = stat(times.raw);
  console.log(`Chromium ${version}, ${RUNS} cold runs each (fresh page per run)\n`);
  console.log(
    '| load                                   | median ms | p95 ms | input KiB | gzip KiB |',
  );
  console.log(
    '|----------------------------------------|----------:|-------:|----------:|---------:|',
  );
  console.log(
    `| precomputed index: JSON.parse + load   | ${idx.median.toFixed(2).padStart(9)} | ${idx.p95.toFixed(2).padStart(6)} | ${kb(indexText).padStart(9)} | ${gz(indexText).padStart(8)} |`,
  );
  console.log(
    `| raw sources: validate + build + load   | ${raw.median.toFixed(2).padStart(9)} | ${raw.p95.toFixed(2).padStart(6)} | ${kb(sourcesText).padStart(9)} | ${gz(sourcesText).padStart(8)} |`,
  );
  console.log(
    `\nindex/raw median: ${((idx.median / raw.median) * 100).toFixed(1)}%; bench bundle ${kb(js)} KiB`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
