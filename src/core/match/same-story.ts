/**
 * The same-story decision: whether a ranked article tells the page's story (published close
 * together, and sharing quotes, event-specific names or much of the wording) or is only
 * related, and the reader's "not the same story" correction applied to it.
 */
import type { IndexedDoc, IndexedQuote, MatchIndex } from '../match-index.ts';
import type { MatchTables } from '../match-tables.ts';
import type { RelatedItem } from '../types.ts';
import { MATCH_LIMITS, type MatchOptions, isRejected } from './options.ts';
import { quoteCandidates } from './quote-candidates.ts';
import { compareQuote, isNear, SAME_NEWS_DAYS, type QuoteComparison } from './quote-compare.ts';
import type { DocScore } from './rank.ts';
import { closeVersionReason, notSameStoryReason } from './reasons.ts';
import type { PreparedQuote } from './remark.ts';
import { docCosine } from './rank.ts';

/** Evidence one shared quote adds to the wording's cosine… */
const QUOTE_EVIDENCE = 0.12;
/** …counting at most this many quotes. */
export const QUOTES_COUNTED = 3;
/** Evidence one telling shared name adds… */
const NAME_EVIDENCE = 0.02;
/** …counting at most this many names. */
const NAMES_COUNTED = 5;
/** Evidence needed without dates on both sides: more, since time cannot help. */
const NEEDED_UNDATED = 0.4;
/** Days apart that count as the same day's news (time zones, late editions). */
const SAME_DAY = 1;
/** Evidence needed when published within a day. */
const NEEDED_SAME_DAY = 0.15;
/** Evidence needed within `SAME_NEWS_DAYS`; later than that an article is never the same story. */
const NEEDED_SAME_NEWS = 0.25;
/** Wording cosine from which an article is related at all. */
const RELATED_COSINE = 0.04;
/** Shared names from which an article is related at all. */
const RELATED_NAMES = 3;
/** Below this many articles every multi-word name is telling (document counts mean nothing). */
const TELLING_MIN_ARTICLES = 20;
/** A name at most a fifth of the articles mention points at an event ("Qin Gang", not "Joe Biden")… */
const TELLING_SHARE = 5;
/** …or at most this many, in a small corpus. */
const TELLING_MIN_DF = 2;
/** Cosine from which a related article is a close version of a same-story one (a translation). */
const CLOSE_VERSION_COSINE = 0.4;

/**
 * Shared names that point at an event: multi-word names, and in a corpus large enough to
 * tell, only those that at most a fifth of the articles mention ("Qin Gang", not "Joe Biden").
 */
export function telling(index: MatchIndex, shared: string[]): string[] {
  const count = index.entityCount ?? recordCount(index.data.entityDf ?? {});
  return shared.filter(
    (e) =>
      e.includes(' ') &&
      (index.N < TELLING_MIN_ARTICLES ||
        count(e) <= Math.max(TELLING_MIN_DF, index.N / TELLING_SHARE)),
  );
}

function recordCount(df: Record<string, number>): (e: string) => number {
  return (e) => df[e] ?? 0;
}

/** Page quotes rendered by quotes of `d` (their text), counting the larger side of the pairs. */
export function sharedQuotes(
  index: MatchIndex,
  tables: MatchTables,
  quotes: PreparedQuote[],
  d: IndexedDoc,
  days: number | null,
  cosine: number,
  /** `compareQuote` with these arguments (the analysis remembers its comparisons). */
  compare: (q: PreparedQuote, cq: IndexedQuote) => QuoteComparison | null = (q, cq) =>
    compareQuote(index, tables, q, cq, days, cosine),
): string[] {
  // A page quote may render several corpus quotes and the reverse: count the larger side.
  const pageSide: string[] = [];
  const corpusSide = new Set<number>();
  for (const q of quotes) {
    let hit = false;
    for (const k of quoteCandidates(tables, d, [q], isNear(days))) {
      const m = compare(q, d.quotes[k] as IndexedQuote);
      if (m && m.score >= MATCH_LIMITS.quoteThreshold) {
        hit = true;
        corpusSide.add(k);
      }
    }
    if (hit) pageSide.push(q.text);
  }
  if (corpusSide.size > pageSide.length) {
    for (const k of corpusSide) {
      const t = d.quotes[k]?.text ?? '';
      if (pageSide.length < corpusSide.size && !pageSide.includes(t)) pageSide.push(t);
    }
  }
  return pageSide;
}

/** Same story and related, as the evidence decides before the reader's correction. */
export function storyRelation(
  r: DocScore,
  sharedQuoteCount: number,
  tellingNames: number,
): 'same-story' | 'related' | null {
  const evidence =
    r.cosine +
    QUOTE_EVIDENCE * Math.min(QUOTES_COUNTED, sharedQuoteCount) +
    NAME_EVIDENCE * Math.min(NAMES_COUNTED, tellingNames);
  const needed =
    r.days === null
      ? NEEDED_UNDATED
      : Math.abs(r.days) <= SAME_DAY
        ? NEEDED_SAME_DAY
        : Math.abs(r.days) <= SAME_NEWS_DAYS
          ? NEEDED_SAME_NEWS
          : Infinity;
  if (evidence >= needed) return 'same-story';
  const related =
    r.cosine >= RELATED_COSINE || r.sharedEntities.length >= RELATED_NAMES || sharedQuoteCount > 0;
  return related ? 'related' : null;
}

/**
 * The reader's correction: an article marked "not the same story" stays as related coverage,
 * with the correction as its first reason. The one rule for the matcher and the stored analysis.
 */
export function markedNotSameStory<T extends Pick<RelatedItem, 'relation' | 'why'>>(item: T): T {
  return { ...item, relation: 'related', why: [notSameStoryReason(), ...item.why] };
}

/**
 * A related article published within `SAME_NEWS_DAYS` that is a close version of a same-story
 * article (another translation of one report) tells the same story too.
 */
export function propagateSameStory(
  index: MatchIndex,
  items: RelatedItem[],
  ranked: DocScore[],
  opts: MatchOptions | undefined,
) {
  const days = new Map(ranked.map((r) => [index.docs[r.doc]?.id, r.days]));
  const same = items.filter((x) => x.relation === 'same-story');
  for (const item of items) {
    if (item.relation !== 'related' || isRejected(item.id, opts)) continue;
    const dd = days.get(item.id);
    if (dd === null || dd === undefined || Math.abs(dd) > SAME_NEWS_DAYS) continue;
    const doc = index.docs[index.byId.get(item.id) ?? -1];
    if (!doc) continue;
    for (const s of same) {
      const other = index.docs[index.byId.get(s.id) ?? -1];
      if (!other) continue;
      const c = docCosine(index, doc, other);
      if (c >= CLOSE_VERSION_COSINE) {
        item.relation = 'same-story';
        item.why.unshift(closeVersionReason(other.title));
        break;
      }
    }
  }
}
