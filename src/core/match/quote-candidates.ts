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

/**
 * Indexes (ascending) of the article's quotes that any of `quotes` may match: sharing a word or
 * root with one, or, when `near` (see `isNear`), said by one's speaker.
 */
export function quoteCandidates(
  tables: MatchTables,
  d: IndexedDoc,
  quotes: readonly PreparedQuote[],
  near: boolean,
): number[] {
  if (d.quotes.length === 0) return [];
  const index = keyIndexOf(tables, d);
  const keys = new Set<string>();
  for (const q of quotes) {
    for (const st of q.stems) rootKeys(tables, st, keys);
    if (near && q.speaker !== null) keys.add(SPEAKER_MARK + q.speaker);
  }
  const hit = new Uint8Array(d.quotes.length);
  for (const key of keys) for (const k of index.get(key) ?? []) hit[k] = 1;
  const out: number[] = [];
  for (let k = 0; k < hit.length; k++) if (hit[k]) out.push(k);
  return out;
}
