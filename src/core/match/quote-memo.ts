/**
 * Per-page memory of the quote work both matchers do: related coverage (shared quotes) and quote
 * matching prepare the same page quotes and compare them with the same ranked articles' quotes,
 * so each page quote is prepared once and each (page quote, corpus quote) pair compared once
 * per analysis. Kept with the prepared page, so it lives as long as one analysis.
 */
import type { IndexedQuote, MatchIndex } from '../match-index.ts';
import type { MatchTables } from '../match-tables.ts';
import type { PageQuote } from '../types.ts';
import type { PreparedPage } from './prepared-page.ts';
import { compareQuote, type QuoteComparison } from './quote-compare.ts';
import { prepareQuote, type PreparedQuote } from './remark.ts';

interface Compared {
  index: MatchIndex;
  tables: MatchTables;
  days: number | null;
  cosine: number;
  result: QuoteComparison | null;
}
interface Memo {
  tables: MatchTables;
  prepared: Map<PageQuote, PreparedQuote>;
  compared: Map<PreparedQuote, Map<IndexedQuote, Compared>>;
}
const memos = new WeakMap<PreparedPage, Memo>();

function memoOf(page: PreparedPage, tables: MatchTables): Memo {
  let m = memos.get(page);
  if (!m || m.tables !== tables) {
    m = { tables, prepared: new Map(), compared: new Map() };
    memos.set(page, m);
  }
  return m;
}

/** `prepareQuote` of a page quote over the page's paragraphs, once per page. */
export function preparedPageQuote(
  page: PreparedPage,
  tables: MatchTables,
  q: PageQuote,
): PreparedQuote {
  const m = memoOf(page, tables);
  let p = m.prepared.get(q);
  if (!p) m.prepared.set(q, (p = prepareQuote(tables, q, page.paragraphs)));
  return p;
}

/** `compareQuote` of a page quote and a corpus quote, once per page for the same arguments. */
export function comparePageQuote(
  page: PreparedPage,
  index: MatchIndex,
  tables: MatchTables,
  q: PreparedQuote,
  cq: IndexedQuote,
  days: number | null,
  cosine: number,
): QuoteComparison | null {
  const m = memoOf(page, tables);
  let byQuote = m.compared.get(q);
  if (!byQuote) m.compared.set(q, (byQuote = new Map()));
  const hit = byQuote.get(cq);
  if (hit && hit.index === index && hit.days === days && hit.cosine === cosine) return hit.result;
  const result = compareQuote(index, tables, q, cq, days, cosine);
  byQuote.set(cq, { index, tables, days, cosine, result });
  return result;
}
