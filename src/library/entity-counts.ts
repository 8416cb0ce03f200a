/**
 * How many articles of the live index name each entity (to tell event-specific names from
 * ubiquitous ones). A restored index reads the snapshot's table as it is: names sorted and
 * concatenated in one string, looked up by binary search, nothing built at restart; the changes
 * since are counted beside it.
 */

/** The snapshot's table: `text` holds the sorted names end to end, name k ending at `ends[k]`. */
export interface EntityTable {
  text: string;
  ends: Int32Array;
  counts: Int32Array;
}

export class EntityCounts {
  readonly #base: EntityTable | null;
  /** Counts of names not in the table, or changes to those in it. */
  readonly #delta = new Map<string, number>();

  constructor(from: EntityTable | Record<string, number> | null) {
    if (from === null || isTable(from)) this.#base = from;
    else {
      this.#base = null;
      for (const [e, n] of Object.entries(from)) this.#delta.set(e, n);
    }
  }

  /** Articles naming `e` (0 for none). */
  get(e: string): number {
    return this.#baseCount(e) + (this.#delta.get(e) ?? 0);
  }

  /** One more (or, with -1, one fewer) article names `e`. */
  add(e: string, n = 1): void {
    this.#delta.set(e, (this.#delta.get(e) ?? 0) + n);
  }

  /** Every name some article has, with its count, sorted by name. */
  table(): EntityTable {
    const all = new Map<string, number>();
    const b = this.#base;
    if (b) for (let k = 0; k < b.ends.length; k++) all.set(nameAt(b, k), b.counts[k] as number);
    for (const [e, n] of this.#delta) all.set(e, (all.get(e) ?? 0) + n);
    const names = [...all.keys()].filter((e) => (all.get(e) ?? 0) > 0).sort(byCodeUnits);
    const ends = new Int32Array(names.length);
    const counts = new Int32Array(names.length);
    let at = 0;
    names.forEach((e, k) => {
      at += e.length;
      ends[k] = at;
      counts[k] = all.get(e) as number;
    });
    return { text: names.join(''), ends, counts };
  }

  /** As a plain record (a copy). */
  record(): Record<string, number> {
    const t = this.table();
    const out: Record<string, number> = {};
    for (let k = 0; k < t.ends.length; k++) out[nameAt(t, k)] = t.counts[k] as number;
    return out;
  }

  #baseCount(e: string): number {
    const b = this.#base;
    if (!b) return 0;
    let lo = 0;
    let hi = b.ends.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const name = nameAt(b, mid);
      if (name === e) return b.counts[mid] as number;
      if (byCodeUnits(name, e) < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }
}

function isTable(v: EntityTable | Record<string, number>): v is EntityTable {
  return typeof v.text === 'string' && v.ends instanceof Int32Array;
}

/** Name k of a table. */
export function entityName(t: EntityTable, k: number): string {
  if (!(k >= 0 && k < t.ends.length)) throw new RangeError(`no entity ${k} in the table`);
  return nameAt(t, k);
}

/** Each name of a table → its index. */
export function entityIndex(t: EntityTable): Map<string, number> {
  const m = new Map<string, number>();
  for (let k = 0; k < t.ends.length; k++) m.set(nameAt(t, k), k);
  return m;
}

function nameAt(t: EntityTable, k: number): string {
  return t.text.slice(k === 0 ? 0 : (t.ends[k - 1] as number), t.ends[k] as number);
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether a stored table is whole: as many counts as names, ends rising to the text's end. */
export function isEntityTable(v: unknown): v is EntityTable {
  if (typeof v !== 'object' || v === null) return false;
  const t = v as Partial<EntityTable>;
  if (typeof t.text !== 'string' || !(t.ends instanceof Int32Array)) return false;
  if (!(t.counts instanceof Int32Array) || t.counts.length !== t.ends.length) return false;
  let prev = 0;
  for (let k = 0; k < t.ends.length; k++) {
    const end = t.ends[k] as number;
    if (end <= prev) return false;
    prev = end;
  }
  return prev === t.text.length;
}
