/**
 * Backstory on every real saved page in ../shared/data (skipped when absent): it raises no
 * uncaught error in the page, adds no console error, and changes nothing in the page's DOM but
 * its card host. Pages are served from 127.0.0.1 with every other request blocked, and with their
 * own scripts turned off by a Content-Security-Policy (content scripts are exempt), so that any
 * DOM change after DOMContentLoaded can only be Backstory's. Where quotes are highlighted the card
 * is opened from the keyboard and closed again, so the card host is exercised too.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, relative, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredAnalysis } from '../../src/analysis-store.ts';
import { CARD_TAG } from './highlight-helpers.ts';
import { launchExtension, ROOT, tabOfPage, type Extension } from './harness.ts';

const DATA = resolve(ROOT, '..', 'shared', 'data');
const PARALLEL = 4;
const ANALYSIS_TIMEOUT_MS = 8_000;

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...htmlFiles(path));
    else if (/\.html?$/i.test(entry.name)) out.push(path);
  }
  return out.sort();
}

/** Runs in each page before anything else: records DOM mutations from document start. */
function recordMutations(): void {
  const w = window as unknown as { __bsMutations: string[]; __bsLate: boolean; __bsDom: string };
  w.__bsMutations = [];
  w.__bsLate = false;
  const name = (n: Node): string => (n.nodeType === 1 ? (n as Element).tagName : n.nodeName);
  const observer = new MutationObserver((records) => {
    if (!w.__bsLate) return;
    for (const r of records) {
      const nodes = [...r.addedNodes, ...r.removedNodes].map(name);
      const hostOnly =
        r.type === 'childList' &&
        r.target === document.documentElement &&
        nodes.length === 1 &&
        nodes[0] === 'BACKSTORY-CARD';
      if (!hostOnly) {
        w.__bsMutations.push(`${r.type} on ${name(r.target)} ${r.attributeName ?? ''} ${nodes}`);
      }
    }
  });
  observer.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      // Records of the parser's last work are still queued: they are not late.
      observer.takeRecords();
      w.__bsLate = true;
      w.__bsDom = document.documentElement.outerHTML;
    },
    { capture: true, once: true },
  );
}

interface PageResult {
  file: string;
  analysed: boolean;
  label: string | null;
  anchored: number;
  orphaned: number;
  cardOpened: boolean;
  errors: string[];
  mutations: string[];
  domChanged: boolean;
  ms: number;
}

async function analysisFor(
  ext: Extension,
  pageUrl: string,
  accept: (a: StoredAnalysis) => boolean,
): Promise<StoredAnalysis | null> {
  const deadline = Date.now() + ANALYSIS_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const all = (await ext.worker.evaluate(() => chrome.storage.session.get(null))) as Record<
      string,
      StoredAnalysis
    >;
    const found = Object.values(all).find((a) => a?.pageUrl === pageUrl && accept(a));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 150));
  }
  return null;
}

/**
 * Ask the page in `tabId` for its verdict as the popup does (a page that names no Chinese actor
 * sends none by itself), from the extension page `asker`; retried while no content script answers.
 */
async function askPage(asker: Page, tabId: number): Promise<void> {
  const deadline = Date.now() + ANALYSIS_TIMEOUT_MS;
  for (;;) {
    const answer = (await asker.evaluate(
      (id) =>
        chrome.runtime.sendMessage({
          backstory: 1,
          to: 'background',
          method: 'askPage',
          params: { tabId: id },
        }),
      tabId,
    )) as { ok: boolean; value?: string; error?: string };
    if (!answer.ok) throw new Error(`askPage: ${answer.error}`);
    if (answer.value !== 'no-page' || Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function check(
  ext: Extension,
  asker: Page,
  page: Page,
  url: string,
  file: string,
): Promise<PageResult> {
  // Ours only: saved pages may reference other extensions' files themselves.
  const ours = `chrome-extension://${ext.extensionId}/`;
  const fromBackstory = (text: string): boolean =>
    text.includes(ours) || text.includes('Backstory');
  const result: PageResult = {
    file,
    analysed: false,
    label: null,
    anchored: 0,
    orphaned: 0,
    cardOpened: false,
    errors: [],
    mutations: [],
    domChanged: false,
    ms: 0,
  };
  const started = Date.now();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Runtime.enable');
  cdp.on('Runtime.exceptionThrown', (e: { exceptionDetails: unknown }) => {
    const text = JSON.stringify(e.exceptionDetails);
    if (fromBackstory(text)) result.errors.push(`exception: ${text.slice(0, 400)}`);
  });
  const onConsole = (m: { type(): string; text(): string; location(): { url: string } }): void => {
    if (m.type() === 'error' && (fromBackstory(m.location().url) || fromBackstory(m.text()))) {
      result.errors.push(`console: ${m.text().slice(0, 200)} at ${m.location().url}`);
    }
  };
  const onPageError = (e: Error): void => {
    if (fromBackstory(`${e.stack ?? ''} ${e.message}`))
      result.errors.push(`pageerror: ${e.message}`);
  };
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  try {
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 15_000 });
    const pageUrl = page.url();
    // A page without our content script (none found in time) is not analysed, as before.
    const tabId = await tabOfPage(ext.worker, pageUrl, ANALYSIS_TIMEOUT_MS).catch(() => null);
    if (tabId !== null) await askPage(asker, tabId);
    const analysis = await analysisFor(ext, pageUrl, () => true);
    if (analysis) {
      result.analysed = true;
      result.label = analysis.detection.label;
      if (analysis.quotes.some((q) => q.matches.length > 0)) {
        const done = await analysisFor(ext, pageUrl, (a) => a.highlights !== undefined);
        result.anchored = done?.highlights?.anchored ?? 0;
        result.orphaned = done?.highlights?.orphaned ?? 0;
      }
    }
    if (result.anchored > 0) {
      await page.keyboard.press('Alt+Shift+KeyB');
      result.cardOpened = await page
        .waitForFunction((tag) => document.querySelector(tag) !== null, CARD_TAG.toLowerCase(), {
          timeout: 3000,
        })
        .then(() => true)
        .catch(() => false);
      await page.keyboard.press('Escape');
    }
    await page.evaluate(() => new Promise((r) => setTimeout(r, 30)));
    const dom = await page.evaluate((tag) => {
      const w = window as unknown as { __bsMutations?: string[]; __bsDom?: string };
      const clone = document.documentElement.cloneNode(true) as Element;
      clone.querySelectorAll(tag).forEach((e) => e.remove());
      return {
        mutations: w.__bsMutations ?? ['init script did not run'],
        changed: w.__bsDom !== undefined && clone.outerHTML !== w.__bsDom,
      };
    }, CARD_TAG.toLowerCase());
    result.mutations = dom.mutations.slice(0, 5);
    result.domChanged = dom.changed;
  } catch (error) {
    result.errors.push(`harness: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
    await cdp.detach().catch(() => undefined);
    result.ms = Date.now() - started;
  }
  return result;
}

/**
 * Serve `dir` on 127.0.0.1 with the pages' own scripts turned off by Content-Security-Policy
 * (extension content scripts are exempt from a page's CSP).
 */
async function serveWithoutScripts(
  dir: string,
): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = resolve(dir, `.${path}`);
    if (!file.startsWith(resolve(dir)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const html = /\.html?$/i.test(file);
    res.writeHead(200, {
      'content-type': html ? 'text/html; charset=utf-8' : 'application/octet-stream',
      'content-security-policy': "script-src 'none'",
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

describe.skipIf(!existsSync(DATA))('every saved page in ../shared/data', () => {
  let ext: Extension;
  let server: { origin: string; close(): Promise<void> };

  beforeAll(async () => {
    server = await serveWithoutScripts(DATA);
    ext = await launchExtension();
    await ext.context.addInitScript(recordMutations);
    // Nothing leaves 127.0.0.1 (the extension's own files, which the content script imports, are
    // not network requests: a route must not abort them).
    await ext.context.route(
      (url) => url.protocol !== 'chrome-extension:' && !url.href.startsWith(server.origin),
      (route) => route.abort().catch(() => undefined),
    );
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it(
    'see no error and no DOM change from Backstory but its card host',
    { timeout: 420_000 },
    async () => {
      // SHARED_PAGES=<substring> checks only the matching pages (when looking into one).
      const only = process.env['SHARED_PAGES'];
      const files = htmlFiles(DATA).filter((f) => !only || f.includes(only));
      const queue = [...files];
      // An extension page to ask from, as the popup asks.
      const asker = await ext.context.newPage();
      await asker.goto(`chrome-extension://${ext.extensionId}/options/index.html`);
      const results: PageResult[] = [];
      await Promise.all(
        Array.from({ length: PARALLEL }, async () => {
          const page = await ext.context.newPage();
          for (let file = queue.shift(); file; file = queue.shift()) {
            const path = relative(DATA, file).split('/').map(encodeURIComponent).join('/');
            results.push(
              await check(ext, asker, page, `${server.origin}/${path}`, relative(DATA, file)),
            );
          }
          await page.close();
        }),
      );

      await asker.close();
      const diplomacy = results.filter((r) => r.label === 'us-china-diplomacy');
      const sum = (k: 'anchored' | 'orphaned'): number => results.reduce((s, r) => s + r[k], 0);
      console.log(
        [
          `shared pages checked: ${results.length}`,
          `analysed: ${results.filter((r) => r.analysed).length}`,
          `US–China diplomacy: ${diplomacy.length}`,
          `with highlights: ${results.filter((r) => r.anchored > 0).length}`,
          `quotes anchored: ${sum('anchored')}, orphaned: ${sum('orphaned')}`,
          `cards opened: ${results.filter((r) => r.cardOpened).length}`,
        ].join('\n'),
      );
      mkdirSync(join(ROOT, 'out'), { recursive: true });
      writeFileSync(join(ROOT, 'out', 'shared-pages.json'), JSON.stringify(results, null, 1));
      for (const r of results.filter((x) => x.orphaned > 0)) {
        console.log(`  orphaned ${r.orphaned}/${r.anchored + r.orphaned}: ${r.file}`);
      }

      expect(results).toHaveLength(files.length);
      expect(results.filter((r) => r.errors.length > 0).map((r) => [r.file, r.errors])).toEqual([]);
      expect(
        results.filter((r) => r.mutations.length > 0).map((r) => [r.file, r.mutations]),
      ).toEqual([]);
      expect(results.filter((r) => r.domChanged).map((r) => r.file)).toEqual([]);
      expect(results.filter((r) => r.anchored > 0 && !r.cardOpened).map((r) => r.file)).toEqual([]);
    },
  );
});
