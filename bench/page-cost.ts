/**
 * `npx tsx bench/page-cost.ts [--pages N] [--runs N] [--dist DIR] [--compare DIR] [--kind none|china]`
 * (also `npm run bench:page-cost`; `--compare`: another build loaded the same way in the same run,
 * such as main's, for a before/after; `--kind`: only pages that name no Chinese actor, or only
 * pages that do)
 *
 * What Backstory costs the pages a reader opens. Real saved pages of ../shared/data (HTML only;
 * skipped with a message when the folder is absent) are served from 127.0.0.1, every other
 * request blocked and the pages' own scripts removed (JSON-LD kept), so that what differs between
 * the two sides is Backstory alone. Each page is loaded in headless Chromium with the built
 * extension (dist/) and, in the same run, in a second Chromium without it, alternating which goes
 * first. For each load:
 *   - JavaScript bytes the extension loads into the page: its content script (the loader the
 *     manifest names) plus every chrome-extension:// script the page's frame then requests;
 *   - main-thread time: CDP `Performance.getMetrics` TaskDuration and ScriptDuration of the page,
 *     read once Backstory is done (on pages that name China: analysis stored, highlights
 *     reported on matched pages, then 1 s more; on the others, which send nothing until asked,
 *     2 s after `load`, and their verdict is asked for after the measures); with the pages' scripts removed, ScriptDuration without the extension is the
 *     browser's alone, so the difference is Backstory's;
 *   - long tasks (a buffered `longtask` PerformanceObserver installed before the page's first
 *     script), their number and the longest;
 *   - load time (navigation start → loadEventEnd).
 * Pages are reported in two kinds, from the verdict the extension stored: those that name no
 * Chinese actor (settled by the glance) and those that do (the rest of the content script loads).
 * Ratios are with / without the extension, per page, median over pages.
 * Build first: `npm run build`.
 */
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { chinaNamesOf, NO_CHINA_REASON, namesChinaAnywhere } from '../src/core/china.ts';
import { bundledLexicon } from '../src/corpus/node.ts';
import type { PageVerdict } from '../src/messages.ts';
import { pageHtml, SHARED_DATA, sharedPages, type LabelledPage } from '../eval/labelled-pages.ts';
import { BROWSER_FLAGS, findChrome, INSTALL_HINT } from '../scripts/chrome.ts';
import {
  DIST,
  launchExtension,
  tabOfPage,
  waitForAnalysis,
  type Extension,
} from '../scripts/extension-browser.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
/** Pages of each kind (by the glance, before the run; the extension's verdict decides after). */
const PER_KIND = Number(arg('--pages') ?? 12);
const RUNS = Number(arg('--runs') ?? 2);
const dist = arg('--dist') ?? DIST;
/** Another build of Backstory loaded the same way, in the same run (a before/after). */
const otherDist = arg('--compare');
/** Only pages of one kind: `none` (name no Chinese actor) or `china`. */
const onlyKind = arg('--kind');
const SETTLE_MS = 1000;
/**
 * How long a load waits for the page's `load` event. A saved page whose `load` never comes (a
 * resource that never finishes: `world.kbs.co.kr` never fired it in 60 s) is measured all the same
 * once its DOM is ready, and counted: its load time is left out of the load ratio.
 */
const LOAD_WAIT_MS = 10_000;

/** Page scripts are removed (JSON-LD kept): the benchmark measures Backstory, not the site. */
function stripScripts(html: string): string {
  return html.replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, '');
}

const LONGTASK_OBSERVER = `(() => {
  const seen = [];
  globalThis.__benchLongTasks = seen;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) seen.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

interface Load {
  jsBytes: number;
  /** Longest run of JavaScript on the page's main thread (trace, see scriptRuns); 0 for none. */
  longestScriptRunMs: number;
  /** Runs of JavaScript over 50 ms on the page's main thread (trace). */
  longScriptRuns: number;
  taskMs: number;
  scriptMs: number;
  longTasks: number;
  longestTaskMs: number;
  loadMs: number;
  /** The page's `load` event came within LOAD_WAIT_MS. */
  loaded: boolean;
}

type SideName = 'with' | 'floor' | 'without' | 'other';

/**
 * A copy of the build whose content script only reads `chrome.runtime.id`: the floor, what
 * Chromium itself spends on any content script that talks to its extension (an isolated world and
 * the extension API bindings, on every page).
 */
function withEmptyContentScript(manifestPath: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'backstory-bench-floor-'));
  cpSync(dist, copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    content_scripts: { js: string[] }[];
  };
  // Not an empty file (Chromium skips it): one statement that reaches the extension's runtime, as
  // any content script that talks to its extension does (the API bindings are set up on first use).
  writeFileSync(join(copy, 'bench-empty.js'), 'void chrome.runtime.id;\n');
  for (const c of manifest.content_scripts) c.js = ['bench-empty.js'];
  writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return copy;
}

interface Side {
  context: BrowserContext;
  ext: Extension | null;
  /** Ask a page settled at a glance for its verdict (this build's; `--compare` may be older). */
  asks?: boolean;
  /** The build's content script, KB, and the size of a file it loads. */
  loaderBytes?: number;
  sizeOf?: (u: string) => number;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
}
const median = (xs: number[]): number => quantile(xs, 0.5);

/** The pages: HTML only, a spread of each kind, the largest pages that name China included. */
function pickPages(): { page: LabelledPage; html: string }[] {
  const all = sharedPages()
    .filter((p) => /\.html?$/i.test(p.path))
    .map((page) => ({ page, html: stripScripts(pageHtml(page)) }));
  const names = chinaNamesOf(bundledLexicon());
  const china = all.filter((p) => namesChinaAnywhere(p.html, names));
  const none = all.filter((p) => !namesChinaAnywhere(p.html, names));
  const spread = <T>(xs: T[], n: number): T[] =>
    xs.length <= n ? xs : Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)]!);
  const biggest = [...china].sort((a, b) => b.html.length - a.html.length).slice(0, 3);
  const rest = spread(
    china.filter((p) => !biggest.includes(p)),
    Math.max(0, PER_KIND - biggest.length),
  );
  if (onlyKind === 'none') return spread(none, PER_KIND);
  if (onlyKind === 'china') return [...biggest, ...rest];
  return [...spread(none, PER_KIND), ...biggest, ...rest];
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string }; beginData?: { url?: string } };
}

/**
 * Trace events in which JavaScript runs on a page's main thread: a classic script evaluated (the
 * content script), a module evaluated (its dynamic import), a callback called (events, message
 * channels), and microtasks (every continuation after an `await`, including those after
 * `scheduler.yield()`, which carry no script URL). Anything the script forces meanwhile (style,
 * layout) is inside them.
 */
const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'v8.evaluateModule',
  'FunctionCall',
  'RunMicrotasks',
]);

async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', {
    categories:
      'devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.execute,toplevel,__metadata',
    transferMode: 'ReportEvents',
  });
  return async () => {
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}

/**
 * How long each run of JavaScript on the page's main thread took (outermost script events only),
 * in ms. With the pages' scripts removed, the JavaScript in the page is the extension's content
 * script (and the benchmark's few-line long-task observer): each run is one of the tasks (or the
 * script part of a task) that the content script adds to the page. The page's renderer is the
 * one that parsed `url`.
 */
function scriptRuns(events: TraceEvent[], url: string): number[] {
  const parse = events.find(
    (e) => e.name === 'ParseHTML' && (e.args?.beginData?.url ?? '').startsWith(url),
  );
  if (!parse) return [];
  const main = events.find(
    (e) => e.pid === parse.pid && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  const tid = main?.tid ?? parse.tid;
  const runs = events
    .filter(
      (e) => e.pid === parse.pid && e.tid === tid && e.ph === 'X' && SCRIPT_EVENTS.has(e.name),
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const out: number[] = [];
  let end = -Infinity;
  for (const e of runs) {
    if (e.ts < end) continue; // nested in the run before
    end = e.ts + (e.dur ?? 0);
    out.push((e.dur ?? 0) / 1000);
  }
  return out;
}

async function measure(
  side: Side,
  url: string,
  loaderBytes: number,
  sizeOf: (u: string) => number,
): Promise<{ load: Load; reasons: string[] }> {
  const page: Page = await side.context.newPage();
  const scripts = new Set<string>();
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('chrome-extension://') && u.endsWith('.js')) scripts.add(u);
  });
  const cdp = await side.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.addInitScript(LONGTASK_OBSERVER);
  const stopTrace = await startTrace(cdp);
  let traced = false;
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const loaded = await page.waitForLoadState('load', { timeout: LOAD_WAIT_MS }).then(
      () => true,
      () => false,
    );
    let reasons: string[] = [];
    await page.waitForTimeout(SETTLE_MS);
    // A page that names a Chinese actor imports the rest of the content script (a script request
    // of its frame) and stores its analysis; one that names none sends nothing until asked.
    if (side.ext && scripts.size === 0) await page.waitForTimeout(SETTLE_MS);
    if (side.ext && scripts.size > 0) {
      const { analysis } = await waitForAnalysis(side.ext.worker, url, () => true, 30_000);
      reasons = analysis.detection.reasons.map((r) => r.text);
      if (analysis.quotes.some((q) => q.matches.length > 0)) {
        await waitForAnalysis(side.ext.worker, url, (a) => a.highlights !== undefined, 30_000);
      }
      await page.waitForTimeout(SETTLE_MS);
    }
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    const metric = (name: string): number => metrics.find((m) => m.name === name)?.value ?? NaN;
    traced = true;
    const tasks = scriptRuns(await stopTrace(), url);
    const inPage = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const tasks =
        (globalThis as unknown as { __benchLongTasks?: number[] }).__benchLongTasks ?? [];
      return { loadMs: nav.loadEventEnd - nav.startTime, tasks };
    });
    // Settled at a glance: its verdict, asked for as the popup would, once the measures are taken.
    if (side.ext && side.asks && scripts.size === 0) reasons = await verdictReasons(side.ext, url);
    await page.close();
    const jsBytes = side.ext ? loaderBytes + [...scripts].reduce((n, u) => n + sizeOf(u), 0) : 0;
    return { reasons, load: loadOf(jsBytes, tasks, metric, inPage, loaded) };
  } catch (err) {
    // Tracing is one per browser: end it, or every later load fails to start its own.
    if (!traced) await stopTrace().catch(() => undefined);
    await page.close().catch(() => undefined);
    throw err;
  }
}

/** The detection reasons of the page at `url`, asked of its content script (it stored none). */
async function verdictReasons(ext: Extension, url: string): Promise<string[]> {
  const tabId = await tabOfPage(ext.worker, url);
  const answer = (await ext.worker.evaluate(
    (id) =>
      chrome.tabs.sendMessage(id, { backstory: 1, to: 'content', method: 'verdict', params: {} }),
    tabId,
  )) as { ok: boolean; value?: PageVerdict | null; error?: string };
  if (!answer.ok) throw new Error(`verdict: ${answer.error}`);
  if (!answer.value)
    throw new Error('the page loaded nothing more, yet has no verdict at a glance');
  return answer.value.detection.reasons.map((r) => r.text);
}

function loadOf(
  jsBytes: number,
  tasks: number[],
  metric: (name: string) => number,
  inPage: { loadMs: number; tasks: number[] },
  loaded: boolean,
): Load {
  return {
    jsBytes,
    longestScriptRunMs: Math.max(0, ...tasks),
    longScriptRuns: tasks.filter((d) => d > 50).length,
    taskMs: metric('TaskDuration') * 1000,
    scriptMs: metric('ScriptDuration') * 1000,
    longTasks: inPage.tasks.length,
    longestTaskMs: Math.max(0, ...inPage.tasks),
    loadMs: loaded ? inPage.loadMs : NaN,
    loaded,
  };
}

async function main(): Promise<void> {
  if (!existsSync(SHARED_DATA)) {
    console.log(`No saved pages at ${SHARED_DATA}: nothing to benchmark (skipped).`);
    return;
  }
  const manifestPath = join(dist, 'manifest.json');
  if (!existsSync(manifestPath))
    throw new Error(`${manifestPath} is missing: run \`npm run build\``);
  const executablePath = findChrome();
  if (!executablePath) throw new Error(INSTALL_HINT);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    content_scripts: { js: string[] }[];
  };
  const loaderBytes = manifest.content_scripts
    .flatMap((c) => c.js)
    .reduce((n, f) => n + statSync(join(dist, f)).size, 0);
  const sizeOf = (u: string): number => {
    const file = join(dist, new URL(u).pathname);
    return existsSync(file) ? statSync(file).size : 0;
  };

  const pages = pickPages();
  const server = createServer((req, res) => {
    const index = Number((req.url ?? '').split('/')[2]);
    const p = pages[index];
    if (!p || !(req.url ?? '').startsWith('/p/')) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(p.html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const ext = await launchExtension({ dist });
  const other = otherDist ? await launchExtension({ dist: otherDist }) : null;
  const floorDist = withEmptyContentScript(manifestPath);
  const floor = await launchExtension({ dist: floorDist });
  const plainBrowser = await chromium.launch({
    executablePath,
    args: [...BROWSER_FLAGS],
    headless: true,
  });
  const plain = await plainBrowser.newContext({ viewport: { width: 1200, height: 900 } });
  for (const context of [ext.context, floor.context, plain, ...(other ? [other.context] : [])]) {
    await context.route(
      (u) => /^(https?|wss?):$/.test(u.protocol) && !u.href.startsWith(origin),
      (route) => route.abort(),
    );
  }
  const sides: Record<SideName, Side> = {
    with: { context: ext.context, ext },
    floor: { context: floor.context, ext: null },
    without: { context: plain, ext: null },
    other: { context: other?.context ?? plain, ext: other },
  };
  sides.with.asks = true;
  if (otherDist) {
    const m = JSON.parse(readFileSync(join(otherDist, 'manifest.json'), 'utf8')) as {
      content_scripts: { js: string[] }[];
    };
    sides.other.loaderBytes = m.content_scripts
      .flatMap((c) => c.js)
      .reduce((n, f) => n + statSync(join(otherDist, f)).size, 0);
    sides.other.sizeOf = (u: string): number => {
      const file = join(otherDist, new URL(u).pathname);
      return existsSync(file) ? statSync(file).size : 0;
    };
  }

  interface Row {
    id: string;
    kb: number;
    kind: 'no China' | 'names China';
    with: Load[];
    floor: Load[];
    without: Load[];
    other: Load[];
  }
  const rows: Row[] = [];
  for (const [i, { page, html }] of pages.entries()) {
    // A fresh URL per load: the extension keeps one analysis per tab and URL.
    const row: Row = {
      id: page.id,
      kb: html.length / 1024,
      kind: 'names China',
      with: [],
      floor: [],
      without: [],
      other: [],
    };
    try {
      for (let r = 0; r < RUNS; r++) {
        const names: SideName[] = [
          'with',
          'floor',
          'without',
          ...(other ? ['other' as const] : []),
        ];
        const order = names.map((_, k) => names[(i + r + k) % names.length]!);
        for (const s of order) {
          const { load, reasons } = await measure(
            sides[s],
            `${origin}/p/${i}/${r}`,
            sides[s].loaderBytes ?? loaderBytes,
            sides[s].sizeOf ?? sizeOf,
          );
          row[s].push(load);
          if (s === 'with')
            row.kind = reasons.includes(NO_CHINA_REASON) ? 'no China' : 'names China';
        }
      }
      rows.push(row);
    } catch (err) {
      console.error(
        `skipped ${page.id}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
      );
    }
  }
  await ext.close();
  await floor.close();
  await other?.close();
  rmSync(floorDist, { recursive: true, force: true });
  await plainBrowser.close();
  server.close();

  const per = (row: Row, side: SideName, key: Exclude<keyof Load, 'loaded'>): number =>
    median(row[side].map((l) => l[key]));
  const fmt = (n: number, d = 1): string => (Number.isFinite(n) ? n.toFixed(d) : '–');
  console.log(
    `\nChromium ${plainBrowser.version()}, ${rows.length} saved HTML pages of ../shared/data (page scripts removed), ${RUNS} loads per page and side (with Backstory, with a minimal content script, without an extension), rotating the order; median of a page's loads, then median (max) over pages\n`,
  );
  console.log(
    '| pages | n | page KB | extension JS loaded, KB | script ms: none / minimal content script / Backstory | Backstory over the minimal content script, ms | main-thread ms, Backstory / none | long tasks: none / Backstory; pages with more | longest task ms: none / Backstory | longest run of JS, ms: minimal content script / Backstory, median (max) | runs of JS over 50 ms with Backstory; pages with one | load ms, Backstory / none |',
  );
  console.log('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const kind of ['no China', 'names China'] as const) {
    const rs = rows.filter((r) => r.kind === kind);
    if (!rs.length) continue;
    const col = (f: (r: Row) => number): number => median(rs.map(f));
    const max = (f: (r: Row) => number): number => Math.max(...rs.map(f));
    const own = (r: Row): number => per(r, 'with', 'scriptMs') - per(r, 'floor', 'scriptMs');
    const ratio =
      (key: Exclude<keyof Load, 'loaded'>) =>
      (r: Row): number =>
        per(r, 'with', key) / per(r, 'without', key);
    const more = rs.filter((r) => per(r, 'with', 'longTasks') > per(r, 'without', 'longTasks'));
    console.log(
      `| ${kind} | ${rs.length} | ${fmt(
        col((r) => r.kb),
        0,
      )} | ${fmt(col((r) => per(r, 'with', 'jsBytes') / 1024))} (${fmt(max((r) => per(r, 'with', 'jsBytes') / 1024))}) | ${fmt(col((r) => per(r, 'without', 'scriptMs')))} / ${fmt(col((r) => per(r, 'floor', 'scriptMs')))} / ${fmt(col((r) => per(r, 'with', 'scriptMs')))} | ${fmt(col(own), 2)} (${fmt(max(own))}) | ${fmt(col(ratio('taskMs')), 2)} | ${fmt(
        col((r) => per(r, 'without', 'longTasks')),
        0,
      )} / ${fmt(
        col((r) => per(r, 'with', 'longTasks')),
        0,
      )}; ${more.length} | ${fmt(
        max((r) => per(r, 'without', 'longestTaskMs')),
        0,
      )} / ${fmt(
        max((r) => per(r, 'with', 'longestTaskMs')),
        0,
      )} | ${fmt(col((r) => per(r, 'floor', 'longestScriptRunMs')))} (${fmt(max((r) => per(r, 'floor', 'longestScriptRunMs')))}) / ${fmt(col((r) => per(r, 'with', 'longestScriptRunMs')))} (${fmt(max((r) => per(r, 'with', 'longestScriptRunMs')))}) | ${fmt(
        rs.reduce((n, r) => n + Math.max(...r.with.map((l) => l.longScriptRuns)), 0),
        0,
      )}; ${rs.filter((r) => r.with.some((l) => l.longScriptRuns > 0)).length} | ${fmt(col(ratio('loadMs')), 2)} |`,
    );
  }
  if (otherDist) {
    console.log(
      `\nThe other build (\`--compare ${otherDist}\`), the same pages and loads in the same run:\n`,
    );
    console.log(
      '| pages | n | script ms over the minimal content script: this build / other, median (max) | longest run of JS, ms: this build / other, median (max) | runs of JS over 50 ms: this build / other |',
    );
    console.log('|---|--:|--:|--:|--:|');
    for (const kind of ['no China', 'names China'] as const) {
      const rs = rows.filter((r) => r.kind === kind);
      if (!rs.length) continue;
      const both = (f: (r: Row, side: 'with' | 'other') => number, d = 1): string =>
        (['with', 'other'] as const)
          .map(
            (side) =>
              `${fmt(median(rs.map((r) => f(r, side))), d)} (${fmt(Math.max(...rs.map((r) => f(r, side))))})`,
          )
          .join(' / ');
      const longRuns = (side: 'with' | 'other'): number =>
        rs.reduce((n, r) => n + Math.max(...r[side].map((l) => l.longScriptRuns)), 0);
      console.log(
        `| ${kind} | ${rs.length} | ${both((r, side) => per(r, side, 'scriptMs') - per(r, 'floor', 'scriptMs'), 2)} | ${both((r, side) => Math.max(...r[side].map((l) => l.longestScriptRunMs)))} | ${longRuns('with')} / ${longRuns('other')} |`,
      );
    }
  }
  const unloaded = rows.flatMap((r) =>
    (['with', 'floor', 'without'] as const).flatMap((side) =>
      r[side].filter((l) => !l.loaded).map(() => `${r.id} (${side})`),
    ),
  );
  console.log(
    `\nLoads whose \`load\` event did not come within ${LOAD_WAIT_MS / 1000} s (measured once the DOM was ready, load time left out): ${unloaded.length} of ${rows.length * 3 * RUNS}${unloaded.length ? `: ${[...new Set(unloaded)].join(', ')}` : ''}`,
  );
  console.log(
    '\nPer page (median of its loads): KB, kind, extension JS KB, script ms none / empty / Backstory, long tasks none / empty / Backstory, longest task ms none / Backstory, longest run of JS ms (max of its loads) empty / Backstory',
  );
  for (const r of rows) {
    console.log(
      `  ${r.id.slice(0, 60).padEnd(60)} ${fmt(r.kb, 0).padStart(5)} ${r.kind.padEnd(11)} ${fmt(per(r, 'with', 'jsBytes') / 1024).padStart(6)}  ${fmt(per(r, 'without', 'scriptMs'))} / ${fmt(per(r, 'floor', 'scriptMs'))} / ${fmt(per(r, 'with', 'scriptMs'))}  ${fmt(per(r, 'without', 'longTasks'), 0)}/${fmt(per(r, 'floor', 'longTasks'), 0)}/${fmt(per(r, 'with', 'longTasks'), 0)}  ${fmt(per(r, 'without', 'longestTaskMs'), 0)} / ${fmt(per(r, 'with', 'longestTaskMs'), 0)}  ${fmt(Math.max(...r.floor.map((l) => l.longestScriptRunMs)))} / ${fmt(Math.max(...r.with.map((l) => l.longestScriptRunMs)))}`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
