/**
 * Which of an article's quotes a page quote can match at all, found through an index of the
 * article's quote words instead of testing every quote: `compareQuote` turns down, before any
 * alignment, a pair that shares no word or root (`sharesRoot`) unless the same speaker said it
 * around the same time, so only the quotes sharing a key with the page quote, and around the
 * same time those by its speaker, can match. Skipping the others changes no result; it spares
 * a long transcript's hundreds of quotes on every analysis.
 */
import type { IndexedDoc } from '../match-index.ts';
import type { MatchTables } from '../match-tables.ts';
import { quoteRoots, rootKeys, type PreparedQuote } from './remark.ts';

/** Marks a speaker key apart from word and root keys. */
const SPEAKER_MARK = '\u0002';

// Per article: each word, root and speaker key → the indexes of its quotes that have it.
const keyIndexes = new WeakMap<MatchTables, WeakMap<IndexedDoc, Map<string, number[]>>>();

function keyIndexOf(tables: MatchTables, d: IndexedDoc): Map<string, number[]> {
  let perDoc = keyIndexes.get(tables);
  if (!perDoc) keyIndexes.set(tables, (perDoc = new WeakMap()));
  let index = perDoc.get(d);
  if (!index) {
    const m = new Map<string, number[]>();
    const add = (key: string, k: number) => {
      const list = m.get(key);
      if (!list) m.set(key, [k]);
      else if (list[list.length - 1] !== k) list.push(k);
    };
    d.quotes.forEach((cq, k) => {
      for (const key of quoteRoots(tables, cq)) add(key, k);
      if (cq.speakerKey !== null) add(SPEAKER_MARK + cq.speakerKey, k);
    });
    perDoc.set(d, m);
    index = m;
  }
  return index;
}

/** A prepared quote's word and root keys (`rootKeys` of each word), made once per quote. */
const quoteKeys = new WeakMap<MatchTables, WeakMap<PreparedQuote, readonly string[]>>();
function keysOf(tables: MatchTables, q: PreparedQuote): readonly string[] {
  let perQuote = quoteKeys.get(tables);
  if (!perQuote) quoteKeys.set(tables, (perQuote = new WeakMap()));
  let keys = perQuote.get(q);
  if (!keys) {
    const set = new Set<string>();
    for (const st of q.stems) rootKeys(tables, st, set);
    perQuote.set(q, (keys = [...set]));
  }
  return keys;
}

/** Marks of the quotes found (scratch: one call at a time), grown to the longest article met. */
let hit = new Uint8Array(64);

/**
 * Indexes (ascending) of the article's quotes that any of `quotes` may match: sharing a word or
 * root with one, or, when `near` (see `isNear`), said by one's speaker. A page quote's keys are
 * made once, not once per article.
 */
export function quoteCandidates(
  tables: MatchTables,
  d: IndexedDoc,
  quotes: readonly PreparedQuote[],
  near: boolean,
): number[] {
  const n = d.quotes.length;
  if (n === 0) return [];
  const index = keyIndexOf(tables, d);
  if (hit.length < n) hit = new Uint8Array(Math.max(n, 2 * hit.length));
  else hit.fill(0, 0, n);
  const mark = (key: string) => {
    const list = index.get(key);
    if (list) for (const k of list) hit[k] = 1;
  };
  for (const q of quotes) {
    for (const key of keysOf(tables, q)) mark(key);
    if (near && q.speaker !== null) mark(SPEAKER_MARK + q.speaker);
  }
  const out: number[] = [];
  for (let k = 0; k < n; k++) if (hit[k]) out.push(k);
  return out;
}
