/**
 * The library in IndexedDB (the extension's own origin): articles, and beside each its persisted
 * share of the match index. Every change writes both, and a line of the change log, in one
 * transaction, so a worker stopped mid-write leaves either all or nothing. A snapshot of the
 * whole live index (snapshot.ts) is written now and then with the log position it includes; a
 * restarted worker reads the snapshot and replays the log after it, and falls back to every
 * article's entry when there is no usable snapshot. Schema migrations run from the first version on.
 */
import {
  openDB,
  type DBSchema,
  type IDBPDatabase,
  type IDBPObjectStore,
  type IDBPTransaction,
} from 'idb';
import type { MatchIndexData } from '../core/match-index.ts';
import type { MatchTables } from '../core/match-tables.ts';
import { indexEntryFor, isIndexEntry, LiveIndex, sourceOf, type IndexEntry } from './live-index.ts';
import { bundledKey, isSnapshot, type IndexSnapshot } from './snapshot.ts';
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
  /** Changes to articles since the snapshot, in order (the key is the position). */
  log: { key: number; value: LogLine };
  /** The live index snapshot, under SNAPSHOT_KEY. */
  snapshot: { key: string; value: IndexSnapshot };
}

export interface LogLine {
  id: string;
  op: 'put' | 'delete';
}
const SNAPSHOT_KEY = 'live';

export type LibraryDb = IDBPDatabase<LibrarySchema>;
type UpgradeTx = IDBPTransaction<
  LibrarySchema,
  ('articles' | 'index' | 'log' | 'snapshot')[],
  'versionchange'
>;

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
  // The change log and the live index snapshot: a library of version 1 has neither, and its
  // first load reads every entry and writes the first snapshot.
  2: (db) => {
    db.createObjectStore('log', { autoIncrement: true });
    db.createObjectStore('snapshot');
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
  /** The corpus' matching tables (index entries gloss Chinese articles). */
  tables: MatchTables,
  /** Records in the library's own schema (JSONL): one with the same id replaces it exactly. */
  opts: { exact?: boolean } = {},
): Promise<PutResult> {
  // The costly part runs before the transaction, which must not wait on anything but IDB.
  const computed = new Map(records.map((r) => [r, indexEntryFor(r, tables)]));
  const tx = db.transaction(['articles', 'index', 'log'], 'readwrite');
  const articles = tx.objectStore('articles');
  const index = tx.objectStore('index');
  const log = tx.objectStore('log');
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
      await log.add({ id: next.id, op: 'put' });
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
  ('articles' | 'index' | 'log')[],
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

/**
 * Forgets articles (their records, index entries and the index snapshot) in one transaction;
 * returns the ids removed.
 */
export async function forgetArticles(
  db: LibraryDb,
  which: { ids?: readonly string[]; site?: string; all?: boolean },
): Promise<string[]> {
  const tx = db.transaction(['articles', 'index', 'log', 'snapshot'], 'readwrite');
  const articles = tx.objectStore('articles');
  let ids: string[];
  if (which.all) ids = (await articles.getAllKeys()) as string[];
  else if (which.site !== undefined)
    ids = (await articles.index('site').getAllKeys(which.site)) as string[];
  else ids = [...(which.ids ?? [])];
  for (const id of ids) {
    await articles.delete(id);
    await tx.objectStore('index').delete(id);
    await tx.objectStore('log').add({ id, op: 'delete' });
  }
  // The snapshot holds the forgotten articles' text too: it goes at once (the worker writes a new
  // one shortly; until then a restart reads every entry).
  if (ids.length > 0) await tx.objectStore('snapshot').delete(SNAPSHOT_KEY);
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

export interface LoadedIndex {
  live: LiveIndex;
  /** Damaged index entries skipped. */
  skipped: number;
  /** How the index was loaded: from the snapshot (and how many logged changes were replayed). */
  from: 'snapshot' | 'entries';
  replayed: number;
}

/**
 * The live index of the library over the bundled index: the snapshot and the changes logged
 * after it, or, without a usable snapshot, every article's entry.
 */
export async function loadLiveIndex(db: LibraryDb, bundled: MatchIndexData): Promise<LoadedIndex> {
  const tx = db.transaction(['snapshot', 'log', 'index'], 'readonly');
  const raw: unknown = await tx.objectStore('snapshot').get(SNAPSHOT_KEY);
  if (isSnapshot(raw) && raw.bundled === bundledKey(bundled)) {
    const live = new LiveIndex(bundled, raw);
    // The last change to each article after the snapshot decides.
    const last = new Map<string, LogLine['op']>();
    const lines = await tx.objectStore('log').getAll(IDBKeyRange.lowerBound(raw.seq, true));
    for (const l of lines) last.set(l.id, l.op);
    let skipped = 0;
    for (const [id, op] of last) {
      if (op === 'delete') {
        live.remove(id);
        continue;
      }
      const e: unknown = await tx.objectStore('index').get(id);
      if (isIndexEntry(e)) live.add(e);
      else {
        // Changed after the snapshot and now unreadable: neither the old nor a damaged version.
        live.remove(id);
        skipped++;
      }
    }
    await tx.done;
    return { live, skipped, from: 'snapshot', replayed: last.size };
  }
  await tx.done;
  const live = new LiveIndex(bundled);
  const { entries, skipped } = await loadIndexEntries(db);
  for (const e of entries) live.add(e);
  return { live, skipped, from: 'entries', replayed: 0 };
}

/**
 * Reads the index entries of these articles and attaches their texts and quotes to the live
 * index (articles restored from a snapshot carry neither). An article whose entry is gone or
 * damaged is taken out of the live index, as a load would have left it; returns how many.
 */
export async function readBodies(
  db: LibraryDb,
  live: LiveIndex,
  ids: readonly string[],
): Promise<number> {
  const tx = db.transaction('index', 'readonly');
  const got: unknown[] = await Promise.all(ids.map((id) => tx.store.get(id)));
  await tx.done;
  let skipped = 0;
  ids.forEach((id, i) => {
    const e = got[i];
    if (isIndexEntry(e) && e.id === id) live.attachBody(e);
    else if (live.remove(id)) skipped++;
  });
  return skipped;
}

/**
 * Writes a snapshot of `live` and drops the log lines it includes, in one transaction. `live`
 * must hold every change logged so far (callers run this between changes, never during one).
 */
export async function saveSnapshot(db: LibraryDb, live: LiveIndex): Promise<void> {
  const tx = db.transaction(['snapshot', 'log'], 'readwrite');
  const log = tx.objectStore('log');
  const cursor = await log.openKeyCursor(null, 'prev');
  const seq = cursor ? (cursor.key as number) : 0;
  // Packed synchronously, inside the transaction: no change can land in between.
  const snap = live.snapshot(seq);
  await tx.objectStore('snapshot').put(snap, SNAPSHOT_KEY);
  if (seq > 0) await log.delete(IDBKeyRange.upperBound(seq));
  await tx.done;
}

/** Logged changes not yet in the snapshot. */
export async function pendingChanges(db: LibraryDb): Promise<number> {
  return db.count('log');
}
