/**
 * The worker's library: opened once per worker life with its persisted index entries added to
 * the bundled match index, then kept in step with every store and forget (the live index is
 * changed only after the IndexedDB transaction has committed).
 */
import { LiveIndex } from '../library/live-index.ts';
import { recordFromExtracted } from '../library/record.ts';
import type { SourceLookup } from '../library/sources.ts';
import {
  forgetArticles,
  loadIndexEntries,
  openLibrary,
  putArticles,
  type LibraryDb,
} from '../library/store.ts';
import type { LibraryArticle, LibraryOrigin } from '../library/types.ts';
import type { ExtractedArticle } from '../core/types.ts';
import type { LoadedCorpus } from '../corpus/types.ts';
import { getCorpus } from './corpus.ts';

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
  const live = new LiveIndex(bundled.index.match);
  const { entries, skipped } = await loadIndexEntries(db);
  for (const e of entries) live.add(e);
  const corpus: LoadedCorpus = { ...bundled, match: live.index };
  return {
    db,
    live,
    corpus,
    lookup: { library: live.sources, bundled: bundled.articles, index: live.index },
    skipped,
  };
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
  const result = await putArticles(lib.db, records, opts);
  for (const e of result.entries) lib.live.add(e);
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
  const ids = await forgetArticles(lib.db, which);
  for (const id of ids) lib.live.remove(id);
  return ids.length;
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
