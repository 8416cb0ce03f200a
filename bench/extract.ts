/**
 * `npx tsx bench/extract.ts [--reps N] [--limit N]` (also `npm run bench:extract`)
 *
 * In headless Chromium, over the labelled pages of ../shared/data (skipped with a message when
 * absent), served from 127.0.0.1 with their own scripts removed and outside requests blocked.
 * Per page, in the page itself, timed with performance.now():
 *   content script: extractAndDetect(document, url, lexicon) — exactly what the content script runs:
 *                   pre-check, metadata, the look for a Chinese actor anywhere on the page and,
 *                   when there is one, Readability on a clone, paragraphs and detection;
 *   read in full:   extractAndDetect(document, url, lexicon, { full: true }) — the same with the article
 *                   always read (as "analyse anyway" does): the cost of a page that is read;
 *   readability:    new Readability(document.cloneNode(true)).parse() — the baseline, on the
 *                   same page in the same run (Readability needs a clone: it rewrites the DOM);
 *   precheck:       precheck(document, url) alone;
 *   longest slice:  the content script's work on the page read in full, run step by step as
 *                   content/slices.ts runs it (extractAndDetectSteps, full: true): the longest
 *                   single step, which is the longest task the content script's extraction and
 *                   detection can add to the page (Readability's parse is one of the steps).
 * `--browser firefox` runs the same in headless Firefox ESR (puppeteer-core over WebDriver BiDi;
 * every request but the page server's goes to a closed port).
 * Each page is measured --reps times (default 5), rotating which side runs first; a page's time
 * is the median of its reps. The table gives median and p95 over pages. The saved HTML pages are
 * the benchmark; the White House texts (Markdown, served wrapped in a bare <article>) are
 * reported apart, since Readability has next to nothing to do on such a page.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { BROWSER_FLAGS, findChrome } from '../scripts/chrome.ts';
import { ROOT, SHARED_DATA, pageHtml, sharedPages } from '../eval/labelled-pages.ts';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const REPS = arg('--reps', 5);
const LIMIT = arg('--limit', Infinity);
const BROWSER = process.argv.includes('--browser')
  ? process.argv[process.argv.indexOf('--browser') + 1]
  : 'chromium';
const CHROMIUM = findChrome() ?? '/usr/bin/chromium';
const FLAGS = [...BROWSER_FLAGS];

const ENTRY = `
import { Readability } from '@mozilla/readability';
import { extractAndDetect, extractAndDetectSteps } from './src/core/classify.ts';
import { precheck } from './src/core/extract.ts';
import { checkLexicon } from './src/core/lexicon.ts';
import lexiconTable from './src/core/data/lexicon.json';
// The page has no extension package to fetch the table from: the bundle carries it.
const lexicon = checkLexicon(lexiconTable);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const SIDES = ['ours', 'full', 'base'];
globalThis.__backstoryBench = (url, reps) => {
  const t = { ours: [], full: [], base: [], pre: [] };
  let label = '', read = false, precheckOk = true;
  for (let i = 0; i < reps; i++) {
    for (let k = 0; k < SIDES.length; k++) {
      const side = SIDES[(i + k) % SIDES.length];
      const t0 = performance.now();
      if (side === 'base') {
        try { new Readability(document.cloneNode(true)).parse(); } catch {}
      } else {
        const r = extractAndDetect(document, url, lexicon, { full: side === 'full' });
        if (side === 'ours') { label = r.detection.label; read = r.extracted.paragraphs.length > 0; }
      }
      t[side].push(performance.now() - t0);
    }
    const t0 = performance.now();
    precheckOk = precheck(document, url).ok;
    t.pre.push(performance.now() - t0);
  }
  const longest = [];
  let slices = 0, at = 0;
  for (let i = 0; i < reps; i++) {
    const steps = extractAndDetectSteps(document, url, lexicon, { full: true });
    let max = 0;
    for (slices = 1; ; slices++) {
      const t0 = performance.now();
      const next = steps.next();
      const dt = performance.now() - t0;
      if (dt > max) { max = dt; at = slices; }
      if (next.done) break;
    }
    longest.push(max);
  }
  return { ours: median(t.ours), full: median(t.full), base: median(t.base), pre: median(t.pre), slice: median(longest), slices, at, label, read, precheckOk };
};
`;

/** Page scripts are removed (JSON-LD kept): the benchmark times our code, not the site's. */
function stripScripts(html: string): string {
  return html.replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, '');
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
}

/** One page of the benchmark, loaded and measured in a browser. */
interface Driver {
  version: string;
  measure(pageUrl: string, script: string, url: string, reps: number): Promise<unknown>;
  close(): Promise<void>;
}

type Bench = (u: string, n: number) => unknown;

async function chromiumDriver(origin: string): Promise<Driver> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  const context = await browser.newContext({ javaScriptEnabled: true });
  await context.route('**/*', (route) =>
    route.request().url().startsWith(origin) ? route.continue() : route.abort(),
  );
  const page = await context.newPage();
  return {
    version: `Chromium ${browser.version()}`,
    async measure(pageUrl, script, url, reps) {
      await page.goto(pageUrl, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      await page.addScriptTag({ content: script });
      return page.evaluate(
        ([u, n]) => (globalThis as unknown as { __backstoryBench: Bench }).__backstoryBench(u, n),
        [url, reps] as [string, number],
      );
    },
    close: () => browser.close(),
  };
}

async function firefoxDriver(origin: string): Promise<Driver> {
  const executablePath = process.env['FIREFOX_PATH'] || '/usr/bin/firefox-esr';
  if (!existsSync(executablePath)) throw new Error(`no Firefox at ${executablePath}`);
  const port = new URL(origin).port;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    extraPrefsFirefox: {
      // Only the page server is reached: everything else goes to a proxy on a closed port.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': `127.0.0.1:${port}`,
      'network.proxy.allow_hijacking_localhost': true,
    },
  });
  const page = await browser.newPage();
  return {
    version: `Firefox ${(await browser.version()).replace(/^firefox\//i, '')}`,
    async measure(pageUrl, script, url, reps) {
      await page.goto(pageUrl, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      await page.addScriptTag({ content: script });
      return page.evaluate(
        (u, n) => (globalThis as unknown as { __backstoryBench: Bench }).__backstoryBench(u, n),
        url,
        reps,
      );
    },
    close: () => browser.close(),
  };
}

const fmt = (n: number): string => (Number.isFinite(n) ? n.toFixed(2) : '–');

async function main(): Promise<void> {
  if (!existsSync(SHARED_DATA)) {
    console.log(`No labelled pages at ${SHARED_DATA}: nothing to benchmark (skipped).`);
    return;
  }
  const pages = sharedPages().slice(0, LIMIT);
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    target: 'chrome120',
  });
  const script = bundle.outputFiles[0]!.text;

  const server = createServer((req, res) => {
    const index = Number((req.url ?? '').split('/')[2]);
    const page = pages[index];
    if (!page || !(req.url ?? '').startsWith('/p/')) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(stripScripts(pageHtml(page)));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const driver = BROWSER === 'firefox' ? await firefoxDriver(origin) : await chromiumDriver(origin);
  const version = driver.version;

  interface Row {
    id: string;
    html: boolean;
    ours: number;
    full: number;
    base: number;
    pre: number;
    slice: number;
    slices: number;
    at: number;
    label: string;
    read: boolean;
    precheckOk: boolean;
  }
  const rows: Row[] = [];
  for (const [i, p] of pages.entries()) {
    try {
      const r = await driver.measure(`${origin}/p/${i}`, script, p.url, REPS);
      rows.push({ id: p.id, html: /\.html?$/i.test(p.path), ...(r as Omit<Row, 'id' | 'html'>) });
    } catch (err) {
      console.error(
        `skipped ${p.id}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
      );
    }
  }
  await driver.close();
  server.close();

  const med = (xs: number[]): number => quantile(xs, 0.5);
  const html = rows.filter((r) => r.html);
  const texts = rows.filter((r) => !r.html);
  const line = (name: string, xs: number[]): string =>
    `| ${name.padEnd(66)} | ${String(xs.length).padStart(5)} | ${fmt(med(xs)).padStart(9)} | ${fmt(quantile(xs, 0.95)).padStart(6)} |`;
  const ratio = (rs: Row[], side: 'ours' | 'full'): string =>
    (med(rs.map((r) => r[side])) / med(rs.map((r) => r.base))).toFixed(2);
  console.log(
    `\n${version}, ${rows.length} labelled pages of ../shared/data (${html.length} saved HTML pages, ${texts.length} White House texts), ${REPS} reps per page (median per page)\n`,
  );
  console.log(`| ${'measure'.padEnd(66)} | pages | median ms | p95 ms |`);
  console.log(`|${'-'.repeat(68)}|------:|----------:|-------:|`);
  const section = (label: string, rs: Row[]): void => {
    const read = rs.filter((r) => r.read);
    console.log(
      line(
        `${label}: Readability.parse alone (clone + parse)`,
        rs.map((r) => r.base),
      ),
    );
    console.log(
      line(
        `${label}: Backstory content script (extract + detect)`,
        rs.map((r) => r.ours),
      ),
    );
    console.log(
      line(
        `${label}: Backstory reading every page in full`,
        rs.map((r) => r.full),
      ),
    );
    console.log(
      line(
        `${label}, pages the content script reads: Readability`,
        read.map((r) => r.base),
      ),
    );
    console.log(
      line(
        `${label}, pages the content script reads: Backstory`,
        read.map((r) => r.ours),
      ),
    );
  };
  section('HTML pages', html);
  if (texts.length) section('White House texts', texts);
  const notArticles = html.filter((r) => !r.precheckOk);
  console.log(
    line(
      'HTML pages: pre-check, pages it turns away (not articles)',
      notArticles.map((r) => r.pre),
    ),
  );
  console.log(
    line(
      'HTML pages: pre-check, all pages',
      html.map((r) => r.pre),
    ),
  );

  const read = html.filter((r) => r.read);
  console.log(
    `\nHTML pages, median Backstory / Readability: content script ${ratio(html, 'ours')}; every page read in full ${ratio(html, 'full')}; pages the content script reads ${ratio(read, 'ours')} (${read.length} of ${html.length}); goal ≤ 1.30`,
  );
  console.log(
    `All ${rows.length} labelled pages together, same ratios: ${ratio(rows, 'ours')}; ${ratio(rows, 'full')}; ${ratio(
      rows.filter((r) => r.read),
      'ours',
    )} (${rows.filter((r) => r.read).length} of ${rows.length})`,
  );
  if (texts.length) {
    console.log(
      `White House texts, same ratios: ${ratio(texts, 'ours')}; ${ratio(texts, 'full')}; ${ratio(
        texts.filter((r) => r.read),
        'ours',
      )} (${texts.filter((r) => r.read).length} of ${texts.length})`,
    );
  }
  console.log(
    `pre-check median on not-article pages: ${fmt(med(notArticles.map((r) => r.pre)))} ms; goal ≤ 2 ms`,
  );
  const bySlice = [...html].sort((a, b) => b.slice - a.slice);
  console.log(
    `longest slice of the content script's work, every HTML page read in full: median ${fmt(med(html.map((r) => r.slice)))} ms, p95 ${fmt(
      quantile(
        html.map((r) => r.slice),
        0.95,
      ),
    )}, max ${fmt(bySlice[0]?.slice ?? NaN)}; pages with a slice over 50 ms: ${html.filter((r) => r.slice > 50).length} of ${html.length}; goal: none`,
  );
  console.log(
    `  longest: ${bySlice
      .slice(0, 5)
      .map((r) => `${r.id.split('/').pop()} ${fmt(r.slice)} (slice ${r.at} of ${r.slices})`)
      .join('; ')}`,
  );
  const labels = new Map<string, number>();
  for (const r of rows) labels.set(r.label, (labels.get(r.label) ?? 0) + 1);
  console.log(
    `labels in the browser: ${[...labels.entries()].map(([k, v]) => `${k} ${v}`).join(', ')}`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
