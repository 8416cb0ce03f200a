/**
 * The library in IndexedDB (the extension's own origin): articles, and beside each its persisted
 * share of the match index. Every change writes both in one transaction, so a worker stopped
 * mid-write leaves either both or neither. Schema migrations run from the first version on.
 */
import {
  openDB,
  type DBSchema,
  type IDBPDatabase,
  type IDBPObjectStore,
  type IDBPTransaction,
} from 'idb';
import { indexEntryFor, isIndexEntry, sourceOf, type IndexEntry } from './live-index.ts';
import { mergeRecord } from './record.ts';
import { LIBRARY_SCHEMA_VERSION, type LibraryArticle } from './types.ts';

export const LIBRARY_DB = 'backstory-library';

interface LibrarySchema extends DBSchema {
  articles: {
    key: string;
    value: LibraryArticle;
    indexes: { url: string; canonical: string; textHash: string; site: string; addedAt: string };
  };
  index: { key: string; value: IndexEntry };
}

export type LibraryDb = IDBPDatabase<LibrarySchema>;
type UpgradeTx = IDBPTransaction<LibrarySchema, ('articles' | 'index')[], 'versionchange'>;

/**
 * Migrations by the version they bring the database to; each runs once, in order, inside the
 * upgrade transaction. Version 1 creates the stores.
 */
const MIGRATIONS: Record<number, (db: LibraryDb, tx: UpgradeTx) => void> = {
  1: (db) => {
    const articles = db.createObjectStore('articles', { keyPath: 'id' });
    articles.createIndex('url', 'urls', { multiEntry: true });
    articles.createIndex('canonical', 'canonicalUrl');
    articles.createIndex('textHash', 'textHash');
    articles.createIndex('site', 'site');
    articles.createIndex('addedAt', 'addedAt');
    db.createObjectStore('index', { keyPath: 'id' });
  },
};

export function openLibrary(name = LIBRARY_DB): Promise<LibraryDb> {
  return openDB<LibrarySchema>(name, LIBRARY_SCHEMA_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion + 1; v <= LIBRARY_SCHEMA_VERSION; v++) MIGRATIONS[v]?.(db, tx);
    },
  });
}

/** A storage error in words a reader can act on. */
export function storageMessage(err: unknown): string {
  const name = err instanceof Error || err instanceof DOMException ? err.name : '';
  if (name === 'QuotaExceededError') {
    return 'The browser has no more storage space for Backstory’s library: nothing from this was stored. Forget some articles or free disk space, then try again.';
  }
  const msg = err instanceof Error ? err.message : String(err);
  return `The library could not be written (${name || 'error'}: ${msg}); nothing from this was stored.`;
}

export interface PutResult {
  /** Records as stored (merged with earlier readings). */
  stored: LibraryArticle[];
  /** Their index entries, to apply to the live index once the transaction has committed. */
  entries: IndexEntry[];
  /** Ids that the stored records replaced (merged into another id). */
  replaced: string[];
  added: number;
  updated: number;
}

/**
 * Stores articles (one file's, or one page) in a single transaction: all of them or, on any
 * failure, none. An article already in the library (same id, address, canonical address or
 * text) is updated, never duplicated.
 */
export async function putArticles(
  db: LibraryDb,
  records: readonly LibraryArticle[],
  /** Records in the library's own schema (JSONL): one with the same id replaces it exactly. */
  opts: { exact?: boolean } = {},
): Promise<PutResult> {
  // The costly part runs before the transaction, which must not wait on anything but IDB.
  const computed = new Map(records.map((r) => [r, indexEntryFor(r)]));
  const tx = db.transaction(['articles', 'index'], 'readwrite');
  const articles = tx.objectStore('articles');
  const index = tx.objectStore('index');
  const result: PutResult = { stored: [], entries: [], replaced: [], added: 0, updated: 0 };
  try {
    for (const r of records) {
      const old = await findSame(articles, r);
      // An exported record imported back is kept exactly as it was written.
      const next = old && !(opts.exact && old.id === r.id) ? mergeRecord(old, r) : r;
      const entry = computed.get(r) as IndexEntry;
      const e: IndexEntry = {
        id: next.id,
        doc: { ...entry.doc, id: next.id },
        source: sourceOf(next),
      };
      await articles.put(next);
      await index.put(e);
      result.stored.push(next);
      result.entries.push(e);
      if (old) result.updated++;
      else result.added++;
    }
    await tx.done;
  } catch (err) {
    try {
      tx.abort();
    } catch {
      // already aborted by the failure itself
    }
    await tx.done.catch(() => undefined);
    throw new Error(storageMessage(err));
  }
  return result;
}

type ArticleStore = IDBPObjectStore<
  LibrarySchema,
  ('articles' | 'index')[],
  'articles',
  'readwrite'
>;

async function findSame(
  articles: ArticleStore,
  r: LibraryArticle,
): Promise<LibraryArticle | undefined> {
  const byId = await articles.get(r.id);
  if (byId) return byId;
  for (const url of r.urls) {
    const hit = await articles.index('url').get(url);
    if (hit) return hit;
  }
  if (r.canonicalUrl) {
    const hit =
      (await articles.index('canonical').get(r.canonicalUrl)) ??
      (await articles.index('url').get(r.canonicalUrl));
    if (hit) return hit;
  }
  return articles.index('textHash').get(r.textHash);
}

/** Forgets articles (and their index entries) in one transaction; returns the ids removed. */
export async function forgetArticles(
  db: LibraryDb,
  which: { ids?: readonly string[]; site?: string; all?: boolean },
): Promise<string[]> {
  const tx = db.transaction(['articles', 'index'], 'readwrite');
  const articles = tx.objectStore('articles');
  let ids: string[];
  if (which.all) ids = (await articles.getAllKeys()) as string[];
  else if (which.site !== undefined)
    ids = (await articles.index('site').getAllKeys(which.site)) as string[];
  else ids = [...(which.ids ?? [])];
  for (const id of ids) {
    await articles.delete(id);
    await tx.objectStore('index').delete(id);
  }
  await tx.done;
  return ids;
}

export async function allArticles(db: LibraryDb): Promise<LibraryArticle[]> {
  return db.getAll('articles');
}

/** The persisted index entries; damaged ones are skipped and counted. */
export async function loadIndexEntries(
  db: LibraryDb,
): Promise<{ entries: IndexEntry[]; skipped: number }> {
  const raw: unknown[] = await db.getAll('index');
  const entries: IndexEntry[] = [];
  let skipped = 0;
  for (const v of raw) {
    if (isIndexEntry(v)) entries.push(v);
    else skipped++;
  }
  return { entries, skipped };
}
