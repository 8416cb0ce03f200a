/**
 * The worker's library: opened once per worker life with its persisted index entries added to
 * the bundled match index, then kept in step with every store and forget (the live index is
 * changed only after the IndexedDB transaction has committed). Changes run one at a time; a
 * snapshot of the live index is written a little after the last change (and after a load that
 * had to replay changes), so the next worker starts from it.
 */
import { comparedArticles, withBodies } from '../library/bodies.ts';
import { LiveIndex } from '../library/live-index.ts';
import { recordFromExtracted } from '../library/record.ts';
import type { SourceLookup } from '../library/sources.ts';
import {
  forgetArticles,
  loadLiveIndex,
  openLibrary,
  putArticles,
  saveSnapshot,
  type LibraryDb,
} from '../library/store.ts';
import type { LibraryArticle, LibraryOrigin } from '../library/types.ts';
import type { MatchOptions } from '../core/match/options.ts';
import type { ExtractedArticle } from '../core/types.ts';
import type { LoadedCorpus } from '../corpus/types.ts';
import { getCorpus } from './corpus.ts';
import { reportLibraryProblem } from './library-requests.ts';

export interface Library {
  db: LibraryDb;
  live: LiveIndex;
  /** The bundled corpus with the library's articles in its match index. */
  corpus: LoadedCorpus;
  lookup: SourceLookup;
  /** Damaged records skipped when the library was loaded. */
  skipped: number;
}

let opening: Promise<Library> | null = null;

async function open(): Promise<Library> {
  const [bundled, db] = await Promise.all([getCorpus(), openLibrary()]);
  const { live, skipped, from, replayed } = await loadLiveIndex(db, bundled.index.match);
  if (from === 'entries' || replayed > 0) scheduleSnapshot(db, live);
  const corpus: LoadedCorpus = { ...bundled, match: live.index };
  return {
    db,
    live,
    corpus,
    lookup: { library: live.sources, bundled: bundled.articles, index: live.index },
    skipped,
  };
}

/** Library changes (and snapshots), one at a time, in the order asked. */
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

const SNAPSHOT_DELAY_MS = 2000;
let snapshotTimer: ReturnType<typeof setTimeout> | null = null;
/** Writes the snapshot once changes have paused; a failure leaves the log to be replayed. */
function scheduleSnapshot(db: LibraryDb, live: LiveIndex): void {
  if (snapshotTimer !== null) clearTimeout(snapshotTimer);
  snapshotTimer = setTimeout(() => {
    snapshotTimer = null;
    serial(() => saveSnapshot(db, live)).catch((err: unknown) => {
      const why = err instanceof Error ? err.message : String(err);
      // The articles are safe (the change log keeps what the snapshot would have held); the
      // reader sees why the next start may be slower.
      void reportLibraryProblem(
        new Error(
          `Backstory could not save its quick-start copy of the library index (${why}). Your library is intact; the next start reads it in full.`,
        ),
      );
    });
  }, SNAPSHOT_DELAY_MS);
}

export function getLibrary(): Promise<Library> {
  opening ??= open();
  opening.catch(() => {
    opening = null;
  });
  return opening;
}

/** Stores articles (one file's worth) and adds them to the live index. */
export async function storeArticles(
  records: readonly LibraryArticle[],
  opts: { exact?: boolean } = {},
): Promise<{ added: number; updated: number; stored: LibraryArticle[] }> {
  const lib = await getLibrary();
  const result = await serial(async () => {
    const r = await putArticles(lib.db, records, lib.corpus.tables, opts);
    for (const e of r.entries) lib.live.add(e);
    return r;
  });
  scheduleSnapshot(lib.db, lib.live);
  return { added: result.added, updated: result.updated, stored: result.stored };
}

export async function storePage(
  extracted: ExtractedArticle,
  pageUrl: string,
  origin: LibraryOrigin,
): Promise<{ added: number; updated: number; stored: LibraryArticle[] }> {
  return storeArticles([recordFromExtracted(extracted, pageUrl, origin)]);
}

export async function forget(which: {
  ids?: string[];
  site?: string;
  all?: boolean;
}): Promise<number> {
  const lib = await getLibrary();
  const ids = await serial(async () => {
    const removed = await forgetArticles(lib.db, which);
    for (const id of removed) lib.live.remove(id);
    return removed;
  });
  scheduleSnapshot(lib.db, lib.live);
  return ids.length;
}

/**
 * Runs `run` (an analysis of `extracted`) over the library without `exclude` (the page's own
 * copies), the texts of the articles it compares read first when a restart left them unread.
 */
export async function overLibrary<T>(
  lib: Library,
  exclude: Iterable<string>,
  extracted: ExtractedArticle,
  opts: MatchOptions,
  run: () => T,
): Promise<T> {
  const { result, skipped } = await withBodies(
    lib.db,
    lib.live,
    exclude,
    () => comparedArticles(extracted, lib.corpus, opts),
    run,
  );
  if (skipped > 0) {
    // Damaged entries found on the way are out of the live index; the next snapshot drops them.
    lib.skipped += skipped;
    scheduleSnapshot(lib.db, lib.live);
  }
  return result;
}

/** Library articles that are this page (stored under its address): never its own coverage. */
export async function libraryIdsOf(
  lib: Library,
  urls: (string | null | undefined)[],
): Promise<string[]> {
  const out = new Set<string>();
  for (const url of urls) {
    if (!url) continue;
    for (const index of ['url', 'canonical'] as const) {
      const keys = await lib.db.getAllKeysFromIndex('articles', index, url);
      for (const k of keys) out.add(k);
    }
  }
  return [...out];
}
