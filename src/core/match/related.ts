/**
 * Related coverage for a page: same-story articles first, then related ones, each with a
 * score and the reasons it was given. The page's own corpus article is left out.
 */
import type { LoadedCorpus } from '../../corpus/types.ts';
import type { IndexedDoc } from '../match-index.ts';
import type { Reason } from '../reasons.ts';
import { pageDate, pageMentions } from '../mentions.ts';
import { extractQuotes } from '../quotes.ts';
import type { ExtractedArticle, PageQuote, RelatedItem } from '../types.ts';
import { isRejected, MATCH_LIMITS, round, type MatchOptions } from './options.ts';
import { pageParagraphs, pageText } from './page-text.ts';
import { preparePage, type PreparedPage } from './prepared-page.ts';
import {
  publishedReason,
  sameEventReason,
  sharedNamesReason,
  sharedQuotesReason,
  wordingReason,
} from './reasons.ts';
import { comparePageQuote, preparedPageQuote } from './quote-memo.ts';
import {
  markedNotSameStory,
  propagateSameStory,
  QUOTES_COUNTED,
  sharedQuotes,
  storyRelation,
  telling,
} from './same-story.ts';
import { eventSentence, sharedEvent } from './shared-event.ts';

/** Score one shared quote adds to an article's ranking score (up to `QUOTES_COUNTED`). */
const SHARED_QUOTE_BONUS = 0.1;

/**
 * Related coverage from a prepared page, its quotes (as `extractQuotes` found them) and the
 * timeline events it mentions.
 */
export function relatedFor(
  page: PreparedPage,
  quotes: PageQuote[],
  pageEvents: ReadonlySet<string>,
  corpus: LoadedCorpus,
  opts?: MatchOptions,
): RelatedItem[] {
  const index = corpus.match;
  if (index.N === 0 || pageText(page.article).trim().length === 0) return [];
  const story = quotes
    .slice(0, MATCH_LIMITS.storyQuotes)
    .map((q) => preparedPageQuote(page, corpus.tables, q));
  const out: RelatedItem[] = [];
  for (const r of page.ranked) {
    const d = index.docs[r.doc] as IndexedDoc;
    const shared = sharedQuotes(index, corpus.tables, story, d, r.days, r.cosine, (q, cq) =>
      comparePageQuote(page, index, corpus.tables, q, cq, r.days, r.cosine),
    );
    const names = telling(index, r.sharedEntities);
    const relation = storyRelation(r, shared.length, names.length);
    if (relation === null) continue;
    const rejected = relation === 'same-story' && isRejected(d.id, opts);
    const same = relation === 'same-story' && !rejected;
    const why: Reason[] = [];
    if (shared.length > 0) why.push(sharedQuotesReason(shared));
    if (same) {
      const event = sharedEvent(corpus, pageEvents, d);
      const sentence = event ? null : eventSentence(index, page.profile, d);
      if (event) why.push(sameEventReason({ title: event }));
      else if (sentence) why.push(sameEventReason({ sentence }));
    }
    const dp = publishedReason(r.days);
    if (dp) why.push(dp);
    const nr = sharedNamesReason(names);
    if (nr) why.push(nr);
    why.push(wordingReason(r.cosine));
    const score = Math.min(
      1,
      r.score + SHARED_QUOTE_BONUS * Math.min(QUOTES_COUNTED, shared.length),
    );
    const item: RelatedItem = {
      id: d.id,
      title: d.title,
      publishedAt: d.publishedAt,
      outlet: d.outlet,
      relation: same ? 'same-story' : 'related',
      score: round(score),
      why,
    };
    out.push(rejected ? markedNotSameStory(item) : item);
  }
  propagateSameStory(index, out, page.ranked, opts);
  out.sort(
    (a, b) =>
      (a.relation === b.relation ? 0 : a.relation === 'same-story' ? -1 : 1) || b.score - a.score,
  );
  return out.slice(0, MATCH_LIMITS.related);
}

/** Related coverage for a page on its own (the analysis prepares the page once for both matchers). */
export function findRelated(
  article: ExtractedArticle,
  corpus: LoadedCorpus,
  opts?: MatchOptions,
): RelatedItem[] {
  if (corpus.match.N === 0 || pageText(article).trim().length === 0) return [];
  const page = preparePage(article, corpus, opts);
  const quotes = extractQuotes(pageParagraphs(article));
  const events = pageMentions(article, pageDate(article), corpus.events, corpus.tables.lexicon).map(
    (m) => m.eventId,
  );
  return relatedFor(page, quotes, new Set(events), corpus, opts);
}
