/**
 * Synonym knowledge for quote matching: a compact table derived from WordNet by
 * scripts/build-synonyms.ts (stem → "synsetIds|relatedIds", base 36). It is data, not code: the
 * service worker fetches it from the extension package with the corpus index, and Node entry
 * points read it from disk (src/corpus/node.ts). It reaches the matchers inside the loaded
 * corpus (core/match-tables.ts); `synonymsFrom` checks it there, so a missing or malformed table
 * fails the load instead of silently losing every paraphrase.
 */

export interface SynonymTable {
  source: string;
  version: number;
  stems: Record<string, string>;
}

/** The table, checked and ready to answer. */
export interface Synonyms {
  /** How two stems are tied in WordNet: 'synonym' (a shared synset), 'related' (one link), or null. */
  tie(a: string, b: string): 'synonym' | 'related' | null;
}

/** Entries remembered per table (they repeat across quotes); the cache is then emptied. */
const ENTRY_CACHE_SIZE = 50_000;

export function synonymsFrom(table: SynonymTable): Synonyms {
  if (typeof table?.stems !== 'object' || table.stems === null) {
    throw new Error('synonym table has no stems');
  }
  const stems: Readonly<Record<string, string>> = table.stems;
  const entries = new Map<string, { s: Set<string>; r: Set<string> } | null>();
  const entry = (stem: string): { s: Set<string>; r: Set<string> } | null => {
    let e = entries.get(stem);
    if (e !== undefined) return e;
    const raw = Object.prototype.hasOwnProperty.call(stems, stem) ? stems[stem] : undefined;
    if (raw === undefined) e = null;
    else {
      const [s = '', r = ''] = raw.split('|');
      e = { s: new Set(s ? s.split(',') : []), r: new Set(r ? r.split(',') : []) };
    }
    if (entries.size > ENTRY_CACHE_SIZE) entries.clear();
    entries.set(stem, e);
    return e;
  };
  return {
    tie(a, b) {
      if (a === b) return 'synonym';
      const ea = entry(a);
      const eb = entry(b);
      if (!ea || !eb) return null;
      for (const x of ea.s) if (eb.s.has(x)) return 'synonym';
      for (const x of ea.s) if (eb.r.has(x)) return 'related';
      for (const x of ea.r) if (eb.s.has(x)) return 'related';
      return null;
    },
  };
}
