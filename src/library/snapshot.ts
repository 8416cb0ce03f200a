/**
 * A snapshot of the live match index (bundled corpus + library), persisted in one IndexedDB
 * record so a restarted worker reads one value instead of every article's index entry.
 *
 * The layout is columnar: postings, each article's terms, frequencies, signature and sentence
 * offsets in typed arrays, and the rest of it (title, date, names, source, as JSON) as UTF-8 in
 * one byte array. Articles' texts and quotes are not in it: they stay in their index entries,
 * read for the few articles a page is compared with in full (`LiveIndex.missingBodies`, then
 * `attachBody`), so a restart reads and copies a fraction of the library. Reading the snapshot
 * back parses nothing; an article's JSON is decoded when the matcher first looks at it. The
 * per-article index entries stay the source of truth; the snapshot is a cache with the
 * change-log position it includes.
 */
import type { IndexedDoc, IndexedQuote, MatchIndexData } from '../core/match-index.ts';
import { hash32 } from '../core/text.ts';

/** 2: texts and quotes left in the index entries (format 1 held them; it is not read). */
export const SNAPSHOT_FORMAT = 2;

export interface IndexSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  /** Last change-log key the snapshot includes (0: none). */
  seq: number;
  /** `bundledKey` of the bundled index it was built over. */
  bundled: string;
  /** The live vocabulary (bundled terms first), joined with newlines. */
  vocab: string;
  df: Int32Array;
  /** Postings of term t: `postings[postOffsets[t] .. postOffsets[t + 1])`, [doc, tf] pairs. */
  postOffsets: Int32Array;
  postings: Int32Array;
  avgLen: number;
  /** Entity document frequencies: the names (a JSON array of strings) and their counts. */
  entityNames: string;
  entityCounts: Int32Array;
  /** Library articles, in live-index order after the bundled ones. */
  ids: string;
  /** MinHash values per article. */
  sigSize: number;
  len: Int32Array;
  fingerprint: Float64Array;
  /** `sigSize` values per article. */
  sig: Uint32Array;
  termOffsets: Int32Array;
  terms: Int32Array;
  tfs: Int32Array;
  /** Sentence [start, end] pairs of article k: `sentences[2·sentOffsets[k] .. 2·sentOffsets[k+1])`. */
  sentOffsets: Int32Array;
  sentences: Int32Array;
  /**
   * UTF-8 of each article's fields (`FIELDS`): field f of article k is
   * `strings[stringOffsets[k·FIELDS + f] .. stringOffsets[k·FIELDS + f + 1])`.
   */
  strings: Uint8Array;
  stringOffsets: Int32Array;
}

/** Per article, in this order: `{ title, publishedAt, outlet, lang, entities }`; source. */
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
  entities: string[];
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
    return this.#metaOf().entities;
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
      const { sentOffsets, sentences } = this.#snap;
      const out: [number, number][] = [];
      const end = 2 * (sentOffsets[this.#k + 1] as number);
      for (let i = 2 * (sentOffsets[this.#k] as number); i < end; i += 2) {
        out.push([sentences[i] as number, sentences[i + 1] as number]);
      }
      this.#sentences = out;
    }
    return this.#sentences;
  }
  get sig(): number[] {
    const n = this.#snap.sigSize;
    return (this.#sig ??= Array.from(this.#snap.sig.subarray(this.#k * n, (this.#k + 1) * n)));
  }
  get terms(): number[] {
    return (this.#terms ??= Array.from(this.rawTerms()));
  }
  get tfs(): number[] {
    return (this.#tfs ??= Array.from(this.rawTfs()));
  }
  get text(): string {
    return this.#bodyOf().text;
  }
  rawTerms(): Int32Array {
    const o = this.#snap.termOffsets;
    return this.#snap.terms.subarray(o[this.#k], o[this.#k + 1]);
  }
  rawTfs(): Int32Array {
    const o = this.#snap.termOffsets;
    return this.#snap.tfs.subarray(o[this.#k], o[this.#k + 1]);
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
    entities: d.entities,
  };
  return JSON.stringify(m);
}

/** Grows an Int32Array-backed list. */
class IntList {
  a: Int32Array;
  n = 0;
  constructor(cap: number) {
    this.a = new Int32Array(Math.max(16, cap));
  }
  push(x: number): void {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = x;
  }
  pushAll(xs: ArrayLike<number>): void {
    for (let i = 0; i < xs.length; i++) this.push(xs[i] as number);
  }
  done(): Int32Array {
    return this.a.slice(0, this.n);
  }
}

/**
 * Packs the live index data (docs from `from` on are library articles, with their sources).
 * Runs synchronously, so it sees one consistent state of the index.
 */
export function packIndex(
  data: MatchIndexData,
  from: number,
  sourceJson: (id: string) => string,
  seq: number,
  bundled: string,
): IndexSnapshot {
  const docs = data.docs.slice(from);
  const n = docs.length;
  let totalPost = 0;
  for (const p of data.postings) totalPost += p.length;
  const postOffsets = new Int32Array(data.postings.length + 1);
  const postings = new Int32Array(totalPost);
  let at = 0;
  data.postings.forEach((p, t) => {
    postOffsets[t] = at;
    postings.set(p, at);
    at += p.length;
  });
  postOffsets[data.postings.length] = at;
  const sigSize = docs[0]?.sig.length ?? 0;
  const sig = new Uint32Array(n * sigSize);
  const len = new Int32Array(n);
  const fp = new Float64Array(n);
  const termOffsets = new Int32Array(n + 1);
  const terms = new IntList(n * 64);
  const tfs = new IntList(n * 64);
  const sentOffsets = new Int32Array(n + 1);
  const sentences = new IntList(n * 32);
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
    termOffsets[k] = terms.n;
    if (d instanceof PackedDoc) {
      // Unchanged since it was read: its bytes are copied as they are, nothing decoded.
      terms.pushAll(d.rawTerms());
      tfs.pushAll(d.rawTfs());
      for (let f = 0; f < FIELDS; f++) put(k, f, d.rawBytes(f));
    } else {
      terms.pushAll(d.terms);
      tfs.pushAll(d.tfs);
      put(k, META, encoder.encode(metaJson(d)));
      put(k, SOURCE, encoder.encode(sourceJson(d.id)));
    }
    sentOffsets[k] = sentences.n / 2;
    for (const [s, e] of d.sentences) {
      sentences.push(s);
      sentences.push(e);
    }
  });
  termOffsets[n] = terms.n;
  sentOffsets[n] = sentences.n / 2;
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
    postings,
    avgLen: data.avgLen,
    entityNames: JSON.stringify(Object.keys(data.entityDf)),
    entityCounts: Int32Array.from(Object.values(data.entityDf)),
    ids: JSON.stringify(docs.map((d) => d.id)),
    sigSize,
    len,
    fingerprint: fp,
    sig,
    termOffsets,
    terms: terms.done(),
    tfs: tfs.done(),
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
  const names = jsonStrings(s.entityNames);
  const i32 = (x: unknown, len?: number) =>
    x instanceof Int32Array && (len === undefined || x.length === len);
  return (
    s.format === SNAPSHOT_FORMAT &&
    typeof s.seq === 'number' &&
    typeof s.bundled === 'string' &&
    typeof s.vocab === 'string' &&
    n >= 0 &&
    i32(s.df) &&
    i32(s.postOffsets, (s.df as Int32Array).length + 1) &&
    i32(s.postings) &&
    typeof s.avgLen === 'number' &&
    names !== null &&
    i32(s.entityCounts, names.length) &&
    typeof s.sigSize === 'number' &&
    i32(s.len, n) &&
    s.fingerprint instanceof Float64Array &&
    s.fingerprint.length === n &&
    s.sig instanceof Uint32Array &&
    s.sig.length === n * (s.sigSize as number) &&
    i32(s.termOffsets, n + 1) &&
    i32(s.terms) &&
    i32(s.tfs, (s.terms as Int32Array).length) &&
    i32(s.sentOffsets, n + 1) &&
    i32(s.sentences) &&
    s.strings instanceof Uint8Array &&
    i32(s.stringOffsets, n * FIELDS + 1) &&
    (s.stringOffsets as Int32Array)[n * FIELDS] === s.strings.length
  );
}

function jsonStrings(v: unknown): string[] | null {
  if (typeof v !== 'string') return null;
  try {
    const a: unknown = JSON.parse(v);
    return Array.isArray(a) && a.every((x) => typeof x === 'string') ? a : null;
  } catch {
    return null; // not JSON: a damaged snapshot, which the caller does not use
  }
}

/** The library article ids of a snapshot, in order, or null when damaged. */
export function snapshotIds(s: Partial<IndexSnapshot>): string[] | null {
  return jsonStrings(s.ids);
}

/** The entity document frequencies of a snapshot (checked by `isSnapshot`). */
export function snapshotEntityDf(s: IndexSnapshot): Record<string, number> {
  const names = jsonStrings(s.entityNames) ?? [];
  const df: Record<string, number> = {};
  for (let i = 0; i < names.length; i++) df[names[i] as string] = s.entityCounts[i] as number;
  return df;
}
