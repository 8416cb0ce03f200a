import type { EventKind } from '../core/types.ts';
import type { MatchIndex, MatchIndexData } from '../core/match-index.ts';
import type { MatchTables } from '../core/match-tables.ts';

/** One article of the bundled corpus, as validated from its source file. */
export interface CorpusArticle {
  /** The seed's file name without `.txt`, e.g. `000_413b31f82552ca23`. */
  id: string;
  title: string;
  /** `YYYY-MM-DD` or null. */
  publishedAt: string | null;
  /** Who published it, when its text or metadata says so; null: unknown outlet. */
  outlet: string | null;
  /** Where the text or metadata names the outlet (required with one), or why it is unknown. */
  outletEvidence?: string;
  lang: string;
  url: string | null;
  /** For each field that was not stated by the source but inferred: what it was inferred from. */
  inferred: Partial<Record<'title' | 'publishedAt' | 'outlet', string>>;
  /** The date given by a stray ` date YYYY-MM-DD` marker line of the seed, when it had one. */
  dateMarker?: string;
  /** Clean article text, paragraphs separated by blank lines. */
  text: string;
}

/** A source a reader can open. */
export interface SourceLink {
  /** Who published it, as a reader knows them ("The White House", "Reuters"). */
  publisher: string;
  /** An http(s) URL. */
  url: string;
  title?: string;
  /** `YYYY-MM-DD`. */
  date?: string;
}

/** A bundled article that states the fact, cited by its corpus id. */
export interface CorpusCitation {
  corpusId: string;
}

export type EventSource = SourceLink | CorpusCitation;

/** The US and PRC readouts of a contact. Absent: not recorded; null: that side published none we know of. */
export interface Readouts {
  us?: SourceLink | null;
  prc?: SourceLink | null;
}

/**
 * An event's reader text in Simplified Chinese: our own news prose, not a word-for-word rendering
 * of the English. `duration` is there exactly when the event has one; `figures` exactly when it
 * has figures, one text per figure key, the number written in (`"value ($bn)": 1.42` →
 * `"金额14.2亿美元"`, `"aircraft": 56` → `"56架飞机"`; `counted` in Chinese).
 */
export interface EventTextZh {
  title: string;
  summary: string;
  duration?: string;
  figures?: Record<string, string>;
}

/** One entry of the prior-context timeline, written in the project's own words. */
export interface TimelineEvent {
  id: string;
  /** `YYYY-MM-DD`; for multi-day events the first day. */
  date: string;
  /** Last day of a multi-day event, or null. */
  end: string | null;
  kind: EventKind;
  participants: string[];
  place: string | null;
  title: string;
  summary: string;
  /** Human-readable duration such as "about 90 minutes", or null when unknown. */
  duration: string | null;
  /** Numbers with their meaning, e.g. { aircraft: 56, counted: "ADIZ entries reported by Taiwan's MND" }. */
  figures: Record<string, number | string>;
  /** Where the facts come from: links a reader can follow, or bundled articles by corpus id. */
  sources: EventSource[];
  /** Each government's own account of a contact, where one exists; null: that side published none we know of. */
  readouts?: Readouts;
  /** Announced but not known to have happened: shown as planned, never as having taken place. */
  planned?: boolean;
  /** Phrases that name the event ("the Osaka truce", "第一阶段协议"), read by the mention resolver. */
  names?: string[];
  /** How the contact happened: `phone call`, `video call` or `in person` (contacts only). */
  format?: string;
  /** Id of the larger event this one is part of (a day of a multi-day surge, Xi receiving a visitor). */
  partOf?: string;
  /** The title, summary and duration in Simplified Chinese, shown when the interface is Chinese. */
  zh?: EventTextZh;
}

/** A sentence of a text that refers to a timeline event. */
export interface EventMention {
  eventId: string;
  /** The sentence as it appears in the text. */
  sentence: string;
  /** Character offsets of the sentence in the text. */
  start: number;
  end: number;
  /** The words that tied the sentence to the event, for "why" explanations. */
  cue: string;
}

/** Corpus article metadata carried in the index (text stays out; matching data lives in `match`). */
export type CorpusArticleEntry = Omit<CorpusArticle, 'text'> & { wordCount: number };

/** The precomputed index the service worker loads as-is. */
export interface CorpusIndex {
  version: number;
  /** Hash of the corpus sources the index was built from (staleness check). */
  sourceHash: string;
  articles: CorpusArticleEntry[];
  events: TimelineEvent[];
  /** Event mentions per corpus article id. */
  mentions: Record<string, EventMention[]>;
  match: MatchIndexData;
}

/** The corpus as the pipeline uses it at run time: the index plus lookups built once on load. */
export interface LoadedCorpus {
  index: CorpusIndex;
  articles: Map<string, CorpusArticleEntry>;
  /** Sorted by date. */
  events: TimelineEvent[];
  eventsById: Map<string, TimelineEvent>;
  /** Runtime form of `index.match` (see `hydrateMatchIndex`). */
  match: MatchIndex;
  /** The synonym and Chinese gloss tables the matchers read, checked on load (core/match-tables.ts). */
  tables: MatchTables;
}
