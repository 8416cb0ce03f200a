/**
 * End-to-end harness for Firefox: the Firefox build (dist-firefox/) in real headless Firefox ESR,
 * driven by puppeteer-core over WebDriver BiDi. Every request the browser sends goes through a
 * local proxy that records it and passes on only those for the fixture server, so a test can
 * check that the extension reaches nothing else (Firefox shows a test neither the background
 * script's nor the extension pages' requests).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import type { StoredAnalysis } from '../../src/analysis-store.ts';
import {
  ROOT,
  serveFixtures,
  tabOfPage as tabOfPageIn,
  waitForAnalysis as waitForStoredAnalysis,
  type ExtensionContext,
  type FixtureServer,
} from '../../scripts/extension-browser.ts';
import { highlightRulesInPage } from './highlight-helpers.ts';

export { ROOT };

export const FIREFOX = process.env['FIREFOX_PATH'] || '/usr/bin/firefox-esr';
export const DIST_FIREFOX = process.env['BACKSTORY_DIST_FIREFOX'] || join(ROOT, 'dist-firefox');
export const SCREENSHOTS = join(ROOT, 'out', 'screenshots');
/** The gecko id of the Firefox build (vite.config.ts). */
const GECKO_ID = 'backstory@backstory.invalid';
/** A fixed internal id, so the extension's pages are at a known moz-extension:// origin. */
const EXTENSION_UUID = '6f0c2d1e-8b4a-4c3e-9d2f-b4c5d6e7f801';

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}

/** The fixture server, behind a proxy that records every request the browser sends. */
export interface Network {
  fixtures: FixtureServer;
  proxyPort: number;
  /** Every request that reached the proxy: absolute URLs, and `CONNECT host:port` for TLS. */
  requests: string[];
  close(): Promise<void>;
}

export async function startNetwork(): Promise<Network> {
  const fixtures = await serveFixtures(ROOT);
  const requests: string[] = [];
  const proxy: Server = createServer((req, res) => {
    const raw = req.url ?? '';
    requests.push(raw);
    let target: URL | null = null;
    try {
      target = new URL(raw);
    } catch {
      target = null;
    }
    if (!target || target.origin !== fixtures.origin) {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('not reachable in the tests');
      return;
    }
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  proxy.on('connect', (req, socket) => {
    requests.push(`CONNECT ${req.url ?? ''}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((ok) => proxy.listen(0, '127.0.0.1', ok));
  const address = proxy.address();
  const proxyPort = typeof address === 'object' && address ? address.port : 0;
  return {
    fixtures,
    proxyPort,
    requests,
    async close() {
      proxy.closeAllConnections();
      await new Promise<void>((ok) => proxy.close(() => ok()));
      await fixtures.close();
    },
  };
}

export interface FirefoxExtension {
  browser: Browser;
  /** moz-extension://<uuid>, where the extension's pages are. */
  origin: string;
  userDataDir: string;
  /** An extension page kept open to read the extension's storage and badge. */
  state: Page;
  /** Open one of the extension's pages (e.g. `popup/index.html?tabId=3`) in a new tab. */
  openPage(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

export async function launchFirefox(opts: {
  proxyPort: number;
  userDataDir?: string;
  dist?: string;
}): Promise<FirefoxExtension> {
  const dist = opts.dist ?? DIST_FIREFOX;
  if (!existsSync(join(dist, 'manifest.json'))) {
    throw new Error('dist-firefox/ is missing: run `npm run build:firefox` before these tests');
  }
  if (!existsSync(FIREFOX)) {
    throw new Error(`no Firefox at ${FIREFOX}: install firefox-esr or set FIREFOX_PATH`);
  }
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'backstory-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir,
    defaultViewport: { width: 1200, height: 900 },
    // Lets the driver navigate to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    // A release build honours the Remote Settings server pref below only with this set.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // Every request, local ones included, goes through the recording proxy.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': opts.proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': opts.proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // Firefox's own Remote Settings polling goes nowhere, so that what reaches the proxy is
      // the pages' and the extension's requests only.
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
    },
  });
  try {
    const id = await browser.installExtension(dist);
    if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
    const origin = `moz-extension://${EXTENSION_UUID}`;
    const openPage = async (
      path: string,
      viewport?: { width: number; height: number },
    ): Promise<Page> => {
      const page = await browser.newPage();
      if (viewport) await page.setViewport(viewport);
      await gotoExtensionPage(page, `${origin}/${path}`);
      return page;
    };
    // A popup bound to a tab that does not exist: it only waits, and can read storage.
    const state = await openPage('popup/index.html?tabId=-1');
    return {
      browser,
      origin,
      userDataDir,
      state,
      openPage,
      async close({ keepProfile = false } = {}) {
        await browser.close();
        if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Navigate to an extension page. Firefox sends no navigation events for extension pages
 * (Mozilla bug 1755014), so `page.goto` would time out: navigate without waiting, then poll.
 */
async function gotoExtensionPage(page: Page, url: string, timeoutMs = 15_000): Promise<void> {
  const frame = page.mainFrame() as unknown as {
    browsingContext: { navigate(url: string, wait: 'none'): Promise<unknown> };
  };
  await frame.browsingContext.navigate(url, 'none');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = await page
      .evaluate((u) => location.href === u && document.readyState === 'complete', url)
      .catch(() => false);
    if (ready) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not load within ${timeoutMs} ms`);
}

export interface FirefoxSuite {
  readonly ext: FirefoxExtension;
  readonly net: Network;
}

/** One Firefox with the extension, and the network, for the test file that calls this. */
export function useFirefox(): FirefoxSuite {
  let ext: FirefoxExtension | null = null;
  let net: Network | null = null;
  beforeAll(async () => {
    net = await startNetwork();
    ext = await launchFirefox({ proxyPort: net.proxyPort });
  });
  afterAll(async () => {
    await ext?.close();
    await net?.close();
  });
  const started = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`${what} is not started (use inside tests)`);
    return value;
  };
  return {
    get ext() {
      return started(ext, 'Firefox');
    },
    get net() {
      return started(net, 'the network');
    },
  };
}

/** Open a web page in a new tab. */
export async function visit(ext: FirefoxExtension, url: string): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.goto(url);
  return page;
}

/** Wait until the extension has stored an analysis for `pageUrl` (and `accept` likes it). */
export function waitForAnalysis(
  ext: FirefoxExtension,
  pageUrl: string,
  accept?: (a: StoredAnalysis) => boolean,
  timeoutMs?: number,
): Promise<{ tabId: number; analysis: StoredAnalysis }> {
  // puppeteer types the result as Awaited<R>: the same value the shared helper expects.
  const state: ExtensionContext = {
    evaluate: <R>(fn: () => R | Promise<R>) => ext.state.evaluate(fn) as Promise<R>,
  };
  return waitForStoredAnalysis(state, pageUrl, accept, timeoutMs);
}

/** The id of the tab whose page is at `pageUrl` (asked of the pages: see the shared helper). */
export function tabOfPage(ext: FirefoxExtension, pageUrl: string): Promise<number> {
  const state: ExtensionContext = {
    evaluate: <R>(fn: () => R | Promise<R>) => ext.state.evaluate(fn) as Promise<R>,
  };
  return tabOfPageIn(state, pageUrl);
}

/** The analysis stored for `tabId`, or null. */
export async function storedAnalysis(
  ext: FirefoxExtension,
  tabId: number,
): Promise<StoredAnalysis | null> {
  return ext.state.evaluate(async (key) => {
    const got = await (
      globalThis as unknown as { browser: typeof chrome }
    ).browser.storage.session.get(key);
    return (got[key] as StoredAnalysis | undefined) ?? null;
  }, `analysis:${tabId}`);
}

export async function badgeText(ext: FirefoxExtension, tabId: number): Promise<string> {
  return ext.state.evaluate(
    (id) =>
      (globalThis as unknown as { browser: typeof chrome }).browser.action.getBadgeText({
        tabId: id,
      }),
    tabId,
  );
}

/** The reader's stored settings, as the popup and the options page write them. */
export async function storedSettings(ext: FirefoxExtension): Promise<Record<string, unknown>> {
  return ext.state.evaluate(async () => {
    const { settings } = await (
      globalThis as unknown as { browser: typeof chrome }
    ).browser.storage.local.get('settings');
    return (settings ?? {}) as Record<string, unknown>;
  });
}

/** Open the popup as a tab, bound to `tabId` (a real popup binds to the active tab). */
export function openPopup(ext: FirefoxExtension, tabId: number): Promise<Page> {
  return ext.openPage(`popup/index.html?tabId=${tabId}`, { width: 420, height: 700 });
}

/** The visible text of the page's <main>, or '' before it renders. */
export async function mainText(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('main')?.innerText ?? '');
}

/** Click the element matching `selector` whose text (trimmed) is `text`. */
export async function clickByText(page: Page, selector: string, text: string): Promise<void> {
  for (const handle of await page.$$(selector)) {
    const own = await handle.evaluate((el) => (el.textContent ?? '').trim());
    if (own === text) {
      await handle.click();
      return;
    }
  }
  throw new Error(`no ${selector} with the text "${text}"`);
}

/** The selectors of the `::highlight()` rules in the page's adopted stylesheets. */
export async function highlightRules(page: Page): Promise<string[]> {
  return page.evaluate(highlightRulesInPage);
}

export async function highlightedTexts(page: Page, name = 'backstory-quote'): Promise<string[]> {
  return page.evaluate((n) => {
    const h = CSS.highlights.get(n);
    return h ? [...h].map((r) => (r as Range).toString().replace(/\s+/g, ' ')) : [];
  }, name);
}

/** Scroll the highlighted range containing `text` into view and move the mouse onto it. */
export async function hoverQuote(page: Page, text: string): Promise<void> {
  const point = await page.evaluate((t) => {
    const ranges = [...(CSS.highlights.get('backstory-quote') ?? [])] as Range[];
    const range = ranges.find((r) => r.toString().replace(/\s+/g, ' ').includes(t));
    if (!range) return null;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0];
    return rect ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : null;
  }, text);
  if (!point) throw new Error(`no highlighted range with "${text}" on screen`);
  await page.mouse.move(point.x, point.y, { steps: 4 });
}

export interface CardState {
  /** How many card host elements are in the page. */
  hosts: number;
  open: boolean;
  text: string;
}

interface BidiSession {
  send(method: string, params: object): Promise<{ result: BidiResult }>;
}
type BidiResult =
  | { type: 'success'; result: { type: string; value?: unknown; sharedId?: string } }
  | { type: 'exception'; exceptionDetails: { text: string } };

/**
 * The card's state. It lives in a closed shadow root, out of reach of page scripts; WebDriver
 * BiDi serializes closed shadow roots when asked (`includeShadowTree: 'all'`), and the root's
 * id can then be handed to a function run in the page.
 */
export async function cardState(page: Page): Promise<CardState> {
  const context = (
    page.mainFrame() as unknown as {
      browsingContext: { id: string; userContext: { browser: { session: BidiSession } } };
    }
  ).browsingContext;
  const session = context.userContext.browser.session;
  const target = { context: context.id };
  const unwrap = (r: BidiResult) => {
    if (r.type !== 'success') throw new Error(r.exceptionDetails.text);
    return r.result;
  };
  const hosts = await page.evaluate(() => document.querySelectorAll('backstory-card').length);
  if (hosts === 0) return { hosts, open: false, text: '' };
  const host = unwrap(
    (
      await session.send('script.evaluate', {
        expression: 'document.querySelector("backstory-card")',
        target,
        awaitPromise: false,
        serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
      })
    ).result,
  ) as { value?: { shadowRoot?: { sharedId?: string } | null } };
  const shadowId = host.value?.shadowRoot?.sharedId;
  if (!shadowId) return { hosts, open: false, text: '' };
  const state = unwrap(
    (
      await session.send('script.callFunction', {
        functionDeclaration: `function (root) {
          const card = root.querySelector('.card');
          return JSON.stringify({ open: !!card && !card.hidden, text: card ? card.innerText : '' });
        }`,
        arguments: [{ sharedId: shadowId }],
        target,
        awaitPromise: false,
      })
    ).result,
  );
  return { hosts, ...(JSON.parse(String(state.value)) as { open: boolean; text: string }) };
}
