/**
 * The data the pipeline needs besides the corpus index: the lexicon (names, detection's words,
 * event mentions' place and contact words), the WordNet synonym table and the Chinese gloss
 * table. They travel inside the loaded corpus (`LoadedCorpus.tables`) and are passed to every
 * function that reads them, so whoever has a corpus has them and nothing reads a table that was
 * never given: `matchTablesFrom` checks the raw tables when the corpus loads (a missing or
 * malformed one throws there, not as silently lost matches later; the lexicon is checked when
 * it is read, which its type proves).
 */
import type { Lexicon } from './lexicon.ts';
import { synonymsFrom, type Synonyms, type SynonymTable } from './synonyms.ts';
import { zhGlossFrom, type ZhGloss, type ZhGlossTable } from './zh-gloss.ts';

/** The tables as shipped (JSON files beside the corpus index). */
export interface MatchTableData {
  /** The lexicon, checked when it was read (lexicon.ts). */
  lexicon: Lexicon;
  synonyms: SynonymTable;
  zhGloss: ZhGlossTable;
}

/** The tables checked and ready, as the matchers take them. */
export interface MatchTables {
  lexicon: Lexicon;
  synonyms: Synonyms;
  zh: ZhGloss;
}

// Prepared once per shipped table object: corpora loaded with the same data share the tables
// and what their matchers remember.
const prepared = new WeakMap<MatchTableData, MatchTables>();

/** Checks and prepares the shipped tables; throws on a missing or malformed one. */
export function matchTablesFrom(data: MatchTableData): MatchTables {
  if (typeof data !== 'object' || data === null) throw new Error('no matching tables');
  let tables = prepared.get(data);
  if (!tables) {
    tables = {
      lexicon: data.lexicon,
      synonyms: synonymsFrom(data.synonyms),
      zh: zhGlossFrom(data.zhGloss),
    };
    prepared.set(data, tables);
  }
  return tables;
}
