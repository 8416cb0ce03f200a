/**
 * The built extension in real Chromium: launch it with dist/ loaded, serve pages from 127.0.0.1,
 * and read what the extension stored and showed. Used by `npm start`, the end-to-end tests and
 * the benchmarks that need the extension.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { StoredAnalysis } from '../src/analysis-store.ts';
import { chromiumSandbox, extensionArgs, findChrome, INSTALL_HINT } from './chrome.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const DIST = join(ROOT, 'dist');

export interface Extension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  userDataDir: string;
  /** Every URL any page or worker of the browser requested. */
  requests: string[];
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

export async function launchExtension(
  opts: { userDataDir?: string; headless?: boolean; dist?: string; lang?: string } = {},
): Promise<Extension> {
  const dist = opts.dist ?? DIST;
  if (!existsSync(join(dist, 'manifest.json'))) {
    throw new Error('dist/ is missing: run `npm run build` before the end-to-end tests');
  }
  const executablePath = findChrome();
  if (!executablePath) throw new Error(INSTALL_HINT);
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'backstory-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: opts.headless ?? true,
    // The interface language (`zh-CN`): Chromium on Linux reads it from LANGUAGE, not --lang.
    args: [...extensionArgs(dist), ...(opts.lang ? [`--lang=${opts.lang}`] : [])],
    ...(opts.lang
      ? { env: { ...process.env, LANGUAGE: opts.lang.replace('-', '_'), LANG: 'C.UTF-8' } }
      : {}),
    // Playwright adds --no-sandbox unless told otherwise; only root needs it (extensionArgs).
    chromiumSandbox: chromiumSandbox(),
    viewport: { width: 1200, height: 900 },
  });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith('chrome-extension://'),
    }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    userDataDir,
    requests,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.png': 'image/png',
};

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  /** Add or replace a route served from memory. */
  set(path: string, body: string, type?: string): void;
  close(): Promise<void>;
}

/** Serve files from `dir` (and in-memory routes) on 127.0.0.1 at a free port. */
export async function serveFixtures(dir: string): Promise<FixtureServer> {
  const routes = new Map<string, { body: string; type: string }>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const route = routes.get(path);
    if (route) {
      res.writeHead(200, { 'content-type': route.type });
      res.end(route.body);
      return;
    }
    const file = resolve(dir, `.${path}`);
    if (!file.startsWith(resolve(dir)) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path.startsWith('/') ? path : `/${path}`}`,
    set: (path, body, type = 'text/html; charset=utf-8') => routes.set(path, { body, type }),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/**
 * Anything that runs code inside the extension: its service worker or one of its pages, in
 * Chromium (Playwright) or Firefox (puppeteer).
 */
export interface ExtensionContext {
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
}

/** Wait until the extension has stored an analysis for `pageUrl` (and `accept` likes it). */
export async function waitForAnalysis(
  /** The service worker, or any extension page (both can read storage.session). */
  worker: ExtensionContext,
  pageUrl: string,
  accept: (a: StoredAnalysis) => boolean = () => true,
  timeoutMs = 20_000,
): Promise<{ tabId: number; analysis: StoredAnalysis }> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
    // `browser` in Firefox, `chrome` in Chromium.
    const all = (await worker.evaluate(() =>
      ((globalThis as { browser?: typeof chrome }).browser ?? chrome).storage.session.get(null),
    )) as Record<string, StoredAnalysis>;
    for (const [key, analysis] of Object.entries(all)) {
      if (!key.startsWith('analysis:') || analysis.pageUrl !== pageUrl) continue;
      last = analysis;
      if (accept(analysis)) return { tabId: Number(key.slice('analysis:'.length)), analysis };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `no analysis for ${pageUrl} within ${timeoutMs} ms; last: ${JSON.stringify(last)?.slice(0, 500)}`,
  );
}

/**
 * The id of the tab whose page is at `pageUrl`, asked of each tab's content script: a page that
 * names no Chinese actor stores nothing until asked (the popup asks), so storage cannot say.
 */
export async function tabOfPage(
  ext: ExtensionContext,
  pageUrl: string,
  timeoutMs = 20_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const addresses = await ext.evaluate(async () => {
      // `browser` in Firefox, `chrome` in Chromium.
      const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
      const message = { backstory: 1, to: 'content', method: 'pageAddress', params: {} };
      const tabs = await api.tabs.query({});
      return Promise.all(
        tabs.map(async (tab) => {
          const answer = (await api.tabs.sendMessage(tab.id ?? -1, message).catch(() => null)) as {
            ok?: boolean;
            value?: string;
          } | null;
          return [tab.id ?? -1, answer?.ok ? (answer.value ?? '') : ''] as const;
        }),
      );
    });
    const found = addresses.find(([, address]) => address === pageUrl);
    if (found) return found[0];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no tab's page is at ${pageUrl} within ${timeoutMs} ms`);
}

export async function badgeText(worker: Worker, tabId: number): Promise<string> {
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Open the popup as a tab, bound to `tabId` (a real popup binds to the active tab). */
export async function openPopup(ext: Extension, tabId: number): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 420, height: 700 });
  await page.goto(`chrome-extension://${ext.extensionId}/popup/index.html?tabId=${tabId}`);
  return page;
}

/**
 * Let the popup grow to its full height: in the toolbar it is a fixed frame whose middle
 * scrolls, so a full-page screenshot of it as it is shows the first screen only.
 */
export async function unfoldPopup(popup: Page): Promise<void> {
  await popup.addStyleTag({
    content:
      'body, #app, .shell { height: auto !important; overflow: visible !important; } ' +
      '.scroll { overflow: visible !important; flex: none !important; }',
  });
}

/** The text of every range registered in the page's Backstory highlight. */
export async function highlightedTexts(page: Page, name = 'backstory-quote'): Promise<string[]> {
  return page.evaluate((n) => {
    const h = CSS.highlights.get(n);
    return h ? [...h].map((r) => (r as Range).toString()) : [];
  }, name);
}
