/**
 * The match index over the bundled corpus and the reader's library, updated one article at a
 * time. The bundled index is copied once; each library article is added from its persisted index
 * entry (its terms, signature, quotes and sentences, computed once when it was stored), so a
 * restarted worker never re-reads article text. Forgetting an article takes its postings out and
 * moves the last article into its slot. The result is the same `MatchIndex` the matcher reads.
 * A whole live index can be packed into a snapshot (snapshot.ts) and restored from one.
 */
import { buildMatchIndex } from '../core/match-index.ts';
import type { MatchTables } from '../core/match-tables.ts';
import type { IndexedDoc, MatchDoc, MatchIndex, MatchIndexData } from '../core/match-index.ts';
import { EntityCounts } from './entity-counts.ts';
import {
  bundledKey,
  packIndex,
  PackedDoc,
  rawSnapshotPostings,
  snapshotIds,
  snapshotPostings,
  type IndexSnapshot,
} from './snapshot.ts';
import type { LibraryArticle, LibrarySource } from './types.ts';

/** One library article's share of the index, as persisted beside the article. */
export interface IndexEntry {
  id: string;
  /** The indexed document with its terms as strings (ids are the live index's business). */
  doc: Omit<IndexedDoc, 'terms'> & { terms: string[] };
  source: LibrarySource;
}

export function sourceOf(a: LibraryArticle): LibrarySource {
  return {
    origin: a.origin,
    url: a.canonicalUrl ?? a.urls[0] ?? null,
    site: a.site,
    addedAt: a.addedAt,
    ...(a.importedFrom ? { importedFrom: a.importedFrom } : {}),
    kind: a.kind,
    ...(a.government ? { government: a.government } : {}),
  };
}

/** The document the match index reads for a library article: its text, date, outlet, language. */
export function matchDocOf(a: LibraryArticle): MatchDoc {
  return {
    id: a.id,
    title: a.title,
    text: a.paragraphs.join('\n\n'),
    publishedAt: a.publishedAt,
    outlet: a.outlet ?? a.site,
    lang: a.lang,
  };
}

/**
 * Computes an article's index entry (the costly part: tokenising, stemming, quotes); `tables`
 * gloss a Chinese article for English pages.
 */
export function indexEntryFor(a: LibraryArticle, tables: MatchTables): IndexEntry {
  const data = buildMatchIndex([matchDocOf(a)], tables);
  const d = data.docs[0] as IndexedDoc;
  return {
    id: a.id,
    doc: { ...d, terms: d.terms.map((t) => data.vocab[t] as string) },
    source: sourceOf(a),
  };
}

/** Whether a stored value is a usable index entry (a damaged record is skipped, not trusted). */
export function isIndexEntry(v: unknown): v is IndexEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Partial<IndexEntry>;
  const d = e.doc as Partial<IndexEntry['doc']> | undefined;
  return (
    typeof e.id === 'string' &&
    typeof e.source === 'object' &&
    e.source !== null &&
    typeof d === 'object' &&
    d !== null &&
    d.id === e.id &&
    typeof d.title === 'string' &&
    typeof d.text === 'string' &&
    typeof d.len === 'number' &&
    Array.isArray(d.terms) &&
    Array.isArray(d.tfs) &&
    d.terms.length === d.tfs.length &&
    d.terms.every((t) => typeof t === 'string') &&
    Array.isArray(d.sig) &&
    Array.isArray(d.entities) &&
    Array.isArray(d.quotes) &&
    Array.isArray(d.sentences)
  );
}

/**
 * Library articles' sources by id. An article restored from a snapshot keeps its source as JSON
 * until someone asks for it.
 */
export class LibrarySources implements ReadonlyMap<string, LibrarySource> {
  readonly #map = new Map<string, LibrarySource | PackedDoc>();

  get(id: string): LibrarySource | undefined {
    const v = this.#map.get(id);
    if (!(v instanceof PackedDoc)) return v;
    const s = JSON.parse(v.rawSource()) as LibrarySource;
    this.#map.set(id, s);
    return s;
  }
  has(id: string): boolean {
    return this.#map.has(id);
  }
  get size(): number {
    return this.#map.size;
  }
  set(id: string, v: LibrarySource | PackedDoc): void {
    this.#map.set(id, v);
  }
  /** The value as held (a packed article's source still undecoded). */
  raw(id: string): LibrarySource | PackedDoc | undefined {
    return this.#map.get(id);
  }
  delete(id: string): boolean {
    return this.#map.delete(id);
  }
  *keys(): MapIterator<string> {
    yield* this.#map.keys();
  }
  *values(): MapIterator<LibrarySource> {
    for (const id of this.#map.keys()) yield this.get(id) as LibrarySource;
  }
  *entries(): MapIterator<[string, LibrarySource]> {
    for (const id of this.#map.keys()) yield [id, this.get(id) as LibrarySource];
  }
  [Symbol.iterator](): MapIterator<[string, LibrarySource]> {
    return this.entries();
  }
  forEach(
    fn: (value: LibrarySource, key: string, map: ReadonlyMap<string, LibrarySource>) => void,
  ): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
}

export class LiveIndex {
  readonly index: MatchIndex;
  /** Library articles' sources by id (bundled articles have none here). */
  readonly sources = new LibrarySources();
  private readonly data: MatchIndexData;
  private readonly bundled: number;
  private readonly bundledKey: string;
  private totalLen: number;
  /** Library articles restored from a snapshot whose text and quotes are not read yet. */
  readonly #bodiless = new Set<string>();
  /** Articles naming each entity (`data.entityDf` is a copy made when asked for). */
  readonly #entities: EntityCounts;
  /** The snapshot restored from, whose terms' postings are decoded when first read. */
  readonly #snap: IndexSnapshot | null;

  constructor(bundled: MatchIndexData, snapshot?: IndexSnapshot) {
    this.bundledKey = bundledKey(bundled);
    this.#snap = snapshot ?? null;
    this.#entities = new EntityCounts(snapshot ? snapshot.entities : bundled.entityDf);
    const entities = this.#entities;
    const data: MatchIndexData = snapshot
      ? fromSnapshot(bundled, snapshot)
      : {
          version: 1,
          docs: bundled.docs.slice(),
          vocab: bundled.vocab.slice(),
          df: bundled.df.slice(),
          postings: bundled.postings.map((p) => p.slice()),
          avgLen: bundled.avgLen,
          entityDf: {},
        };
    Object.defineProperty(data, 'entityDf', {
      get: () => entities.record(),
      enumerable: true,
      configurable: true,
    });
    this.data = data;
    this.bundled = bundled.docs.length;
    this.totalLen = data.docs.reduce((s, d) => s + d.len, 0);
    for (let i = this.bundled; i < data.docs.length; i++) {
      const d = data.docs[i] as PackedDoc;
      this.sources.set(d.id, d);
      this.#bodiless.add(d.id);
    }
    const byId = new Map<string, number>();
    data.docs.forEach((d, i) => byId.set(d.id, i));
    const termIds = new Map<string, number>();
    data.vocab.forEach((t, i) => termIds.set(t, i));
    this.index = {
      data,
      docs: data.docs,
      byId,
      termIds,
      N: data.docs.length,
      avgLen: 1,
      entityCount: (e) => entities.get(e),
      ...(snapshot ? { postingsOf: (t: number) => this.postingsAt(t) } : {}),
    };
    this.refresh();
  }

  get size(): number {
    return this.data.docs.length - this.bundled;
  }

  has(id: string): boolean {
    const di = this.index.byId.get(id);
    return di !== undefined && di >= this.bundled;
  }

  /** Adds (or replaces) one library article. */
  add(entry: IndexEntry): void {
    if (this.index.byId.has(entry.id)) this.remove(entry.id);
    const { data, index } = this;
    const pairs: [number, number][] = [];
    entry.doc.terms.forEach((term, k) => {
      let id = index.termIds.get(term);
      if (id === undefined) {
        id = data.vocab.length;
        index.termIds.set(term, id);
        data.vocab.push(term);
        data.df.push(0);
        data.postings.push([]);
      }
      pairs.push([id, entry.doc.tfs[k] as number]);
    });
    pairs.sort((a, b) => a[0] - b[0]);
    this.insert(
      { ...entry.doc, terms: pairs.map((p) => p[0]), tfs: pairs.map((p) => p[1]) },
      entry.source,
    );
  }

  /** Puts an indexed article (term ids of this index) at the end. */
  private insert(doc: IndexedDoc, source: LibrarySource | PackedDoc): void {
    const { data, index } = this;
    const di = data.docs.length;
    doc.terms.forEach((t, k) => {
      data.df[t] = (data.df[t] ?? 0) + 1;
      this.list(t).push(di, doc.tfs[k] as number);
    });
    data.docs.push(doc);
    index.byId.set(doc.id, di);
    for (const e of doc.entities) this.#entities.add(e);
    this.totalLen += doc.len;
    this.sources.set(doc.id, source);
    if (doc instanceof PackedDoc && !doc.hasBody) this.#bodiless.add(doc.id);
    this.refresh();
  }

  /** Library articles restored from a snapshot whose text and quotes are not read yet. */
  get bodiless(): number {
    return this.#bodiless.size;
  }

  /** Of these articles (doc indexes), the ids of those whose text and quotes are not read yet. */
  missingBodies(docs: Iterable<number>): string[] {
    const out: string[] = [];
    for (const di of docs) {
      const d = this.data.docs[di];
      if (d instanceof PackedDoc && !d.hasBody) out.push(d.id);
    }
    return out;
  }

  /** Attaches an article's text and quotes from its index entry; false if it is not waiting for them. */
  attachBody(entry: IndexEntry): boolean {
    const di = this.index.byId.get(entry.id);
    const d = di === undefined ? undefined : this.data.docs[di];
    if (!(d instanceof PackedDoc) || d.hasBody) return false;
    d.attachBody(entry.doc.text, entry.doc.quotes);
    this.#bodiless.delete(entry.id);
    return true;
  }

  /** Takes one library article out; bundled articles stay. Returns whether it was there. */
  remove(id: string): boolean {
    const { data, index } = this;
    const di = index.byId.get(id);
    if (di === undefined || di < this.bundled) return false;
    const doc = data.docs[di] as IndexedDoc;
    for (const t of doc.terms) {
      const list = this.list(t);
      for (let i = 0; i + 1 < list.length; i += 2) {
        if (list[i] === di) {
          list.splice(i, 2);
          break;
        }
      }
      data.df[t] = (data.df[t] ?? 1) - 1;
    }
    for (const e of doc.entities) this.#entities.add(e, -1);
    const last = data.docs.length - 1;
    if (di !== last) {
      const moved = data.docs[last] as IndexedDoc;
      for (const t of moved.terms) {
        const list = this.list(t);
        for (let i = 0; i + 1 < list.length; i += 2) {
          if (list[i] === last) {
            list[i] = di;
            break;
          }
        }
      }
      data.docs[di] = moved;
      index.byId.set(moved.id, di);
    }
    data.docs.pop();
    index.byId.delete(id);
    this.totalLen -= doc.len;
    this.sources.delete(id);
    this.#bodiless.delete(id);
    this.refresh();
    return true;
  }

  /**
   * The whole live index packed for storage, as including the change log up to `seq`. Runs
   * synchronously: it sees one state of the index.
   */
  snapshot(seq: number): IndexSnapshot {
    const snap = this.#snap;
    return packIndex(
      this.data,
      this.bundled,
      (id) => JSON.stringify(this.sources.get(id) ?? null),
      seq,
      this.bundledKey,
      this.#entities,
      // A restored term never read since is as the snapshot stored it.
      (t) =>
        snap && this.data.postings[t] === undefined && t < snap.df.length
          ? rawSnapshotPostings(snap, t)
          : null,
    );
  }

  /** A term's postings, decoded from the snapshot the first time they are read. */
  private postingsAt(t: number): number[] | undefined {
    let p = this.data.postings[t];
    if (p === undefined && this.#snap && t < this.#snap.df.length) {
      p = snapshotPostings(this.#snap, t);
      this.data.postings[t] = p;
    }
    return p;
  }

  /** A term's postings as a plain array, to change. */
  private list(t: number): number[] {
    const p = this.postingsAt(t);
    if (p === undefined) throw new Error(`term ${t} has no postings list`);
    return p;
  }

  /**
   * Runs `fn` (synchronously) over the index without the given library articles, then puts them
   * back: a page's own copies in the library neither appear in its results nor weigh on them, so
   * reading a page again gives the analysis its first reading gave.
   */
  without<T>(ids: Iterable<string>, fn: () => T): T {
    const out: [IndexedDoc, LibrarySource | PackedDoc][] = [];
    for (const id of ids) {
      const di = this.index.byId.get(id);
      const source = this.sources.raw(id);
      if (di === undefined || di < this.bundled || source === undefined) continue;
      const doc = this.data.docs[di] as IndexedDoc;
      if (this.remove(id)) out.push([doc, source]);
    }
    try {
      return fn();
    } finally {
      // The same articles back (their term ids stand: the vocabulary only grows).
      for (const [doc, source] of out) this.insert(doc, source);
    }
  }

  /** Articles restored from snapshots (for tests and the benchmark). */
  get packed(): number {
    let n = 0;
    for (let i = this.bundled; i < this.data.docs.length; i++)
      if (this.data.docs[i] instanceof PackedDoc) n++;
    return n;
  }

  private refresh(): void {
    this.index.version = (this.index.version ?? 0) + 1;
    const n = this.data.docs.length;
    this.index.N = n;
    this.data.avgLen = n ? this.totalLen / n : 0;
    this.index.avgLen = this.data.avgLen || 1;
  }
}

/**
 * The live index data of a snapshot: the bundled articles as loaded, the library's as packed
 * articles; the postings of each term are left to be decoded when first read (`postingsAt`).
 */
function fromSnapshot(bundled: MatchIndexData, snap: IndexSnapshot): MatchIndexData {
  const docs: IndexedDoc[] = bundled.docs.slice();
  const ids = snapshotIds(snap) ?? [];
  for (let k = 0; k < ids.length; k++) docs.push(new PackedDoc(snap, k, ids[k] as string));
  return {
    version: 1,
    docs,
    vocab: snap.vocab === '' ? [] : snap.vocab.split('\n'),
    df: Array.from(snap.df),
    // Holes until read: a restart decodes no term its first queries do not ask for.
    postings: new Array<number[]>(snap.df.length),
    avgLen: snap.avgLen,
    entityDf: {},
  };
}
