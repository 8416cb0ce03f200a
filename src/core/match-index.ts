/**
 * The matching index over the corpus, built once at build time and loaded as JSON.
 *
 * - an inverted index (term → postings with term frequencies) for candidate retrieval, so a
 *   query touches only the postings of its most telling terms instead of every article;
 * - a forward index (article → sorted term ids + frequencies) for tf·idf re-ranking;
 * - a MinHash signature over word 3-shingles per article (near-identical page detection);
 * - each article's quotes with offsets, speakers and stems, and its named entities.
 *
 * Everything in `MatchIndexData` is plain JSON; `hydrateMatchIndex` only builds two id maps.
 */
import { extractEntities } from './match/entities.ts';
import { identityOf } from './match/identity.ts';
import { quoteContext, quoteTokens } from './match/quote-tokens.ts';
import { termFrequencies } from './match/retrieval.ts';
import { extractQuotesDetailed } from './quotes.ts';
import { speakerKey } from './quotes/speakers.ts';
import type { Lexicon } from './lexicon.ts';
import { splitSentences } from './sentences.ts';
import type { MatchTables } from './match-tables.ts';
import { isChinese } from './zh-gloss.ts';

export interface MatchDoc {
  id: string;
  title: string;
  text: string;
  publishedAt: string | null;
  outlet: string | null;
  lang: string;
}

/** A corpus article's quote, precomputed for matching. */
export interface IndexedQuote {
  text: string;
  speaker: string | null;
  /** Comparable speaker key ("xi", "campbell"), or null. */
  speakerKey: string | null;
  paragraph: number;
  /** Offsets of `text` in the article text. */
  start: number;
  end: number;
  unmarked?: boolean;
  /** Stemmed content words of the quote, in order. */
  stems: string[];
  /** Stemmed content words of the sentence around the quote (outside it). */
  context: string[];
}

export interface IndexedDoc {
  id: string;
  title: string;
  publishedAt: string | null;
  outlet: string | null;
  lang: string;
  /** Number of content terms (BM25 document length). */
  len: number;
  /** Hash of the normalised text: identical pages are recognised exactly. */
  fingerprint: number;
  /** MinHash signature over word 3-shingles. */
  sig: number[];
  /** Term ids, ascending, and their frequencies (forward index). */
  terms: number[];
  tfs: number[];
  /** Lower-cased named entities (capitalised word sequences). */
  entities: string[];
  quotes: IndexedQuote[];
  /** Sentences of the text (offsets), for "same event" explanations. */
  sentences: [number, number][];
  /** The article text (kept for explanations and alignment; the corpus is small). */
  text: string;
}

export interface MatchIndexData {
  version: 1;
  docs: IndexedDoc[];
  /** Term strings (stems); a term's id is its position. */
  vocab: string[];
  df: number[];
  /** Per term id: [docIndex, tf, docIndex, tf, …] with ascending doc indexes. */
  postings: number[][];
  avgLen: number;
  /** Number of articles naming each entity (to tell event-specific names from ubiquitous ones). */
  entityDf: Record<string, number>;
}

/** Runtime form: the data plus lookups. */
export interface MatchIndex {
  data: MatchIndexData;
  docs: IndexedDoc[];
  byId: Map<string, number>;
  termIds: Map<string, number>;
  N: number;
  avgLen: number;
  /**
   * Changes whenever articles are added or removed (an index that changes counts them), so what
   * is derived from one state of the index (term weights) is not read from another.
   */
  version?: number;
  /**
   * A term's postings, for an index that decodes them when first read (a live index restored
   * from its snapshot); without it, `data.postings` holds them all.
   */
  postingsOf?: (termId: number) => ArrayLike<number> | undefined;
  /** Articles naming an entity, for an index that counts them outside `data.entityDf`. */
  entityCount?: (entity: string) => number;
}

/** Splits corpus text into paragraphs (blank lines) with their offsets. */
export function paragraphsWithOffsets(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /\n\s*\n/g;
  let start = 0;
  const push = (s: number, e: number) => {
    const raw = text.slice(s, e);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) out.push({ text: t, start: s + lead });
  };
  for (const m of text.matchAll(re)) {
    push(start, m.index ?? 0);
    start = (m.index ?? 0) + m[0].length;
  }
  push(start, text.length);
  return out;
}

/** Quotes of a text with offsets in that text, ready for the index. */
export function indexQuotes(text: string, lexicon: Lexicon): IndexedQuote[] {
  const paras = paragraphsWithOffsets(text);
  const found = extractQuotesDetailed(paras.map((p) => p.text));
  const out: IndexedQuote[] = [];
  for (const q of found) {
    const para = paras[q.paragraph];
    if (!para) continue;
    out.push({
      text: q.text,
      speaker: q.speaker,
      speakerKey: speakerKey(lexicon, q.speaker),
      paragraph: q.paragraph,
      start: para.start + q.start,
      end: para.start + q.end,
      ...(q.unmarked ? { unmarked: true } : {}),
      stems: quoteTokens(q.text).stems,
      context: quoteContext(para.text, q.start, q.end),
    });
  }
  return out;
}

/** Builds the JSON-serialisable index for a set of corpus articles. */
export function buildMatchIndex(docs: MatchDoc[], tables: MatchTables): MatchIndexData {
  const vocab: string[] = [];
  const termIds = new Map<string, number>();
  const df: number[] = [];
  const postings: number[][] = [];
  const out: IndexedDoc[] = [];
  let totalLen = 0;
  docs.forEach((d, di) => {
    const full = `${d.title}\n\n${d.text}`;
    // A Chinese article is found by English pages through the English renderings of its words.
    const tf = termFrequencies(isChinese(full) ? `${full}\n\n${tables.zh.glossText(full)}` : full);
    const pairs: [number, number][] = [];
    let len = 0;
    for (const [term, f] of tf) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = vocab.length;
        termIds.set(term, id);
        vocab.push(term);
        df.push(0);
        postings.push([]);
      }
      df[id] = (df[id] ?? 0) + 1;
      (postings[id] as number[]).push(di, f);
      pairs.push([id, f]);
      len += f;
    }
    pairs.sort((a, b) => a[0] - b[0]);
    totalLen += len;
    out.push({
      id: d.id,
      title: d.title,
      publishedAt: d.publishedAt,
      outlet: d.outlet,
      lang: d.lang,
      len,
      ...identityOf(d.text),
      terms: pairs.map((p) => p[0]),
      tfs: pairs.map((p) => p[1]),
      entities: extractEntities(full),
      quotes: indexQuotes(d.text, tables.lexicon),
      sentences: splitSentences(d.text).map((s) => [s.start, s.end]),
      text: d.text,
    });
  });
  const entityDf: Record<string, number> = {};
  for (const d of out) for (const e of d.entities) entityDf[e] = (entityDf[e] ?? 0) + 1;
  return {
    version: 1,
    docs: out,
    entityDf,
    vocab,
    df,
    postings,
    avgLen: docs.length ? totalLen / docs.length : 0,
  };
}

/** Wraps loaded index data for use; only builds the id lookups. */
export function hydrateMatchIndex(data: MatchIndexData): MatchIndex {
  const byId = new Map<string, number>();
  data.docs.forEach((d, i) => byId.set(d.id, i));
  const termIds = new Map<string, number>();
  data.vocab.forEach((t, i) => termIds.set(t, i));
  return { data, docs: data.docs, byId, termIds, N: data.docs.length, avgLen: data.avgLen || 1 };
}
