/** What a caller may ask of matching, and the limits every matcher shares. */

export interface MatchOptions {
  /** Corpus ids to leave out entirely (e.g. the page's own article in leave-one-out runs). */
  exclude?: ReadonlySet<string>;
  /** Corpus ids the reader marked "not the same story" for this page: at most related. */
  rejected?: ReadonlySet<string>;
  /** The corpus article the page is, when the caller has identified it already (null: none). */
  self?: string | null;
}

/** Tunables, named so the evaluation and the reasons can refer to them. */
export const MATCH_LIMITS = {
  /** Candidates taken from the inverted index before exact re-ranking. */
  candidates: 100,
  /** Query terms whose postings are always read (the most discriminative ones). */
  queryTerms: 8,
  /** Re-ranked articles whose quotes are compared for "same story". */
  quoteCompared: 20,
  /** Related items returned. */
  related: 10,
  /** Page quotes matched (a page with more keeps the rest unmatched). */
  pageQuotes: 400,
  /** Page quotes compared when judging "same story" (shared quotes). */
  storyQuotes: 100,
  /** Matches kept per page quote. */
  matchesPerQuote: 8,
  /** Content words of a quote considered. */
  quoteWords: 80,
  /** Minimum quote-match score. */
  quoteThreshold: 0.6,
  /** MinHash similarity above which the page is that corpus article. */
  identical: 0.8,
} as const;

export function isExcluded(id: string, opts: MatchOptions | undefined): boolean {
  return opts?.exclude?.has(id) === true;
}

/** The reader said this article is not the same story as the page. */
export function isRejected(id: string, opts: MatchOptions | undefined): boolean {
  return opts?.rejected?.has(id) === true;
}

/** Scores are given to three decimals. */
export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
