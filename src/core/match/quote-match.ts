/**
 * Quote matching: for each page quote, the corpus quotes that render the same remark, in the
 * page's language or translated, with the aligned corpus wording, a score and the reasons.
 */
import type { LoadedCorpus } from '../../corpus/types.ts';
import type { IndexedDoc, IndexedQuote } from '../match-index.ts';
import type { MatchTables } from '../match-tables.ts';
import type { ExtractedArticle, PageQuote, QuoteMatch } from '../types.ts';
import { splitSentences } from '../sentences.ts';
import { MATCH_LIMITS, round, type MatchOptions } from './options.ts';
import { preparePage, type PreparedPage } from './prepared-page.ts';
import { quoteCandidates } from './quote-candidates.ts';
import { compareQuote, isNear, SAME_NEWS_DAYS, type QuoteComparison } from './quote-compare.ts';
import { comparePageQuote, preparedPageQuote } from './quote-memo.ts';
import { partReason, publishedReason, renderingReason } from './reasons.ts';
import { isChineseQuote, prepareQuote, tokensOf, type PreparedQuote } from './remark.ts';

/** Sentence pieces of a long page quote matched on their own (the rest only as a whole). */
const PIECES_MATCHED = 8;
/** Characters the aligned wording may widen by on each side to reach its clause's bounds. */
const CLAUSE_REACH = 40;

/**
 * Fills each page quote's `matches` from a prepared page. Returns new objects; a failure (a
 * missing synonym or gloss table, a broken index) throws.
 */
export function quoteMatchesFor(
  page: PreparedPage,
  quotes: PageQuote[],
  corpus: LoadedCorpus,
): PageQuote[] {
  const { match: index, tables } = corpus;
  if (index.N === 0 || quotes.length === 0) return quotes.map((q) => ({ ...q, matches: [] }));
  const paras = page.paragraphs;
  return quotes.map((q, qi) => {
    if (qi >= MATCH_LIMITS.pageQuotes) return { ...q, matches: [] };
    const pq = preparedPageQuote(page, tables, q);
    const segments = segmentsOf(tables, q, paras, pq.context);
    const matches: QuoteMatch[] = [];
    const sides = [pq, ...segments.map((x) => x.q)];
    for (const r of page.ranked) {
      const d = index.docs[r.doc] as IndexedDoc;
      for (const k of quoteCandidates(tables, d, sides, isNear(r.days))) {
        const cq = d.quotes[k] as IndexedQuote;
        let best: { cmp: QuoteComparison; seg: string | null } | null = null;
        for (const seg of segments) {
          const cmp = compareQuote(index, tables, seg.q, cq, r.days, r.cosine);
          if (cmp && (!best || cmp.score > best.cmp.score)) best = { cmp, seg: seg.label };
        }
        const whole = comparePageQuote(page, index, tables, pq, cq, r.days, r.cosine);
        if (whole && (!best || whole.score >= best.cmp.score)) best = { cmp: whole, seg: null };
        if (!best || best.cmp.score < MATCH_LIMITS.quoteThreshold) continue;
        const why = [...best.cmp.why];
        if (best.seg) why.unshift(partReason(best.seg));
        const published = Math.abs(r.days ?? Infinity) <= SAME_NEWS_DAYS;
        const date = published ? publishedReason(r.days) : null;
        if (date) why.push(date);
        const translated = pq.chinese !== isChineseQuote(cq);
        if (translated) why.unshift(renderingReason(pq.chinese));
        matches.push({
          articleId: d.id,
          text: alignedText(tables, cq, best.cmp.from, best.cmp.to),
          score: round(best.cmp.score),
          outlet: d.outlet,
          publishedAt: d.publishedAt,
          why,
          ...(translated ? { translated: true } : {}),
        });
      }
    }
    matches.sort((a, b) => b.score - a.score);
    return { ...q, matches: matches.slice(0, MATCH_LIMITS.matchesPerQuote) };
  });
}

/**
 * Fills each page quote's `matches` for a page on its own (the analysis prepares the page once
 * for both matchers).
 */
export function matchQuotes(
  quotes: PageQuote[],
  article: ExtractedArticle,
  corpus: LoadedCorpus,
  opts?: MatchOptions,
): PageQuote[] {
  if (corpus.match.N === 0 || quotes.length === 0)
    return quotes.map((q) => ({ ...q, matches: [] }));
  return quoteMatchesFor(preparePage(article, corpus, opts), quotes, corpus);
}

/** Sentence pieces of a multi-sentence page quote, matched on their own too. */
export function segmentsOf(
  tables: MatchTables,
  q: PageQuote,
  paras: readonly string[],
  /** The whole quote's surrounding words, when the caller prepared it already. */
  wholeContext?: Set<string>,
): { q: PreparedQuote; label: string }[] {
  const text = typeof q.text === 'string' ? q.text : '';
  // Sentences, and the two halves of "…, but …".
  const parts = splitSentences(text)
    .flatMap((s) => s.text.split(/(?<=[,;])\s+(?=but\s)/))
    .filter((s) => s.trim());
  if (parts.length < 2) return [];
  const context = wholeContext ?? prepareQuote(tables, q, paras).context;
  return parts.slice(0, PIECES_MATCHED).map((p) => ({
    q: { ...prepareQuote(tables, { ...q, text: p }, paras), context },
    label: p,
  }));
}

/** The corpus quote's text for content-word span [from, to], widened to its clause. */
function alignedText(tables: MatchTables, cq: IndexedQuote, from: number, to: number): string {
  const spans = tokensOf(tables, cq).spans;
  const a = spans[from];
  const b = spans[to];
  if (!a || !b) return cq.text;
  const text = cq.text;
  // Widen to the clause: back to the previous punctuation, forward to the next, when close.
  const before = text.slice(0, a[0]);
  const cut = before.search(/[,.;:!?][^,.;:!?]*$/);
  const s =
    cut >= 0 && a[0] - cut <= CLAUSE_REACH ? cut + 1 : before.length <= CLAUSE_REACH ? 0 : a[0];
  const after = text.slice(b[1]);
  const stop = after.search(/[,.;:!?]/);
  const e =
    stop >= 0 && stop <= CLAUSE_REACH
      ? b[1] + stop
      : stop < 0 && after.length <= CLAUSE_REACH
        ? text.length
        : b[1];
  return text.slice(s, e).trim();
}
