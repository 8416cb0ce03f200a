/**
 * The data quote matching needs besides the corpus index: the WordNet synonym table and the
 * Chinese gloss table. Both travel inside the loaded corpus (`LoadedCorpus.tables`), so whoever
 * has a corpus has them: loading a corpus checks them (a missing or malformed table throws
 * there, not as silently lost matches later), and every analysis makes its corpus' tables the
 * ones the matchers read before it matches anything.
 */
import { installSynonyms, type SynonymTable } from './synonyms.ts';
import { installZhGloss, type ZhGlossTable } from './zh-gloss.ts';

export interface MatchTables {
  synonyms: SynonymTable;
  zhGloss: ZhGlossTable;
}

let active: MatchTables | null = null;

/** Make `tables` the ones matching reads (checked; a no-op when they already are). */
export function useMatchTables(tables: MatchTables): void {
  if (tables === active) return;
  if (typeof tables !== 'object' || tables === null) throw new Error('no matching tables');
  installSynonyms(tables.synonyms);
  installZhGloss(tables.zhGloss);
  active = tables;
}
