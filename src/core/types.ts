/**
 * The data that flows through Backstory's pipeline:
 *   extract (page → ExtractedArticle) → detect (→ Detection) → match (→ related, quotes)
 *   → context (→ ContextItem[]) = Analysis.
 * Plain serialisable data only: the same values cross extension contexts, are stored in
 * `storage.session` and are printed by the CLI.
 */

import type { ContextReason, QuoteReason, Reason } from './reasons.ts';

export type { Reason } from './reasons.ts';

export type Label = 'us-china-diplomacy' | 'china-other' | 'unrelated' | 'not-article';

/** Metadata of the article a reader is looking at. */
export interface ArticleMeta {
  url: string;
  title: string;
  site: string | null;
  /** `YYYY-MM-DD`, or null when the page gives no date. */
  publishedAt: string | null;
  /** BCP 47 primary tag such as `en` or `zh`. */
  lang: string;
  wordCount: number;
  canonicalUrl?: string | null;
  byline?: string | null;
}

/** What extraction hands to detection and matching. */
export interface ExtractedArticle {
  meta: ArticleMeta;
  /** The article body as paragraphs of plain text, in reading order. */
  paragraphs: string[];
  /** Why the page was judged not to be an article (set only when it is not one). */
  notArticleReason?: string;
  /**
   * Why an article's text was not extracted: a cheap look at the whole page showed it cannot
   * be about the topic (see classify.ts). `paragraphs` is then empty.
   */
  skippedReason?: string;
}

export interface Detection {
  label: Label;
  /** 0..1: how confident the label is. */
  score: number;
  /** Why, as data: `{ code, params, text }` (src/core/reasons.ts); `text` is English. */
  reasons: Reason[];
}

export type Relation = 'same-story' | 'related';

/** Where a related item or quote match came from: the bundled corpus or the reader's library. */
export type ItemOrigin = 'bundled' | 'remembered' | 'saved' | 'imported';

/** What the popup needs to say where an item came from ("you read this on …", "imported: …"). */
export interface ItemSource {
  origin: ItemOrigin;
  url: string | null;
  site: string | null;
  /** When it entered the reader's library (ISO). */
  addedAt?: string;
  /** The file it was imported from. */
  importedFrom?: string;
  kind?: 'news' | 'official-readout';
  government?: 'US' | 'PRC' | 'other';
}

export interface RelatedItem {
  id: string;
  title: string;
  publishedAt: string | null;
  outlet?: string | null;
  relation: Relation;
  score: number;
  /** Why it was listed, as data (the popup words each in the reader's language). */
  why: Reason[];
  /** Set by the extension (library): where the item came from, and its address when known. */
  origin?: ItemOrigin;
  url?: string | null;
  source?: ItemSource;
}

export interface QuoteMatch {
  articleId: string;
  /** The aligned corpus wording of the same remark. */
  text: string;
  score: number;
  outlet?: string | null;
  publishedAt?: string | null;
  /** Why it renders the page's remark, as data (the popup and the card word each). */
  why?: QuoteReason[];
  /** Set by the extension (library): where the matched article came from, and its address. */
  origin?: ItemOrigin;
  url?: string | null;
  /** True when the corpus wording is in another language than the page's (a translation). */
  translated?: boolean;
}

/** An official readout of the page's event held in the reader's library. */
export interface OfficialStatement {
  id: string;
  title: string;
  publishedAt: string | null;
  government: 'US' | 'PRC' | 'other';
  outlet: string | null;
  source: ItemSource;
  /** Sentences of the readout that match the page's quotes. */
  sentences: { quote: string; sentence: string }[];
}

export interface PageQuote {
  text: string;
  speaker: string | null;
  /** Quoted between quote marks, or reported without them ("X said that …", "X表示，…"). */
  form?: 'quoted' | 'reported';
  /** Index into ExtractedArticle.paragraphs where the quote starts (anchoring hint). */
  paragraph?: number;
  /** A few characters before and after the quote in the article text (anchoring context). */
  prefix?: string;
  suffix?: string;
  matches: QuoteMatch[];
}

export type EventKind =
  'leader-call' | 'leader-meeting' | 'senior-talks' | 'taiwan-incursion' | 'arms-sale' | 'other';

export const EVENT_KINDS: readonly EventKind[] = [
  'leader-call',
  'leader-meeting',
  'senior-talks',
  'taiwan-incursion',
  'arms-sale',
  'other',
];

/** A source as the popup shows it: publisher and title, a link when there is one. */
export interface ContextSource {
  /** Who published it; null when no one is known (the popup says "Unknown outlet" in the reader's language). */
  publisher: string | null;
  url: string | null;
  title?: string;
  date?: string;
}

/** One entry of the prior-context timeline as shown to the reader. */
export interface ContextItem {
  id: string;
  /** `YYYY-MM-DD` (start date for multi-day events). */
  date: string;
  end?: string | null;
  kind: EventKind;
  title: string;
  /** Where the facts come from, as a reader sees them; `url` null for a bundled article without one. */
  sources: ContextSource[];
  /** Each government's readout of a contact; null: that side published none we know of. */
  readouts?: { us?: ContextSource | null; prc?: ContextSource | null };
  /** Announced, not known to have happened. */
  planned?: boolean;
  summary?: string;
  duration?: string | null;
  figures?: Record<string, number | string>;
  /** True when the page itself mentions this event. */
  mentioned?: boolean;
  /** Why it is in the article's run-up, as data (the popup words each). */
  why?: ContextReason[];
  /** The title, summary and duration in Simplified Chinese (shown when the interface is Chinese). */
  zh?: { title: string; summary: string; duration?: string; figures?: Record<string, string> };
}

export interface HighlightStats {
  anchored: number;
  orphaned: number;
}

/** A corpus article the page was recognised as. */
export interface CorpusArticleRef {
  id: string;
  title: string;
  publishedAt: string | null;
  outlet: string | null;
}

/** The analysis: one shape from the CLI and in `storage.session` under `analysis:<tabId>`. */
export interface Analysis {
  article: ArticleMeta | null;
  detection: Detection;
  related: RelatedItem[];
  quotes: PageQuote[];
  context: ContextItem[];
  /** Set when the page is itself an article of the corpus: reported as that article. */
  corpusArticle?: CorpusArticleRef | null;
  /** Context items beyond the reader-sized list. */
  moreContext?: ContextItem[];
  /** What happened after the article's date: the next leaders' contacts, talks and Taiwan events. */
  since?: ContextItem[];
  /** Set by the extension only, after anchoring. */
  highlights?: HighlightStats;
  /** Official readouts of the event in the reader's library ("what the governments said"). */
  official?: OfficialStatement[];
}
