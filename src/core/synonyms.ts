/**
 * Synonym knowledge for quote matching: a compact table derived from WordNet by
 * scripts/build-synonyms.ts (stem → "synsetIds|relatedIds", base 36). It is data, not code: the
 * service worker fetches it from the extension package with the corpus index, and Node entry
 * points read it from disk (src/corpus/node.ts). Matching without it would silently lose every
 * paraphrase, so using it before it is installed throws.
 */

export interface SynonymTable {
  source: string;
  version: number;
  stems: Record<string, string>;
}

let stems: Readonly<Record<string, string>> | null = null;
const entries = new Map<string, { s: Set<string>; r: Set<string> } | null>();

export function installSynonyms(table: SynonymTable): void {
  if (typeof table?.stems !== 'object' || table.stems === null) {
    throw new Error('synonym table has no stems');
  }
  stems = table.stems;
  entries.clear();
}

export function synonymsInstalled(): boolean {
  return stems !== null;
}

function entry(stem: string): { s: Set<string>; r: Set<string> } | null {
  if (!stems) throw new Error('Backstory: the synonym table is not installed (installSynonyms)');
  let e = entries.get(stem);
  if (e !== undefined) return e;
  const raw = Object.prototype.hasOwnProperty.call(stems, stem) ? stems[stem] : undefined;
  if (raw === undefined) e = null;
  else {
    const [s = '', r = ''] = raw.split('|');
    e = { s: new Set(s ? s.split(',') : []), r: new Set(r ? r.split(',') : []) };
  }
  if (entries.size > 50_000) entries.clear();
  entries.set(stem, e);
  return e;
}

/** How two stems are tied in WordNet: 'synonym' (a shared synset), 'related' (one link), or null. */
export function synonymTie(a: string, b: string): 'synonym' | 'related' | null {
  if (a === b) return 'synonym';
  const ea = entry(a);
  const eb = entry(b);
  if (!ea || !eb) return null;
  for (const x of ea.s) if (eb.s.has(x)) return 'synonym';
  for (const x of ea.s) if (eb.r.has(x)) return 'related';
  for (const x of ea.r) if (eb.s.has(x)) return 'related';
  return null;
}
