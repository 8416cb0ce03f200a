/**
 * `npx tsx bench/popup.ts [--runs N] [--dist DIR] [--sizes]` (also `npm run bench:popup`; `--sizes`: sizes only)
 *
 * 1. The popup's time from navigation to the first render with data, in headless Chromium with
 *    the built extension, for a tab whose analysis is already in storage.session (the usual case:
 *    the page was analysed when it loaded). Read from the popup's own performance marks
 *    (`backstory:data-render`, set when the render with the analysis commits) relative to the
 *    navigation start. Baseline in the same run: the same popup for a tab with no analysis,
 *    timed to its first render (the skeleton) — the cost of loading the page and its code,
 *    with no data to render; and the floor, a blank extension page whose one tiny module script
 *    sets the same mark (added to a copy of the build), which is what Chromium itself takes to
 *    open an extension page and run a script on this machine.
 * 2. The size of each built JavaScript file in dist/ (raw and gzip), and what each extension
 *    page or script loads eagerly (its static-import closure); the corpus index chunk, loaded
 *    by the service worker on first use, is flagged apart.
 * Build first: `npx tsx scripts/build-index.ts && npx vite build` (into another directory:
 * `npx vite build --outDir DIR --emptyOutDir`, then `--dist DIR`).
 */
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import {
  DIST,
  launchExtension,
  ROOT,
  serveFixtures,
  waitForAnalysis,
  type Extension,
} from '../scripts/extension-browser.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Number(arg('--runs') ?? 30);
const WARMUP = 3;
const dist = arg('--dist') ?? process.env['BACKSTORY_DIST'] ?? DIST;

const MARK_FIRST = 'backstory:first-render';
const MARK_DATA = 'backstory:data-render';

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}
const f1 = (n: number): string => n.toFixed(1);

/** Open an extension page in a fresh page and return the mark's time after navigation. */
async function timePage(ext: Extension, path: string, mark: string): Promise<number> {
  const page: Page = await ext.context.newPage();
  await page.setViewportSize({ width: 420, height: 700 });
  await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
  const ms = await page.waitForFunction(
    (name) => performance.getEntriesByName(name)[0]?.startTime,
    mark,
    { timeout: 10_000 },
  );
  const value = (await ms.jsonValue()) as number;
  await page.close();
  return value;
}

/** A copy of the build with a blank page that only sets the mark: the floor. */
function withBlankPage(): string {
  const copy = mkdtempSync(join(tmpdir(), 'backstory-bench-popup-'));
  cpSync(dist, copy, { recursive: true });
  writeFileSync(
    join(copy, 'bench-blank.html'),
    '<!doctype html><meta charset="utf-8"><title>blank</title><script type="module" src="bench-blank.js"></script>',
  );
  writeFileSync(join(copy, 'bench-blank.js'), `performance.mark(${JSON.stringify(MARK_FIRST)});`);
  return copy;
}

async function popupTimes(): Promise<void> {
  const server = await serveFixtures(ROOT);
  const copy = withBlankPage();
  const ext = await launchExtension({ dist: copy });
  try {
    const url = server.url('/test/fixtures/popup/diplomacy.html');
    const article = await ext.context.newPage();
    await article.goto(url);
    const { tabId } = await waitForAnalysis(ext.worker, url);
    const unanalysedTab = 987_654_321;
    const rows: Array<{ name: string; path: string; mark: string; times: number[] }> = [
      {
        name: 'cached analysis → first render with data',
        path: `popup/index.html?tabId=${tabId}`,
        mark: MARK_DATA,
        times: [],
      },
      {
        name: 'baseline: no analysis → first render (skeleton)',
        path: `popup/index.html?tabId=${unanalysedTab}`,
        mark: MARK_FIRST,
        times: [],
      },
      {
        name: 'floor: blank extension page → its script runs',
        path: 'bench-blank.html',
        mark: MARK_FIRST,
        times: [],
      },
    ];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      // Interleaved, so all see the same machine state.
      for (const row of rows) {
        const ms = await timePage(ext, row.path, row.mark);
        if (i >= WARMUP) row.times.push(ms);
      }
    }
    console.log(
      `\nPopup, ${RUNS} runs each after ${WARMUP} warm-up runs (ms after navigation start)\n`,
    );
    console.log('| page | median | p90 | min | max |');
    console.log('|---|---:|---:|---:|---:|');
    for (const { name, times } of rows) {
      console.log(
        `| ${name} | ${f1(quantile(times, 0.5))} | ${f1(quantile(times, 0.9))} | ${f1(Math.min(...times))} | ${f1(Math.max(...times))} |`,
      );
    }
    const [data, base, floor] = rows.map((r) => quantile(r.times, 0.5) ?? 0);
    console.log(
      `\nMedians: rendering the analysis adds ${f1((data ?? 0) - (base ?? 0))} ms to the popup's own load; ` +
        `the popup's code adds ${f1((base ?? 0) - (floor ?? 0))} ms to a blank extension page.`,
    );
  } finally {
    await ext.close();
    await server.close();
    rmSync(copy, { recursive: true, force: true });
  }
}

/** What each data file of the build is, by the name before its hash. */
const DATA_FILES: Record<string, string> = {
  'corpus-index': 'corpus index',
  synonyms: 'synonym table',
  'zh-gloss': 'Chinese dictionary',
  lexicon: 'lexicon (detection words, names)',
};

function codeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return codeFiles(path);
    const data = name.endsWith('.json') && relative(dist, dir) === 'assets';
    return name.endsWith('.js') || data ? [path] : [];
  });
}

const STATIC_IMPORT = /(?:\bimport|\bfrom)\s*["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["']([^"']+\.js)["']\s*\)/g;

/** Files a script loads before it runs (static imports, transitively), as dist-relative paths. */
function closure(file: string): Set<string> {
  const seen = new Set<string>();
  const visit = (path: string): void => {
    const rel = relative(dist, path);
    if (seen.has(rel) || !existsSync(path)) return;
    seen.add(rel);
    const code = readFileSync(path, 'utf8').replace(DYNAMIC_IMPORT, '');
    for (const m of code.matchAll(STATIC_IMPORT)) {
      const spec = m[1] ?? '';
      visit(spec.startsWith('/') ? join(dist, spec) : join(path, '..', spec));
    }
  };
  visit(file);
  return seen;
}

function htmlScripts(html: string): string[] {
  const text = readFileSync(join(dist, html), 'utf8');
  return [...text.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) =>
    join(dist, (m[1] ?? '').startsWith('/') ? (m[1] ?? '').slice(1) : join(html, '..', m[1] ?? '')),
  );
}

function bundleSizes(): void {
  const sizes = new Map<string, { raw: number; gz: number }>();
  const size = (rel: string): { raw: number; gz: number } => {
    let s = sizes.get(rel);
    if (!s) {
      const body = readFileSync(join(dist, rel));
      s = { raw: body.length, gz: gzipSync(body, { level: 9 }).length };
      sizes.set(rel, s);
    }
    return s;
  };
  const kb = (n: number): string => (n / 1024).toFixed(1);
  // Data files (JSON, fetched and parsed, never run) are listed and exempt from the goal.
  const dataNote = (rel: string): string | null => {
    if (!rel.endsWith('.json')) return null;
    const name = /(?:^|\/)([a-z-]+?)(?:-[\w-]{8})?\.json$/.exec(rel)?.[1] ?? rel;
    return `data (exempt): ${DATA_FILES[name] ?? name}`;
  };
  console.log(`\nBuilt JavaScript in ${dist} (KiB; gzip level 9)\n`);
  console.log('| file | raw | gzip | note |');
  console.log('|---|---:|---:|---|');
  const files = codeFiles(dist)
    .map((p) => relative(dist, p))
    .sort((a, b) => size(b).raw - size(a).raw);
  for (const rel of files) {
    const { raw, gz } = size(rel);
    const note = dataNote(rel) ?? (raw > 150 * 1024 ? 'over 150 KB' : '');
    console.log(`| ${rel} | ${kb(raw)} | ${kb(gz)} | ${note} |`);
  }

  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
    content_scripts?: Array<{ js?: string[] }>;
    web_accessible_resources?: Array<{ resources?: string[] }>;
  };
  const webAccessible = (manifest.web_accessible_resources ?? []).flatMap((r) => r.resources ?? []);
  const entries: Array<[string, string[]]> = [
    ['popup', htmlScripts('popup/index.html')],
    ['options page', htmlScripts('options/index.html')],
    ['service worker', [join(dist, manifest.background?.service_worker ?? '')]],
    ['content script', (manifest.content_scripts?.[0]?.js ?? []).map((p) => join(dist, p))],
  ];
  console.log('\nWhat each part loads before it runs (static imports; lazy chunks apart)\n');
  console.log('| part | files | raw | gzip | lazy (dynamic import) |');
  console.log('|---|---:|---:|---:|---|');
  for (const [name, starts] of entries) {
    const all = new Set(starts.flatMap((s) => [...closure(s)]));
    let raw = 0;
    let gz = 0;
    for (const rel of all) {
      const s = size(rel);
      raw += s.raw;
      gz += s.gz;
    }
    const lazy = new Set<string>();
    for (const rel of all) {
      const code = readFileSync(join(dist, rel), 'utf8');
      for (const m of code.matchAll(DYNAMIC_IMPORT)) lazy.add((m[1] ?? '').replace(/^.*\//, ''));
    }
    // The content script's second part: web-accessible modules it imports by URL when needed.
    if (name === 'content script') {
      for (const rel of webAccessible) {
        if ((rel.endsWith('.js') || rel.endsWith('.json')) && !all.has(rel))
          lazy.add(`${rel.replace(/^.*\//, '')} (${kb(size(rel).raw)})`);
      }
    }
    console.log(`| ${name} | ${all.size} | ${kb(raw)} | ${kb(gz)} | ${[...lazy].join(', ')} |`);
  }
  const code = files.filter((rel) => rel.endsWith('.js'));
  const total = code.reduce((n, rel) => n + size(rel).raw, 0);
  const totalGz = code.reduce((n, rel) => n + size(rel).gz, 0);
  console.log(
    `\nAll JavaScript shipped, data files (corpus index, synonym and dictionary tables, lexicon) excluded: ${code.length} files, ${kb(total)} KiB (${(total / 1000).toFixed(1)} kB; gzip ${kb(totalGz)} KiB); goal ≤ 150 KB`,
  );
}

if (!existsSync(join(dist, 'manifest.json'))) {
  console.error(`${dist} has no build: run \`npx tsx scripts/build-index.ts && npx vite build\``);
  process.exit(1);
}
bundleSizes();
// `--sizes`: the tables of sizes only, without opening Chromium.
if (!process.argv.includes('--sizes')) await popupTimes();
