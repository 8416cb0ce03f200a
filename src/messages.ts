/**
 * The typed call maps between Backstory's contexts: one interface per direction, one documented
 * method per message. Senders derive parameter and result types from these maps; every call
 * returns a serialisable `Result`, so no exception ever crosses a context boundary.
 */
import type {
  Analysis,
  Detection,
  EventKind,
  ExtractedArticle,
  HighlightStats,
} from './core/types.ts';
import type { LibraryArticle } from './library/types.ts';

/** Content script → background service worker. */
export interface ContentToBackground {
  /**
   * Match the article the content script extracted; stores and returns the tab's analysis, with
   * the run id the worker gave it (reports about the page name that run).
   */
  analyzePage(params: {
    pageUrl: string;
    extracted: ExtractedArticle;
    detection: Detection;
    /** The reader asked to analyse a page that detection did not flag. */
    force: boolean;
  }): Analysis & { pageUrl: string; run: number };
  /**
   * How many matched quotes the content script placed on the page of `run`, and how many it
   * could not. False: the run is no longer the tab's analysis, and the report was dropped.
   */
  reportHighlights(params: { run: number; stats: HighlightStats }): boolean;
  /**
   * The article of `run` went away (single-page navigation to a non-article); forget the tab's
   * analysis unless a newer run has replaced it (false then).
   */
  clearPage(params: { pageUrl: string; run: number }): boolean;
}

/** Popup or options page → background service worker. */
export interface UiToBackground {
  /**
   * The tab has no stored analysis: ask its page for its verdict (a page that names no Chinese
   * actor sends none until asked) and store it. `stored`: stored now; `pending`: the page's own
   * analysis is under way and will be stored when done; `no-page`: no content script of ours
   * answers in the tab (not an http(s) page, open since before Backstory started, still loading,
   * or no such tab). Any other failure is an error.
   */
  askPage(params: { tabId: number }): 'stored' | 'pending' | 'no-page';
  /** Re-run the analysis of a tab even though detection did not flag it. */
  analyzeAnyway(params: { tabId: number }): boolean;
  /** Run the analysis of a tab again as usual (after the reader changed a setting). */
  reanalyzeTab(params: { tabId: number }): boolean;
  /** Scroll the page of a tab to one of its quotes and flash it. */
  revealQuote(params: { tabId: number; quoteIndex: number }): boolean;
  /** The reader says a corpus article is not the same story: remember it, re-run the tab. */
  markNotSameStory(params: { tabId: number; articleId: string }): boolean;
  /** What the bundled corpus holds (options page). */
  corpusSummary(params: Record<string, never>): CorpusSummary;
  /** PLA aircraft counts near Taiwan up to `until` (`YYYY-MM-DD`, or null for all), by date. */
  incursionSeries(params: { until: string | null }): IncursionPoint[];
  /** Keep a tab's article in the reader's library ("reading": it is being read in full first). */
  savePage(params: { tabId: number }): 'saved' | 'updated' | 'reading';
  /**
   * Store one import file's articles, all or none. `exact`: records in the library's own
   * schema, kept as written (an export imported back).
   */
  libraryImport(params: { file: string; articles: LibraryArticle[]; exact: boolean }): {
    added: number;
    updated: number;
  };
  /** Forget library articles: by id, a site's, or all; returns how many were forgotten. */
  libraryForget(params: { ids?: string[]; site?: string; all?: boolean }): number;
  /** The library's size and health as the worker sees it. */
  libraryState(params: Record<string, never>): LibraryState;
}

/** The reader's library as the worker holds it. */
export interface LibraryState {
  articles: number;
  /** Damaged records skipped when the library was loaded. */
  skipped: number;
  /** The last problem keeping a page in the library, if any. */
  problem: string | null;
}

/** Counts and date ranges of the bundled corpus. */
export interface CorpusSummary {
  articles: number;
  outlets: number;
  languages: string[];
  /** First and last article date, or null when no article is dated. */
  articleDates: { from: string; to: string } | null;
  events: number;
  eventsByKind: Partial<Record<EventKind, number>>;
  eventDates: { from: string; to: string } | null;
}

/** One reported count of PLA aircraft near Taiwan. */
export interface IncursionPoint {
  date: string;
  aircraft: number;
  /** What the count measures, e.g. ADIZ entries in one day or aircraft detected around Taiwan. */
  counted: string;
  /** True when the count is wider than aircraft entering the ADIZ (detected around Taiwan). */
  wider: boolean;
  title: string;
  eventId: string;
}

/** Background service worker → content script of one tab. */
export interface BackgroundToContent {
  /** Run the pipeline again; `force` analyses even if detection says it is not diplomacy. */
  reanalyze(params: { force: boolean }): boolean;
  /** Scroll to the quote with this index in the tab's analysis and flash it. */
  revealQuote(params: { quoteIndex: number }): boolean;
  /**
   * The page's verdict for the worker, which found none stored (the popup asked): a page that
   * names no Chinese actor sends none by itself, and from this call on keeps the worker's copy
   * current (single-page navigation). Null while the rest of the content script analyses the
   * page: that analysis is sent when done.
   */
  verdict(params: Record<string, never>): PageVerdict | null;
  /** The page's address now: is a stored analysis still this tab's page? */
  pageAddress(params: Record<string, never>): string;
}

/** A page's verdict as the content script sends it to be matched (ContentToBackground.analyzePage). */
export interface PageVerdict {
  pageUrl: string;
  extracted: ExtractedArticle;
  detection: Detection;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** The envelope every message travels in; `to` names the receiving context. */
export interface Envelope<Map, K extends keyof Map = keyof Map> {
  backstory: 1;
  to: 'background' | 'content';
  method: K;
  params: Map[K] extends (params: infer P) => unknown ? P : never;
}

export type Params<Map, K extends keyof Map> = Map[K] extends (params: infer P) => unknown
  ? P
  : never;
export type Returns<Map, K extends keyof Map> = Map[K] extends (...args: never[]) => infer R
  ? R
  : never;

/** Handlers for a call map: each may be sync or async and receives the sender. */
export type Handlers<Map, Sender> = {
  [K in keyof Map]: (
    params: Params<Map, K>,
    sender: Sender,
  ) => Returns<Map, K> | Promise<Returns<Map, K>>;
};

export function isEnvelope(value: unknown): value is Envelope<Record<string, unknown>, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { backstory?: unknown }).backstory === 1 &&
    typeof (value as { method?: unknown }).method === 'string'
  );
}

/** Run a handler and wrap its outcome, so that errors travel as data. */
export async function settle<T>(run: () => T | Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The envelope for a call of `method` on the context `to`. */
export function envelope<Map, K extends keyof Map>(
  to: Envelope<Map, K>['to'],
  method: K,
  params: Params<Map, K>,
): Envelope<Map, K> {
  return { backstory: 1, to, method, params } as Envelope<Map, K>;
}

/** The value of an answer, or the error it carries (no answer at all is an error too). */
export function unwrap<T>(result: unknown): T {
  const r = result as Result<T> | undefined;
  if (!r || typeof r !== 'object' || !('ok' in r)) throw new Error('Backstory: no answer');
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/**
 * The answer of `handlers` to a received message, or undefined when the message is not for
 * them: from another extension or a web page (`senderId` is not `ownId`), not in our envelope,
 * or addressed to another context. Never handled then, never answered.
 */
export function answer<Map, Sender>(
  message: unknown,
  sender: Sender,
  ids: { senderId: string | undefined; ownId: string },
  to: 'background' | 'content',
  handlers: Handlers<Map, Sender>,
): Promise<Result<unknown>> | undefined {
  if (ids.senderId !== ids.ownId) return undefined;
  if (!isEnvelope(message) || message.to !== to) return undefined;
  const handler = (handlers as Record<string, unknown>)[message.method];
  if (typeof handler !== 'function') {
    return Promise.resolve({ ok: false, error: `unknown method ${message.method}` });
  }
  return settle(() => (handler as (p: unknown, s: Sender) => unknown)(message.params, sender));
}
