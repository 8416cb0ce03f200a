/**
 * `npx tsx bench/corpus-load.ts [--runs N]` (also `npm run bench:corpus`)
 *
 * Cold load of the corpus in headless Chromium, as a restarted service worker does it:
 *   index: JSON.parse of the generated index + loadCorpus (maps, hydrateMatchIndex);
 *   raw:   the baseline in the same run — validate the raw sources, build the index from them
 *          (mentions, match index) and load it, which is what the extension would do without
 *          a precomputed index.
 * Page rows: every run uses a fresh page, so parsing and the code run cold in a new JS context.
 * Service-worker rows (when a built extension is in dist/): the same code injected into the
 * extension's own service worker, which fetches the index packaged in dist/; each run injects a
 * uniquely tagged copy so nothing is reused from V8's compilation cache (the worker itself stays
 * up between runs). The text is fetched before the clock starts; the table prints median and
 * p95 in ms, and the sizes.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { BROWSER_FLAGS, findChrome } from '../scripts/chrome.ts';
import { readGeneratedIndexText, readSourceFiles } from '../src/corpus/node.ts';

/** The lexicon table as the extension packages it (passed to the page and the worker). */
const LEXICON_TEXT = readFileSync(resolve('src/core/data/lexicon.json'), 'utf8');

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 30;
const DIST = resolve('dist');
const CHROMIUM = findChrome() ?? '/usr/bin/chromium';
const FLAGS = [...BROWSER_FLAGS];

type Which = 'index' | 'raw';
type Times = Record<Which, number[]>;
type BenchGlobals = Record<string, (url?: string, inline?: string) => Promise<{ ms: number }>>;

/** Alternates the order of the two sides so neither always runs first. */
function orderOf(i: number): Which[] {
  return i % 2 === 0 ? ['index', 'raw'] : ['raw', 'index'];
}

const ENTRY = `
import { loadCorpus } from './src/corpus/load.ts';
import { validateCorpusSources } from './src/corpus/validate.ts';
import { buildCorpusIndex } from './src/corpus/build-index.ts';
import { synonymsFrom } from './src/core/synonyms.ts';
import { matchTablesFrom } from './src/core/match-tables.ts';
import { checkLexicon } from './src/core/lexicon.ts';
async function text(url) { return (await fetch(url)).text(); }
// What is timed is loading the index; the synonym and gloss tables (loaded beside it) are empty
// here. The raw baseline reads event mentions with the lexicon, which the worker loads beside
// the corpus: checked untimed before each run, as it is in the extension before it builds.
let TABLES = null;
globalThis.benchLexicon = async (body) => {
  TABLES = {
    lexicon: checkLexicon(JSON.parse(body)),
    synonyms: { source: '', version: 1, stems: {} },
    zhGloss: { source: '', licence: '', version: 1, traditional: '', words: {} },
  };
  return { ms: 0 };
};
globalThis.benchSynonyms = async (url) => {
  const body = await text(url);
  const t0 = performance.now();
  synonymsFrom(JSON.parse(body));
  return { ms: performance.now() - t0 };
};
globalThis.benchIndex = async (url = '/index.json') => {
  const body = await text(url);
  const t0 = performance.now();
  const corpus = loadCorpus(JSON.parse(body), TABLES);
  const ms = performance.now() - t0;
  return { ms, articles: corpus.articles.size, events: corpus.events.length };
};
globalThis.benchRaw = async (url = '/sources.json', inline = null) => {
  const body = inline ?? (await text(url));
  const t0 = performance.now();
  const v = validateCorpusSources(JSON.parse(body));
  if (v.problems.length) throw new Error('invalid sources');
  const corpus = loadCorpus(buildCorpusIndex(v.articles, v.events, matchTablesFrom(TABLES)), TABLES);
  const ms = performance.now() - t0;
  return { ms, articles: corpus.articles.size, events: corpus.events.length };
};
`;

async function bundle(format: 'esm' | 'iife'): Promise<string> {
  const out = await build({
    stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'ts', sourcefile: 'bench.ts' },
    bundle: true,
    format,
    minify: true,
    write: false,
    platform: 'browser',
  });
  return out.outputFiles[0]?.text ?? '';
}

async function measurePage(
  js: string,
  indexText: string,
  sourcesText: string,
): Promise<{ times: Times; version: string }> {
  const routes: Record<string, [string, string]> = {
    '/': ['text/html', '<!doctype html><script type="module" src="/bench.js"></script>'],
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
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const version = browser.version();
  const times: Times = { index: [], raw: [] };
  try {
    const context = await browser.newContext();
    for (let i = 0; i < RUNS; i++) {
      for (const which of orderOf(i)) {
        const page = await context.newPage();
        await page.goto(`${origin}/`);
        await page.waitForFunction(() => 'benchIndex' in globalThis);
        await page.evaluate(
          (t) => (globalThis as unknown as BenchGlobals)['benchLexicon']!(t),
          LEXICON_TEXT,
        );
        const r = await page.evaluate(
          (w) =>
            (globalThis as unknown as BenchGlobals)[w === 'index' ? 'benchIndex' : 'benchRaw']!(),
          which,
        );
        times[which].push(r.ms);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return { times, version };
}

/** The extension's service worker, when dist/ holds a build; null (and why) otherwise. */
async function measureServiceWorker(
  iife: string,
  sourcesText: string,
): Promise<{ times: Times; indexText: string; synonyms: number[]; synonymsText: string } | string> {
  if (!existsSync(join(DIST, 'manifest.json'))) return 'no dist/manifest.json (run npm run build)';
  const asset = readdirSync(join(DIST, 'assets')).find((f) => /^corpus-index.*\.json$/.test(f));
  if (!asset) return 'no corpus-index*.json in dist/assets';
  const synAsset = readdirSync(join(DIST, 'assets')).find((f) => /^synonyms.*\.json$/.test(f));
  if (!synAsset) return 'no synonyms*.json in dist/assets';
  const synonyms: number[] = [];
  const profile = mkdtempSync(join(tmpdir(), 'backstory-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...FLAGS, `--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`],
  });
  const times: Times = { index: [], raw: [] };
  try {
    const worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    const url = `assets/${asset}`;
    for (let i = 0; i < RUNS; i++) {
      for (const which of orderOf(i)) {
        // A uniquely tagged copy: its functions are compiled afresh, like after a restart.
        await worker.evaluate(`${iife}\n//# run-${i}-${which}`);
        await worker.evaluate(
          (t) => (globalThis as unknown as BenchGlobals)['benchLexicon']!(t),
          LEXICON_TEXT,
        );
        const r = await worker.evaluate(
          async ([w, u, src]) => {
            const g = globalThis as unknown as BenchGlobals & {
              chrome: { runtime: { getURL(p: string): string } };
            };
            return w === 'index'
              ? g.benchIndex!(g.chrome.runtime.getURL(u))
              : g.benchRaw!(undefined, src);
          },
          [which, url, sourcesText] as const,
        );
        times[which].push(r.ms);
      }
      // The worker also parses the synonym table matching needs, once per start.
      const r = await worker.evaluate(async (u) => {
        const g = globalThis as unknown as BenchGlobals & {
          chrome: { runtime: { getURL(p: string): string } };
        };
        return g.benchSynonyms!(g.chrome.runtime.getURL(u));
      }, `assets/${synAsset}`);
      synonyms.push(r.ms);
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return {
    times,
    indexText: readFileSync(join(DIST, 'assets', asset), 'utf8'),
    synonyms,
    synonymsText: readFileSync(join(DIST, 'assets', synAsset), 'utf8'),
  };
}

function stat(xs: number[]): { median: number; p95: number } {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] ?? NaN;
  return { median: q(0.5), p95: q(0.95) };
}

async function main() {
  const indexText = readGeneratedIndexText();
  const sourcesText = JSON.stringify(readSourceFiles());
  const [esm, iife] = await Promise.all([bundle('esm'), bundle('iife')]);
  const { times: page, version } = await measurePage(esm, indexText, sourcesText);
  const sw = await measureServiceWorker(iife, sourcesText);

  const kib = (n: number) => (n / 1024).toFixed(1).padStart(9);
  const gz = (s: string) => (gzipSync(s).length / 1024).toFixed(1).padStart(8);
  const row = (label: string, xs: number[], bytes: number, gzip: string) => {
    const { median, p95 } = stat(xs);
    console.log(
      `| ${label.padEnd(46)} | ${median.toFixed(2).padStart(9)} | ${p95.toFixed(2).padStart(6)} | ${kib(bytes)} | ${gzip} |`,
    );
  };
  const indexBytes = Buffer.byteLength(indexText);
  const sourceBytes = Buffer.byteLength(sourcesText);
  console.log(`${RUNS} cold runs per row\n`);
  console.log(`| ${'load'.padEnd(46)} | median ms | p95 ms | input KiB | gzip KiB |`);
  console.log(`|${'-'.repeat(48)}|----------:|-------:|----------:|---------:|`);
  row('page: index → JSON.parse + loadCorpus', page.index, indexBytes, gz(indexText));
  row('page: raw sources → validate + build + load', page.raw, sourceBytes, gz(sourcesText));
  if (typeof sw === 'string') {
    console.log(`\nservice worker: skipped, ${sw}`);
  } else {
    row(
      'worker: packaged index → parse + loadCorpus',
      sw.times.index,
      Buffer.byteLength(sw.indexText),
      gz(sw.indexText),
    );
    row(
      'worker: raw sources → validate + build + load',
      sw.times.raw,
      sourceBytes,
      gz(sourcesText),
    );
    row(
      'worker: packaged synonym table → parse + install',
      sw.synonyms,
      Buffer.byteLength(sw.synonymsText),
      gz(sw.synonymsText),
    );
  }
  const ratio = stat(page.index).median / stat(page.raw).median;
  console.log(`\npage index/raw median: ${(ratio * 100).toFixed(1)}%`);
  console.log(
    `Chromium ${version} (${CHROMIUM}); bench bundle ${(Buffer.byteLength(esm) / 1024).toFixed(1)} KiB`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
