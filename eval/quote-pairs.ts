/**
 * The written quote-pair sets (`eval/data/quote-pairs-*.jsonl`): reading a set, and the two
 * sides of a pair as the evaluation matches them — one side as the page, the other as a corpus
 * of one article. Shared by `eval/match.ts` and `eval/debug-pair.ts`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildCorpusIndex } from '../src/corpus/build-index.ts';
import { corpusArticleAsPage } from '../src/corpus/as-page.ts';
import { loadCorpus } from '../src/corpus/load.ts';
import { bundledMatchTables, readBundledTables } from '../src/corpus/node.ts';
import type { CorpusArticle, LoadedCorpus } from '../src/corpus/types.ts';
import type { ExtractedArticle } from '../src/core/types.ts';
import { checkFreshSplit, type Half } from './split.ts';

export interface PairSide {
  lang: string;
  date: string;
  text: string;
  quote: string;
}
export interface QuotePair {
  id: string;
  split: Half;
  kind: string;
  same: boolean;
  a: PairSide;
  b: PairSide;
}

/**
 * The pairs of `file` (a name in `eval/data/`, or an absolute path); each side's quote must be
 * in its text. A `fresh` set's halves are checked against the split rule (`eval/split.ts`).
 */
export function readPairs(file: string, fresh: boolean): QuotePair[] {
  const path = file.startsWith('/')
    ? file
    : fileURLToPath(new URL(`./data/${file}`, import.meta.url));
  const pairs = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const p = JSON.parse(l) as QuotePair;
      for (const side of [p.a, p.b]) {
        if (!side.text.includes(side.quote)) {
          throw new Error(`eval/data/${file} line ${i + 1}: quote not in its text`);
        }
      }
      return p;
    });
  if (fresh) checkFreshSplit(file, pairs);
  return pairs;
}

/** One side as a small corpus article. */
function sideArticle(id: string, s: PairSide): CorpusArticle {
  return {
    id,
    title: s.text.slice(0, 40),
    publishedAt: s.date,
    outlet: null,
    lang: s.lang,
    url: null,
    inferred: {},
    text: s.text,
  };
}

/** One side as the page being read. */
export const sideAsPage = (id: string, s: PairSide): ExtractedArticle =>
  corpusArticleAsPage(sideArticle(id, s));

/** A corpus of the other side alone. */
export const sideAsCorpus = (id: string, s: PairSide): LoadedCorpus =>
  loadCorpus(buildCorpusIndex([sideArticle(id, s)], [], bundledMatchTables()), readBundledTables());
