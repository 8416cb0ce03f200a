/**
 * A snapshot of the live match index (bundled corpus + library), persisted in one IndexedDB
 * record so a restarted worker reads one value instead of every article's index entry.
 *
 * The layout is columnar and compact: postings, each article's terms and frequencies and its
 * sentence offsets as variable-length deltas (varint.ts: a byte or two per number instead of
 * four), signatures in a typed array, the entity counts as one sorted string, and the rest
 * (title, date, names, source, as JSON) as UTF-8 in one byte array. Articles' texts and quotes
 * are not in it: they stay in their index entries, read for the few articles a page is compared
 * with in full (`LiveIndex.missingBodies`, then `attachBody`). Reading the snapshot back parses
 * and decodes nothing but the ids: a term's postings are decoded when a query first reads them,
 * an article's terms, names and sentences when the matcher first looks at it. The per-article
 * index entries stay the source of truth; the snapshot is a cache with the change-log position
 * it includes.
 */
import type { IndexedDoc, IndexedQuote, MatchIndexData } from '../core/match-index.ts';
import { hash32 } from '../core/text.ts';
import {
  entityIndex,
  entityName,
  isEntityTable,
  type EntityCounts,
  type EntityTable,
} from './entity-counts.ts';
import {
  ByteWriter,
  readDeltaPairs,
  readDeltas,
  readUints,
  writeDeltaPairs,
  writeDeltas,
} from './varint.ts';

/**
 * 3: postings, forward index and sentences as varint deltas, entity counts as a sorted string
 * (format 2 held them as 32-bit arrays and JSON; it is not read: the library loads from its
 * entries once and writes a format-3 snapshot). 2: texts and quotes left in the index entries.
 */
export const SNAPSHOT_FORMAT = 3;

export interface IndexSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  /** Last change-log key the snapshot includes (0: none). */
  seq: number;
  /** `bundledKey` of the bundled index it was built over. */
  bundled: string;
  /** The live vocabulary (bundled terms first), joined with newlines. */
  vocab: string;
  df: Int32Array;
  /**
   * Postings of term t: bytes `postings[postOffsets[t] .. postOffsets[t + 1])`, [doc, tf] pairs
   * (`readDeltaPairs`).
   */
  postOffsets: Int32Array;
  postings: Uint8Array;
  avgLen: number;
  /** Entity document frequencies, names sorted (entity-counts.ts). */
  entities: EntityTable;
  /** Article k's entities, in its order, as indexes in `entities`: bytes `entityRefs[entityOffsets[k] .. entityOffsets[k + 1])`. */
  entityOffsets: Int32Array;
  entityRefs: Uint8Array;
  /** Library articles, in live-index order after the bundled ones (a JSON array of ids). */
  ids: string;
  /** MinHash values per article. */
  sigSize: number;
  len: Int32Array;
  fingerprint: Float64Array;
  /** `sigSize` values per article. */
  sig: Uint32Array;
  /** Article k's [term id, tf] pairs: bytes `terms[termOffsets[k] .. termOffsets[k + 1])`. */
  termOffsets: Int32Array;
  terms: Uint8Array;
  /** Article k's sentence [start, end] offsets: bytes `sentences[sentOffsets[k] .. sentOffsets[k+1])`. */
  sentOffsets: Int32Array;
  sentences: Uint8Array;
  /**
   * UTF-8 of each article's fields (`FIELDS`): field f of article k is
   * `strings[stringOffsets[k·FIELDS + f] .. stringOffsets[k·FIELDS + f + 1])`.
   */
  strings: Uint8Array;
  stringOffsets: Int32Array;
}

/** Per article, in this order: `{ title, publishedAt, outlet, lang }`; source. */
const FIELDS = 2;
const META = 0;
const SOURCE = 1;
const decoder = new TextDecoder();
function field(snap: IndexSnapshot, k: number, f: number): string {
  const o = snap.stringOffsets;
  const at = k * FIELDS + f;
  return decoder.decode(snap.strings.subarray(o[at], o[at + 1]));
}

/** Identity of a bundled index: a snapshot built over another one is not used. */
export function bundledKey(data: MatchIndexData): string {
  let h = 0x811c9dc5;
  for (const d of data.docs) h = hash32(`${d.id}\u0000${d.fingerprint}`, h);
  return `${data.docs.length}:${data.vocab.length}:${h >>> 0}`;
}

interface DocMeta {
  title: string;
  publishedAt: string | null;
  outlet: string | null;
  lang: string;
}

/**
 * Thrown when the matcher reads the text or quotes of a library article restored from a
 * snapshot before they were attached: the caller reads them (`LiveIndex.missingBodies`) and
 * runs again. Never caught as "no results".
 */
export class BodiesMissing extends Error {
  constructor(readonly ids: string[]) {
    super(`the texts of ${ids.length} library article(s) were not read before matching`);
    this.name = 'BodiesMissing';
  }
}

/**
 * A library article read from a snapshot: what every query touches (id, length, fingerprint) is
 * read at once, its names and source the first time the matcher asks for them, its text and
 * quotes once attached from its index entry.
 */
export class PackedDoc implements IndexedDoc {
  readonly id: string;
  readonly len: number;
  readonly fingerprint: number;
  // Private fields: a packed article spread or serialised shows no snapshot internals.
  readonly #snap: IndexSnapshot;
  readonly #k: number;
  #meta?: DocMeta;
  #entities?: string[];
  #body?: { text: string; quotes: IndexedQuote[] };
  #sentences?: [number, number][];
  #sig?: number[];
  #terms?: number[];
  #tfs?: number[];

  constructor(snap: IndexSnapshot, k: number, id: string) {
    this.#snap = snap;
    this.#k = k;
    this.id = id;
    this.len = snap.len[k] as number;
    this.fingerprint = snap.fingerprint[k] as number;
  }

  #metaOf(): DocMeta {
    return (this.#meta ??= JSON.parse(field(this.#snap, this.#k, META)) as DocMeta);
  }
  get title(): string {
    return this.#metaOf().title;
  }
  get publishedAt(): string | null {
    return this.#metaOf().publishedAt;
  }
  get outlet(): string | null {
    return this.#metaOf().outlet;
  }
  get lang(): string {
    return this.#metaOf().lang;
  }
  get entities(): string[] {
    if (!this.#entities) {
      const o = this.#snap.entityOffsets;
      const refs = readUints(this.#snap.entityRefs, o[this.#k] as number, o[this.#k + 1] as number);
      this.#entities = refs.map((r) => entityName(this.#snap.entities, r));
    }
    return this.#entities;
  }
  get quotes(): IndexedQuote[] {
    return this.#bodyOf().quotes;
  }
  #bodyOf(): { text: string; quotes: IndexedQuote[] } {
    if (!this.#body) throw new BodiesMissing([this.id]);
    return this.#body;
  }
  /** Whether its text and quotes have been attached. */
  get hasBody(): boolean {
    return this.#body !== undefined;
  }
  /** Its text and quotes, from its index entry. */
  attachBody(text: string, quotes: IndexedQuote[]): void {
    this.#body = { text, quotes };
  }
  get sentences(): [number, number][] {
    if (!this.#sentences) {
      const o = this.#snap.sentOffsets;
      const flat = readDeltas(this.#snap.sentences, o[this.#k] as number, o[this.#k + 1] as number);
      const out: [number, number][] = [];
      for (let i = 0; i + 1 < flat.length; i += 2)
        out.push([flat[i] as number, flat[i + 1] as number]);
      this.#sentences = out;
    }
    return this.#sentences;
  }
  get sig(): number[] {
    const n = this.#snap.sigSize;
    return (this.#sig ??= Array.from(this.#snap.sig.subarray(this.#k * n, (this.#k + 1) * n)));
  }
  get terms(): number[] {
    return this.#forward().terms;
  }
  get tfs(): number[] {
    return this.#forward().tfs;
  }
  #forward(): { terms: number[]; tfs: number[] } {
    if (!this.#terms || !this.#tfs) {
      const o = this.#snap.termOffsets;
      const pairs = readDeltaPairs(
        this.#snap.terms,
        o[this.#k] as number,
        o[this.#k + 1] as number,
      );
      const terms: number[] = [];
      const tfs: number[] = [];
      for (let i = 0; i + 1 < pairs.length; i += 2) {
        terms.push(pairs[i] as number);
        tfs.push(pairs[i + 1] as number);
      }
      this.#terms = terms;
      this.#tfs = tfs;
    }
    return { terms: this.#terms, tfs: this.#tfs };
  }
  get text(): string {
    return this.#bodyOf().text;
  }
  /** Its terms and frequencies as stored. */
  rawForward(): Uint8Array {
    const o = this.#snap.termOffsets;
    return this.#snap.terms.subarray(o[this.#k], o[this.#k + 1]);
  }
  /** Its sentence offsets as stored. */
  rawSentences(): Uint8Array {
    const o = this.#snap.sentOffsets;
    return this.#snap.sentences.subarray(o[this.#k], o[this.#k + 1]);
  }
  /** Field f's UTF-8 bytes, as stored. */
  rawBytes(f: number): Uint8Array {
    const o = this.#snap.stringOffsets;
    const at = this.#k * FIELDS + f;
    return this.#snap.strings.subarray(o[at], o[at + 1]);
  }
  rawSource(): string {
    return field(this.#snap, this.#k, SOURCE);
  }
}

function metaJson(d: IndexedDoc): string {
  const m: DocMeta = {
    title: d.title,
    publishedAt: d.publishedAt,
    outlet: d.outlet,
    lang: d.lang,
  };
  return JSON.stringify(m);
}

/**
 * Packs the live index data (docs from `from` on are library articles, with their sources).
 * Runs synchronously, so it sees one consistent state of the index. A term whose postings were
 * never decoded since a restore (`rawPostings` gives its stored bytes) is copied as it is.
 */
export function packIndex(
  data: MatchIndexData,
  from: number,
  sourceJson: (id: string) => string,
  seq: number,
  bundled: string,
  entities: EntityCounts,
  rawPostings: (t: number) => Uint8Array | null = () => null,
): IndexSnapshot {
  const docs = data.docs.slice(from);
  const n = docs.length;
  const nTerms = data.df.length;
  const postOffsets = new Int32Array(nTerms + 1);
  const postings = new ByteWriter(1 << 16);
  for (let t = 0; t < nTerms; t++) {
    postOffsets[t] = postings.length;
    const raw = rawPostings(t);
    if (raw) postings.bytes(raw);
    else writeDeltaPairs(postings, data.postings[t] ?? []);
  }
  postOffsets[nTerms] = postings.length;
  const sigSize = docs[0]?.sig.length ?? 0;
  const sig = new Uint32Array(n * sigSize);
  const len = new Int32Array(n);
  const fp = new Float64Array(n);
  const termOffsets = new Int32Array(n + 1);
  const terms = new ByteWriter(n * 256);
  const sentOffsets = new Int32Array(n + 1);
  const sentences = new ByteWriter(n * 64);
  const table = entities.table();
  const entityAt = entityIndex(table);
  const entityOffsets = new Int32Array(n + 1);
  const entityRefs = new ByteWriter(n * 64);
  const chunks: Uint8Array[] = [];
  const stringOffsets = new Int32Array(n * FIELDS + 1);
  let byteAt = 0;
  const encoder = new TextEncoder();
  const put = (k: number, f: number, bytes: Uint8Array) => {
    stringOffsets[k * FIELDS + f] = byteAt;
    chunks.push(bytes);
    byteAt += bytes.length;
  };
  docs.forEach((d, k) => {
    len[k] = d.len;
    fp[k] = d.fingerprint;
    sig.set(d.sig.slice(0, sigSize), k * sigSize);
    termOffsets[k] = terms.length;
    sentOffsets[k] = sentences.length;
    entityOffsets[k] = entityRefs.length;
    // Entity indexes are re-read from the names: the table changes with the library.
    for (const e of d.entities) {
      const at = entityAt.get(e);
      if (at === undefined) throw new Error(`entity "${e}" of ${d.id} is not counted in the index`);
      entityRefs.uint(at);
    }
    if (d instanceof PackedDoc) {
      // Unchanged since it was read: its bytes are copied as they are, nothing decoded.
      terms.bytes(d.rawForward());
      sentences.bytes(d.rawSentences());
      for (let f = 0; f < FIELDS; f++) put(k, f, d.rawBytes(f));
    } else {
      const pairs: number[] = [];
      d.terms.forEach((t, i) => pairs.push(t, d.tfs[i] as number));
      writeDeltaPairs(terms, pairs);
      writeDeltas(sentences, d.sentences.flat());
      put(k, META, encoder.encode(metaJson(d)));
      put(k, SOURCE, encoder.encode(sourceJson(d.id)));
    }
  });
  termOffsets[n] = terms.length;
  sentOffsets[n] = sentences.length;
  entityOffsets[n] = entityRefs.length;
  stringOffsets[n * FIELDS] = byteAt;
  const strings = new Uint8Array(byteAt);
  let at2 = 0;
  for (const c of chunks) {
    strings.set(c, at2);
    at2 += c.length;
  }
  return {
    format: SNAPSHOT_FORMAT,
    seq,
    bundled,
    vocab: data.vocab.join('\n'),
    df: Int32Array.from(data.df),
    postOffsets,
    postings: postings.done(),
    avgLen: data.avgLen,
    entities: table,
    entityOffsets,
    entityRefs: entityRefs.done(),
    ids: JSON.stringify(docs.map((d) => d.id)),
    sigSize,
    len,
    fingerprint: fp,
    sig,
    termOffsets,
    terms: terms.done(),
    sentOffsets,
    sentences: sentences.done(),
    strings,
    stringOffsets,
  };
}

/** Whether a stored value has the snapshot's shape (a damaged one is not used). */
export function isSnapshot(v: unknown): v is IndexSnapshot {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<IndexSnapshot>;
  const ids = snapshotIds(s);
  const n = ids === null ? -1 : ids.length;
  const i32 = (x: unknown, len?: number) =>
    x instanceof Int32Array && (len === undefined || x.length === len);
  // Offsets into a byte array: as many as expected, ending at its length.
  const offsets = (o: unknown, count: number, bytes: unknown) =>
    i32(o, count + 1) &&
    bytes instanceof Uint8Array &&
    (o as Int32Array)[0] === 0 &&
    (o as Int32Array)[count] === bytes.length;
  return (
    s.format === SNAPSHOT_FORMAT &&
    typeof s.seq === 'number' &&
    typeof s.bundled === 'string' &&
    typeof s.vocab === 'string' &&
    n >= 0 &&
    i32(s.df) &&
    offsets(s.postOffsets, (s.df as Int32Array).length, s.postings) &&
    typeof s.avgLen === 'number' &&
    isEntityTable(s.entities) &&
    offsets(s.entityOffsets, n, s.entityRefs) &&
    typeof s.sigSize === 'number' &&
    i32(s.len, n) &&
    s.fingerprint instanceof Float64Array &&
    s.fingerprint.length === n &&
    s.sig instanceof Uint32Array &&
    s.sig.length === n * (s.sigSize as number) &&
    offsets(s.termOffsets, n, s.terms) &&
    offsets(s.sentOffsets, n, s.sentences) &&
    s.strings instanceof Uint8Array &&
    i32(s.stringOffsets, n * FIELDS + 1) &&
    (s.stringOffsets as Int32Array)[n * FIELDS] === s.strings.length
  );
}

/** The library article ids of a snapshot, in order, or null when damaged. */
export function snapshotIds(s: Partial<IndexSnapshot>): string[] | null {
  if (typeof s.ids !== 'string') return null;
  // Parsed once per stored value: the check and the restore both ask.
  const cached = idsCache.get(s);
  if (cached !== undefined) return cached;
  let ids: string[] | null = null;
  try {
    const a: unknown = JSON.parse(s.ids);
    ids = Array.isArray(a) && a.every((x) => typeof x === 'string') ? a : null;
  } catch {
    ids = null; // not JSON: a damaged snapshot, which the caller does not use
  }
  idsCache.set(s, ids);
  return ids;
}
const idsCache = new WeakMap<object, string[] | null>();

/** A term's postings as stored, decoded: [doc, tf, doc, tf, …]. */
export function snapshotPostings(s: IndexSnapshot, t: number): number[] {
  return readDeltaPairs(s.postings, s.postOffsets[t] as number, s.postOffsets[t + 1] as number);
}

/** A term's postings bytes as stored. */
export function rawSnapshotPostings(s: IndexSnapshot, t: number): Uint8Array {
  return s.postings.subarray(s.postOffsets[t], s.postOffsets[t + 1]);
}
