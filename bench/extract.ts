/**
 * `npx tsx bench/extract.ts [--reps N] [--limit N]` (also `npm run bench:extract`)
 *
 * In headless Chromium, over the real labelled pages of ../shared/data (skipped with a message
 * when absent), served from 127.0.0.1 with their own scripts removed and outside requests
 * blocked. Per page, in the page itself, timed with performance.now():
 *   backstory:   extractArticle(document, url) + detectDiplomacy(article) — the content
 *                script's work (pre-check, metadata, Readability on a clone, paragraphs,
 *                detection);
 *   readability: new Readability(document.cloneNode(true)).parse() — the baseline, on the
 *                same page in the same run (Readability needs a clone: it rewrites the DOM);
 *   precheck:    precheck(document, url) alone.
 * Each page is measured --reps times (default 5), alternating which side runs first; a page's
 * time is the median of its reps. The table gives median and p95 over pages, and the
 * pre-check on pages it turns away (not articles).
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { BROWSER_FLAGS, findChrome } from '../scripts/chrome.ts';
import { ROOT, SHARED_DATA, pageHtml, sharedPages } from '../eval/labelled-pages.ts';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const REPS = arg('--reps', 5);
const LIMIT = arg('--limit', Infinity);
const CHROMIUM = findChrome() ?? '/usr/bin/chromium';
const FLAGS = [...BROWSER_FLAGS];

const ENTRY = `
import { Readability } from '@mozilla/readability';
import { extractArticle, precheck } from './src/core/extract.ts';
import { detectDiplomacy } from './src/core/detect.ts';
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
globalThis.__backstoryBench = (url, reps) => {
  const ours = [], base = [], pre = [];
  let label = '', precheckOk = true;
  for (let i = 0; i < reps; i++) {
    const sides = i % 2 === 0 ? ['ours', 'base'] : ['base', 'ours'];
    for (const side of sides) {
      if (side === 'ours') {
        const t0 = performance.now();
        const article = extractArticle(document, url);
        const detection = detectDiplomacy(article);
        ours.push(performance.now() - t0);
        label = detection.label;
      } else {
        const t0 = performance.now();
        try { new Readability(document.cloneNode(true)).parse(); } catch {}
        base.push(performance.now() - t0);
      }
    }
    const t0 = performance.now();
    precheckOk = precheck(document, url).ok;
    pre.push(performance.now() - t0);
  }
  return { ours: median(ours), base: median(base), pre: median(pre), label, precheckOk };
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

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  const context = await browser.newContext({ javaScriptEnabled: true });
  await context.route('**/*', (route) =>
    route.request().url().startsWith(origin) ? route.continue() : route.abort(),
  );
  const page = await context.newPage();
  const version = browser.version();

  const rows: {
    id: string;
    ours: number;
    base: number;
    pre: number;
    label: string;
    precheckOk: boolean;
  }[] = [];
  for (const [i, p] of pages.entries()) {
    try {
      await page.goto(`${origin}/p/${i}`, { waitUntil: 'domcontentloaded', timeout: 30_000 });
      await page.addScriptTag({ content: script });
      const r = await page.evaluate(
        ([url, reps]) =>
          (
            globalThis as unknown as {
              __backstoryBench: (
                u: string,
                n: number,
              ) => { ours: number; base: number; pre: number; label: string; precheckOk: boolean };
            }
          ).__backstoryBench(url, reps),
        [p.url, REPS] as [string, number],
      );
      rows.push({ id: p.id, ...r });
    } catch (err) {
      console.error(
        `skipped ${p.id}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
      );
    }
  }
  await browser.close();
  server.close();

  const articles = rows.filter((r) => r.precheckOk);
  const notArticles = rows.filter((r) => !r.precheckOk);
  const line = (name: string, xs: number[]): string =>
    `| ${name.padEnd(58)} | ${String(xs.length).padStart(5)} | ${fmt(quantile(xs, 0.5)).padStart(9)} | ${fmt(quantile(xs, 0.95)).padStart(6)} |`;
  console.log(
    `\nChromium ${version}, ${rows.length} pages of ../shared/data, ${REPS} reps per page (median per page)\n`,
  );
  console.log(`| ${'measure'.padEnd(58)} | pages | median ms | p95 ms |`);
  console.log(`|${'-'.repeat(60)}|------:|----------:|-------:|`);
  console.log(
    line(
      'Readability.parse alone (clone + parse), all pages',
      rows.map((r) => r.base),
    ),
  );
  console.log(
    line(
      'Backstory extract + detect, all pages',
      rows.map((r) => r.ours),
    ),
  );
  console.log(
    line(
      'Readability.parse alone, pages past the pre-check',
      articles.map((r) => r.base),
    ),
  );
  console.log(
    line(
      'Backstory extract + detect, pages past the pre-check',
      articles.map((r) => r.ours),
    ),
  );
  console.log(
    line(
      'pre-check, pages it turns away (not articles)',
      notArticles.map((r) => r.pre),
    ),
  );
  console.log(
    line(
      'pre-check, all pages',
      rows.map((r) => r.pre),
    ),
  );
  const ratio =
    quantile(
      rows.map((r) => r.ours),
      0.5,
    ) /
    quantile(
      rows.map((r) => r.base),
      0.5,
    );
  const ratioArticles =
    quantile(
      articles.map((r) => r.ours),
      0.5,
    ) /
    quantile(
      articles.map((r) => r.base),
      0.5,
    );
  console.log(
    `\nmedian ratio extract+detect / Readability: ${ratio.toFixed(2)} (all pages), ${ratioArticles.toFixed(2)} (pages past the pre-check); goal ≤ 1.30`,
  );
  console.log(
    `pre-check median on not-article pages: ${fmt(
      quantile(
        notArticles.map((r) => r.pre),
        0.5,
      ),
    )} ms; goal ≤ 2 ms`,
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
