/**
 * Runs the page analysis once at start and again whenever the article on the page changes
 * without a reload (single-page news sites). A content script lives in an isolated world and
 * cannot see the page's own history.pushState calls, so changes are noticed by:
 *   - the Navigation API's `currententrychange` events where the browser has them (every change
 *     of address, pushState and the back button included); elsewhere a cheap poll of
 *     location.href (catches pushState/replaceState) and popstate,
 *   - a MutationObserver that notices when the page's headline or title is replaced (from the
 *     start, or from `watchContent()` on: see WatchOptions.content).
 * A re-run waits until the page settles (no DOM mutations for `settleMs`, bounded), aborts
 * the previous run's signal first, and everything stops when `opts.signal` aborts.
 * It only observes: it never modifies the page DOM.
 */
import { bodyOf, queryOne, rootOf, textStart, titleOf } from '../src/core/dom-safe.ts';
import { withoutFragment } from '../src/page-address.ts';

export interface WatchOptions {
  signal: AbortSignal;
  /** Quiet time (ms) after the last DOM mutation before re-running. Default 600. */
  settleMs?: number;
  /** How often location.href is compared (ms). Default 400. */
  pollMs?: number;
  /**
   * Also watch the page's content (the MutationObserver and the headline). Default true; false
   * watches the address only, until `watchContent()`: a page that names no Chinese actor pays
   * for no observer and no look at its headline.
   */
  content?: boolean;
}

/** The watcher of one page. */
export interface PageWatch {
  /** Start watching the page's content too (see WatchOptions.content); once is enough. */
  watchContent(): void;
}

type Run = (signal: AbortSignal) => void | Promise<void>;

/** The URL without its fragment: a #hash jump is the same article. */
function pageUrl(): string {
  return withoutFragment(location.href);
}

/** What identifies the article shown: URL, title and first headline. */
function signature(): string {
  const h1 = textStart(queryOne(document, 'h1'), 200);
  return `${pageUrl()}\n${titleOf(document)}\n${h1}`;
}

interface NavigationLike extends EventTarget {
  addEventListener(
    type: 'currententrychange',
    listener: () => void,
    options?: AddEventListenerOptions,
  ): void;
}

/** The window's Navigation API (Chromium 102+), or null. */
function navigationApi(): NavigationLike | null {
  const nav = (globalThis as { navigation?: unknown }).navigation;
  return typeof nav === 'object' && nav !== null && 'addEventListener' in nav
    ? (nav as NavigationLike)
    : null;
}

export function watchPage(run: Run, opts: WatchOptions): PageWatch {
  const { signal } = opts;
  let observer: MutationObserver | null = null;
  const watch: PageWatch = {
    watchContent: () => {
      if (observer || signal.aborted) return;
      lastSignature = signature();
      // Mutations (re)arm the settle timer; the signature check in fire() decides whether the
      // article was replaced, so ads and tickers that mutate the page cost one cheap check.
      observer = new MutationObserver(schedule);
      const target = bodyOf(document) ?? rootOf(document);
      if (target)
        observer.observe(target, { childList: true, subtree: true, characterData: false });
    },
  };
  if (signal.aborted) return watch;
  const settleMs = opts.settleMs ?? 600;
  const pollMs = opts.pollMs ?? 400;
  // A page that never stops mutating still gets its re-run after this long.
  const maxWaitMs = Math.max(settleMs * 8, 3000);

  let current: AbortController | null = null;
  let lastSignature = '';
  let lastUrl = pageUrl();
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let waitingSince = 0;
  let urlChanged = false;

  const start = (): void => {
    if (signal.aborted) return;
    current?.abort();
    const controller = new AbortController();
    current = controller;
    if (observer) lastSignature = signature();
    lastUrl = pageUrl();
    urlChanged = false;
    try {
      const result = run(controller.signal);
      if (result && typeof (result as Promise<void>).catch === 'function') {
        (result as Promise<void>).catch(() => undefined);
      }
    } catch {
      // A failing run must not break the watcher or the page.
    }
  };

  const fire = (): void => {
    settleTimer = undefined;
    waitingSince = 0;
    if (signal.aborted) return;
    if (urlChanged || (observer && signature() !== lastSignature)) start();
  };

  /** (Re)arm the settle timer: fire once nothing has changed for settleMs. */
  const schedule = (): void => {
    if (signal.aborted) return;
    const now = Date.now();
    if (!waitingSince) waitingSince = now;
    if (settleTimer !== undefined) clearTimeout(settleTimer);
    const remaining = Math.max(0, waitingSince + maxWaitMs - now);
    settleTimer = setTimeout(fire, Math.min(settleMs, remaining));
  };

  const checkUrl = (): void => {
    const url = pageUrl();
    if (url !== lastUrl) {
      lastUrl = url;
      urlChanged = true;
      // Abort the run for the old article right away; the new one starts once settled.
      current?.abort();
      schedule();
    }
  };

  const nav = navigationApi();
  const onNavigate = (): void => {
    // The URL is updated after the event; look again on the next task.
    setTimeout(checkUrl, 0);
  };
  nav?.addEventListener('currententrychange', onNavigate);
  // Without the Navigation API: a timer on the page for as long as it is open.
  const poll = nav ? undefined : setInterval(checkUrl, pollMs);
  const onPopState = (): void => checkUrl();
  if (!nav) window.addEventListener('popstate', onPopState);

  if (opts.content !== false) watch.watchContent();

  signal.addEventListener(
    'abort',
    () => {
      if (poll !== undefined) clearInterval(poll);
      if (settleTimer !== undefined) clearTimeout(settleTimer);
      window.removeEventListener('popstate', onPopState);
      nav?.removeEventListener('currententrychange', onNavigate);
      observer?.disconnect();
      current?.abort();
      current = null;
    },
    { once: true },
  );

  start();
  return watch;
}
