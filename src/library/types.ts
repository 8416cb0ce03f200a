/**
 * The reader's library: articles Backstory remembered, the reader saved, or the reader imported,
 * kept in IndexedDB in the extension's own origin. One record shape everywhere: stored, exported
 * and imported as JSONL (one article a line), and written by the CLI as a pack.
 */

/** The library's schema version: the IndexedDB version (2 added the change log and the index snapshot; the JSONL record layout is unchanged). */
export const LIBRARY_SCHEMA_VERSION = 2;

export type LibraryOrigin = 'remembered' | 'saved' | 'imported';
export const LIBRARY_ORIGINS: readonly LibraryOrigin[] = ['remembered', 'saved', 'imported'];

export type ArticleKind = 'news' | 'official-readout';
export const ARTICLE_KINDS: readonly ArticleKind[] = ['news', 'official-readout'];

export type Government = 'US' | 'PRC' | 'other';
export const GOVERNMENTS: readonly Government[] = ['US', 'PRC', 'other'];

export interface LibraryQuote {
  text: string;
  speaker: string | null;
}

export interface LibraryArticle {
  /** `lib-` and a hash of the first text the article was stored with; stable across updates. */
  id: string;
  /** Every address the article was seen under (a syndicated story under two URLs is one article). */
  urls: string[];
  canonicalUrl: string | null;
  /** Host name of the first address, e.g. `www.reuters.com`. */
  site: string | null;
  /** The outlet's name when the page gave one. */
  outlet: string | null;
  title: string;
  /** `YYYY-MM-DD` or null. */
  publishedAt: string | null;
  lang: string;
  paragraphs: string[];
  quotes: LibraryQuote[];
  kind: ArticleKind;
  /** For official readouts: whose government issued it. */
  government?: Government;
  origin: LibraryOrigin;
  /** For imported articles: the file they came from. */
  importedFrom?: string;
  /** ISO timestamp of when the article first entered the library. */
  addedAt: string;
  /** ISO timestamp of the latest reading, when read again. */
  updatedAt?: string;
  /** Hash of the normalised text (same text under another address is the same article). */
  textHash: string;
}

/** Where an item came from, as the analysis reports it (defined with the analysis types). */
export type { ItemOrigin, ItemSource as LibrarySource } from '../core/types.ts';
