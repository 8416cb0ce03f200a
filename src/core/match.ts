/**
 * Matching a page against the corpus: which corpus articles tell the same story or a related
 * one, whether the page is itself a corpus article, and which corpus quotes render the page's
 * quotes (even in other words). Every result carries the reasons it was given.
 */
import type { LoadedCorpus } from '../corpus/types.ts';
import {
  bm25,
  candidates,
  extractEntities,
  fingerprint,
  idf,
  maxIdf,
  minhash,
  minhashSimilarity,
  prepareQuery,
  quoteContext,
  quoteTokens,
  termFrequencies,
} from './match-index.ts';
import type {
  IndexedDoc,
  IndexedQuote,
  IndexQuery,
  MatchIndex,
  QuoteTokens,
} from './match-index.ts';
import { resolveMentions } from './mentions.ts';
import { extractQuotes, speakerKey } from './quotes.ts';
import { englishNameIn } from './lexicon-names.ts';
import {
  commonPrefix,
  daysBetween,
  NEGATIONS,
  stem,
  STOPWORDS,
  tokenize,
  wordSimilarity,
} from './text.ts';
import type { ExtractedArticle, PageQuote, QuoteMatch, RelatedItem } from './types.ts';
// The WordNet-derived table (~0.5 MB) lives with matching, not in text.ts, so modules that only
// need tokenising (the content script's) do not bundle it.
import { synonymTie } from './synonyms.ts';
import { glossOf, glossText, isChinese, segmentZh, zhNameInEnglish } from './zh-gloss.ts';

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

function pageText(article: ExtractedArticle): string {
  const paras = Array.isArray(article.paragraphs) ? article.paragraphs : [];
  return paras.filter((p) => typeof p === 'string').join('\n\n');
}

/** The page's own corpus article: as the caller identified it, else identified here. */
function selfOf(
  article: ExtractedArticle,
  corpus: LoadedCorpus,
  opts?: MatchOptions,
): string | null {
  return opts?.self !== undefined ? opts.self : identifyCorpusArticle(article, corpus, opts);
}

function isExcluded(id: string, opts: MatchOptions | undefined): boolean {
  return opts?.exclude?.has(id) === true;
}

/**
 * The corpus article this page is (same text, or nearly: boilerplate differences), or null.
 * Such an article is the page itself, never its own related coverage.
 */
export function identifyCorpusArticle(
  article: ExtractedArticle,
  corpus: LoadedCorpus,
  opts?: MatchOptions,
): string | null {
  const body = pageText(article);
  if (body.trim().length === 0) return null;
  const index = corpus.match;
  const fp = fingerprint(body);
  for (const d of index.docs) if (d.fingerprint === fp && !isExcluded(d.id, opts)) return d.id;
  const q = prepareQuery(index, `${article.meta?.title ?? ''}\n\n${body}`);
  const sig = minhash(body);
  let best: { id: string; sim: number } | null = null;
  for (const di of candidates(index, q, 10, MATCH_LIMITS.queryTerms)) {
    const d = index.docs[di];
    if (!d || isExcluded(d.id, opts)) continue;
    const sim = minhashSimilarity(sig, d.sig);
    if (sim >= MATCH_LIMITS.identical && (!best || sim > best.sim)) best = { id: d.id, sim };
  }
  return best?.id ?? null;
}

/** The page prepared once for document ranking. */
export interface PageProfile {
  query: IndexQuery;
  /** term id → tf·idf weight, and the vector norm. */
  weights: Map<number, number>;
  norm: number;
  entities: Set<string>;
  date: string | null;
}

export function profilePage(index: MatchIndex, article: ExtractedArticle): PageProfile {
  let text = `${article.meta?.title ?? ''}\n\n${pageText(article)}`;
  // A Chinese page is compared with the corpus through the English renderings of its words.
  if (isChinese(text)) text = `${text}\n\n${glossText(text)}`;
  const query = prepareQuery(index, text);
  const weights = new Map<number, number>();
  let sq = 0;
  for (const [id, tf] of query.terms) {
    const w = (1 + Math.log(tf)) * idf(index, id);
    weights.set(id, w);
    sq += w * w;
  }
  // Words of the page that no corpus article uses make it less like any of them.
  const rare = maxIdf(index);
  for (const tf of query.unknown) sq += ((1 + Math.log(tf)) * rare) ** 2;
  return {
    query,
    weights,
    norm: Math.sqrt(sq) || 1,
    entities: new Set(extractEntities(text)),
    date: article.meta?.publishedAt ?? null,
  };
}

/** Cosine of the page's and an article's tf·idf vectors. */
function cosine(index: MatchIndex, page: PageProfile, d: IndexedDoc): number {
  let dot = 0;
  let sq = 0;
  for (let i = 0; i < d.terms.length; i++) {
    const id = d.terms[i] as number;
    const w = (1 + Math.log(d.tfs[i] as number)) * idf(index, id);
    sq += w * w;
    const pw = page.weights.get(id);
    if (pw !== undefined) dot += pw * w;
  }
  return sq > 0 ? dot / (page.norm * Math.sqrt(sq)) : 0;
}

export interface DocScore {
  doc: number;
  score: number;
  cosine: number;
  bm25: number;
  sharedEntities: string[];
  days: number | null;
}

function dateScore(days: number | null): number {
  if (days === null) return 0.5;
  const d = Math.abs(days);
  return d <= 1 ? 1 : d <= 7 ? 0.8 : d <= 31 ? 0.5 : d <= 365 ? 0.2 : 0;
}

/** Fine score of one article for the page: term weighting, shared names, date distance. */
export function scoreDoc(index: MatchIndex, page: PageProfile, di: number): DocScore | null {
  const d = index.docs[di];
  if (!d) return null;
  const cos = cosine(index, page, d);
  const shared = d.entities.filter((e) => page.entities.has(e));
  // Multi-word names ("qin gang") say more than single capitalised words.
  const entWeight = shared.reduce((s, e) => s + (e.includes(' ') ? 2 : 1), 0);
  const entScore = Math.min(1, entWeight / 20);
  const days = daysBetween(page.date, d.publishedAt);
  const score = 0.65 * cos + 0.2 * entScore + 0.15 * dateScore(days);
  return {
    doc: di,
    score,
    cosine: cos,
    bm25: bm25(index, page.query, di),
    sharedEntities: shared,
    days,
  };
}

/**
 * The best `k` articles for a page by fine score. With `bruteForce` every article is scored
 * (the baseline the benchmark compares against); otherwise only index candidates are.
 */
export function rankDocuments(
  index: MatchIndex,
  page: PageProfile,
  k: number,
  opts: { bruteForce?: boolean; skip?: (id: string) => boolean } = {},
): DocScore[] {
  const pool = opts.bruteForce
    ? index.docs.map((_, i) => i)
    : candidates(index, page.query, MATCH_LIMITS.candidates, MATCH_LIMITS.queryTerms);
  const scored: DocScore[] = [];
  for (const di of pool) {
    const d = index.docs[di];
    if (!d || opts.skip?.(d.id)) continue;
    const s = scoreDoc(index, page, di);
    if (s && s.score > 0) scored.push(s);
  }
  scored.sort((a, b) => b.score - a.score || a.doc - b.doc);
  return scored.slice(0, k);
}

function datePhrase(days: number | null): string | null {
  if (days === null) return null;
  const d = Math.abs(days);
  if (d === 0) return 'published the same day';
  if (d === 1) return 'published a day apart';
  if (d <= 31) return `published ${d} days apart`;
  if (d < 730) return `published ${Math.round(d / 30)} months apart`;
  return `published ${Math.round(d / 365)} years apart`;
}

/**
 * The timeline event that the page and the article both mention and that happened within a
 * week before the article: the news event they share (its title), or null.
 */
function sharedEvent(corpus: LoadedCorpus, pageEvents: Set<string>, d: IndexedDoc): string | null {
  let best: { title: string; date: string } | null = null;
  for (const m of corpus.index.mentions?.[d.id] ?? []) {
    if (!pageEvents.has(m.eventId)) continue;
    const e = corpus.eventsById.get(m.eventId);
    if (!e) continue;
    const gap = daysBetween(e.date, d.publishedAt);
    if (gap !== null && (gap < 0 || gap > 7)) continue;
    if (!best || e.date > best.date) best = { title: e.title, date: e.date };
  }
  return best?.title ?? null;
}

/** The article sentence that shares the most telling words with the page: the common event. */
function eventSentence(index: MatchIndex, page: PageProfile, d: IndexedDoc): string | null {
  let best: { text: string; score: number } | null = null;
  for (const [s, e] of d.sentences.slice(0, 200)) {
    const text = d.text.slice(s, e);
    if (text.length < 30 || text.length > 260 || /["\u201C\u201D]/.test(text)) continue;
    let score = 0;
    for (const t of termFrequencies(text).keys()) {
      const id = index.termIds.get(t);
      if (id !== undefined && page.weights.has(id)) score += idf(index, id);
    }
    score /= Math.sqrt(text.length / 80 + 1);
    if (!best || score > best.score) best = { text, score };
  }
  return best && best.score > 4 ? best.text : null;
}

interface PreparedQuote {
  text: string;
  /** Chinese text: `stems` are Chinese words (see zh-gloss.ts). */
  chinese: boolean;
  /** Content stems with the surface words, in order. */
  stems: string[];
  surface: string[];
  sentence: number[];
  context: Set<string>;
  speaker: string | null;
}

/**
 * Related coverage for a page: same-story articles first, then related ones, each with a
 * score and reasons. The page's own corpus article (see `identifyCorpusArticle`) is left out.
 */
export function findRelated(
  article: ExtractedArticle,
  corpus: LoadedCorpus,
  opts?: MatchOptions,
): RelatedItem[] {
  const index = corpus.match;
  if (index.N === 0 || pageText(article).trim().length === 0) return [];
  const self = selfOf(article, corpus, opts);
  const page = profilePage(index, article);
  const ranked = rankDocuments(index, page, MATCH_LIMITS.quoteCompared, {
    skip: (id) => id === self || isExcluded(id, opts),
  });
  const pageQuotes = prepareQuotes(
    pageQuotesOf(article).slice(0, MATCH_LIMITS.storyQuotes),
    article,
  );
  const pageEvents = new Set(
    resolveMentions(pageText(article), article.meta?.publishedAt ?? null, corpus.events).map(
      (m) => m.eventId,
    ),
  );
  const out: RelatedItem[] = [];
  for (const r of ranked) {
    const d = index.docs[r.doc] as IndexedDoc;
    const shared = sharedQuotes(index, pageQuotes, d, r.days, r.cosine);
    const why: string[] = [];
    // Same story: published close together, and sharing quotes, event-specific names or
    // much of the wording. Without dates, more evidence is needed.
    const names = telling(index, r.sharedEntities);
    const evidence =
      r.cosine + 0.12 * Math.min(3, shared.length) + 0.02 * Math.min(5, names.length);
    const needed =
      r.days === null ? 0.4 : Math.abs(r.days) <= 1 ? 0.15 : Math.abs(r.days) <= 3 ? 0.25 : 2;
    let same = evidence >= needed;
    const related = r.cosine >= 0.04 || r.sharedEntities.length >= 3 || shared.length > 0;
    if (!same && !related) continue;
    const rejected = opts?.rejected?.has(d.id) === true;
    if (rejected && same) {
      same = false;
      why.push('you marked it as not the same story');
    }
    if (shared.length > 0) {
      const ex = shared[0] as string;
      why.push(
        shared.length === 1
          ? `shares a quote: “${clip(ex, 60)}”`
          : `shares ${shared.length} quotes, e.g. “${clip(ex, 60)}”`,
      );
    }
    if (same) {
      const shared = sharedEvent(corpus, pageEvents, d);
      const ev = shared ? null : eventSentence(index, page, d);
      if (shared) why.push(`same event: ${shared}`);
      else if (ev) why.push(`same event: ${clip(ev, 140)}`);
    }
    const dp = datePhrase(r.days);
    if (dp) why.push(dp);
    const shown = distinctNames(plainNames(names)).slice(0, 4);
    if (shown.length) why.push(`names both mention: ${shown.map(titleCase).join(', ')}`);
    why.push(wordingPhrase(r.cosine));
    const score = Math.min(1, r.score + 0.1 * Math.min(3, shared.length));
    out.push({
      id: d.id,
      title: d.title,
      publishedAt: d.publishedAt,
      outlet: d.outlet,
      relation: same ? 'same-story' : 'related',
      score: round(score),
      why,
    });
  }
  propagateSameStory(index, out, ranked, opts);
  out.sort(
    (a, b) =>
      (a.relation === b.relation ? 0 : a.relation === 'same-story' ? -1 : 1) || b.score - a.score,
  );
  return out.slice(0, MATCH_LIMITS.related);
}

/** Cosine of two corpus articles' tf·idf vectors (forward indexes, merge join). */
export function docCosine(index: MatchIndex, a: IndexedDoc, b: IndexedDoc): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  const wt = (d: IndexedDoc, k: number) =>
    (1 + Math.log(d.tfs[k] as number)) * idf(index, d.terms[k] as number);
  for (let k = 0; k < a.terms.length; k++) na += wt(a, k) ** 2;
  for (let k = 0; k < b.terms.length; k++) nb += wt(b, k) ** 2;
  while (i < a.terms.length && j < b.terms.length) {
    const ta = a.terms[i] as number;
    const tb = b.terms[j] as number;
    if (ta === tb) dot += wt(a, i++) * wt(b, j++);
    else if (ta < tb) i++;
    else j++;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * A related article published within three days that is a close version of a same-story
 * article (another translation of one report) tells the same story too.
 */
function propagateSameStory(
  index: MatchIndex,
  items: RelatedItem[],
  ranked: DocScore[],
  opts: MatchOptions | undefined,
) {
  const days = new Map(ranked.map((r) => [index.docs[r.doc]?.id, r.days]));
  const same = items.filter((x) => x.relation === 'same-story');
  for (const item of items) {
    if (item.relation !== 'related' || opts?.rejected?.has(item.id)) continue;
    const dd = days.get(item.id);
    if (dd === null || dd === undefined || Math.abs(dd) > 3) continue;
    const doc = index.docs[index.byId.get(item.id) ?? -1];
    if (!doc) continue;
    for (const s of same) {
      const other = index.docs[index.byId.get(s.id) ?? -1];
      if (!other) continue;
      const c = docCosine(index, doc, other);
      if (c >= 0.4) {
        item.relation = 'same-story';
        item.why.unshift(`a close version of “${clip(other.title, 60)}”, which tells this story`);
        break;
      }
    }
  }
}

function pageQuotesOf(article: ExtractedArticle): PageQuote[] {
  return extractQuotes(Array.isArray(article.paragraphs) ? article.paragraphs : []);
}

/** Page quotes whose best match is in `d` (text of each page quote). */
/**
 * Shared names that point at an event: multi-word names, and in a corpus large enough to
 * tell, only those that at most a fifth of the articles mention ("Qin Gang", not "Joe Biden").
 */
function telling(index: MatchIndex, shared: string[]): string[] {
  const df = index.data.entityDf ?? {};
  return shared.filter(
    (e) => e.includes(' ') && (index.N < 20 || (df[e] ?? 0) <= Math.max(2, index.N / 5)),
  );
}

function isNear(days: number | null): boolean {
  return days === null || Math.abs(days) <= 31;
}

function sharedQuotes(
  index: MatchIndex,
  quotes: PreparedQuote[],
  d: IndexedDoc,
  days: number | null,
  cosine: number,
): string[] {
  // A page quote may render several corpus quotes and the reverse: count the larger side.
  const pageSide: string[] = [];
  const corpusSide = new Set<number>();
  for (const q of quotes) {
    let hit = false;
    d.quotes.forEach((cq, k) => {
      const m = compareQuote(index, q, cq, days, cosine);
      if (m && m.score >= MATCH_LIMITS.quoteThreshold) {
        hit = true;
        corpusSide.add(k);
      }
    });
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

function prepareQuotes(quotes: PageQuote[], article: ExtractedArticle): PreparedQuote[] {
  const paras = Array.isArray(article.paragraphs) ? article.paragraphs : [];
  return quotes.map((q) => prepareQuote(q, paras));
}

function prepareQuote(q: PageQuote, paras: readonly string[]): PreparedQuote {
  const text = typeof q.text === 'string' ? q.text : '';
  const chinese = isChinese(text);
  const toks = chinese
    ? zhQuoteTokens(text, MATCH_LIMITS.quoteWords)
    : quoteTokens(text, MATCH_LIMITS.quoteWords);
  const surface = toks.spans.map(([s, e]) => text.slice(s, e));
  let context: string[] = [];
  const para = q.paragraph !== undefined ? paras[q.paragraph] : undefined;
  if (typeof para === 'string' && text) {
    const at = para.indexOf(text);
    if (at >= 0) context = quoteContext(para, at, at + text.length);
  }
  return {
    text,
    chinese,
    stems: toks.stems,
    surface,
    sentence: toks.sentence,
    context: new Set(chinese ? [] : context),
    speaker: anySpeakerKey(q.speaker),
  };
}

/** Speaker key of an English or Chinese name ("王毅" → "wang"). */
function anySpeakerKey(speaker: string | null | undefined): string | null {
  if (!speaker || !HAN_CHAR.test(speaker)) return speakerKey(speaker);
  return speakerKey(englishNameIn(speaker) ?? zhNameInEnglish(speaker));
}

const HAN_CHAR = /\p{Script=Han}/u;

/** `quoteTokens` for Chinese text: dictionary words, with sentence numbers. */
function zhQuoteTokens(text: string, max = 200): QuoteTokens {
  const out: QuoteTokens = { stems: [], spans: [], sentence: [] };
  let sentence = 0;
  let last = 0;
  for (const t of segmentZh(text)) {
    if (/[。！？；.!?;]/.test(text.slice(last, t.start))) sentence++;
    last = t.end;
    out.stems.push(t.word);
    out.spans.push([t.start, t.end]);
    out.sentence.push(sentence);
    if (out.stems.length >= max) break;
  }
  return out;
}

const chineseQuotes = new WeakMap<IndexedQuote, boolean>();
function isChineseQuote(cq: IndexedQuote): boolean {
  let c = chineseQuotes.get(cq);
  if (c === undefined) chineseQuotes.set(cq, (c = HAN_CHAR.test(cq.text) && isChinese(cq.text)));
  return c;
}

const corpusTokens = new WeakMap<IndexedQuote, QuoteTokens>();
function tokensOf(cq: IndexedQuote): QuoteTokens {
  let t = corpusTokens.get(cq);
  if (!t) {
    t = isChineseQuote(cq) ? zhQuoteTokens(cq.text) : quoteTokens(cq.text);
    corpusTokens.set(cq, t);
  }
  return t;
}

/**
 * Weight of a word in a quote. Negations count half. In a corpus big enough for document
 * frequencies to mean something, words found everywhere ("China") weigh less; in a small one
 * every content word weighs the same.
 */
function quoteWordWeight(index: MatchIndex, s: string): number {
  if (NEGATIONS.has(s) || ZH_NEGATIONS.has(s)) return 0.5;
  if (index.N < 50) return 1;
  const id = index.termIds.get(s);
  const max = Math.log(1 + (index.N + 0.5) / 0.5);
  const v = id === undefined ? max : idf(index, id);
  return 0.5 + 0.5 * Math.min(1, v / max);
}

type Tie = { w: number; how: string } | null;
const SAME: Tie = { w: 1, how: 'same word' };
// Word pairs repeat across quotes and articles: remember their ties (bounded).
const tieCache = new Map<string, Tie>();

/** How well two words render the same thing (0..1), and why. */
function wordTie(a: string, b: string): Tie {
  if (a === b) return SAME;
  const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
  let t = tieCache.get(key);
  if (t === undefined) {
    t = computeTie(a, b);
    if (tieCache.size >= 500_000) tieCache.clear();
    tieCache.set(key, t);
  }
  return t;
}

/** Chinese negations, weighed like English ones. */
const ZH_NEGATIONS: ReadonlySet<string> = new Set(
  '不 没 没有 未 无 非 别 勿 不会 不能 不应 不愿 不再 不是 并非 从未 从不 绝不 决不 无意 不想 不要'.split(
    ' ',
  ),
);

const TRANSLATION: Tie = { w: 0.9, how: 'translation' };
const NEAR_TRANSLATION: Tie = { w: 0.75, how: 'translation' };
const LOOSE_TRANSLATION: Tie = { w: 0.6, how: 'loose translation' };
const SAME_MEANING: Tie = { w: 0.8, how: 'same meaning' };

/** A Chinese word and an English stem: rendered by the gloss, or by a synonym of it. */
function glossTie(zh: string, en: string): Tie {
  const g = glossOf(zh);
  if (g.length === 0) return null;
  if (g.includes(en)) return TRANSLATION;
  let best: Tie = null;
  for (const x of g) {
    if (x.includes(' ')) continue;
    const tie = synonymTie(x, en);
    if (tie === 'synonym') return NEAR_TRANSLATION;
    if (x.length >= 5 && en.length >= 5 && commonPrefix(x, en) >= 5) best = NEAR_TRANSLATION;
    else if (tie === 'related' && !best) best = LOOSE_TRANSLATION;
  }
  return best;
}

function computeTie(a: string, b: string): Tie {
  const ha = HAN_CHAR.test(a);
  const hb = HAN_CHAR.test(b);
  if (ha || hb) {
    if (ha && hb) {
      const gb = new Set(glossOf(b));
      return glossOf(a).some((x) => gb.has(x)) ? SAME_MEANING : null;
    }
    return ha ? glossTie(a, b) : glossTie(b, a);
  }
  const tie = synonymTie(a, b);
  if (tie === 'synonym') return { w: 0.9, how: 'synonym' };
  if (a.length >= 5 && b.length >= 5 && commonPrefix(a, b) >= 5)
    return { w: 0.8, how: 'same root' };
  if (tie === 'related') return { w: 0.7, how: 'related word' };
  if (a.length >= 4 && b.length >= 4 && wordSimilarity(a, b) >= 0.6) {
    return { w: 0.6, how: 'similar spelling' };
  }
  return null;
}

interface QuoteComparison {
  score: number;
  /** Aligned span of the corpus quote, as indexes of its content words. */
  from: number;
  to: number;
  why: string[];
}

/** One side of a comparison: a remark's content words and what surrounds it. */
interface Remark {
  stems: string[];
  surface: string[];
  /** Sentence number of each content word. */
  sentence: number[];
  context: Set<string>;
  speaker: string | null;
  speakerName: string | null;
}

const CONTEXT_TIE = 0.6;
/** Score lost when one wording negates and the other does not. */
const NEGATION_PENALTY = 0.3;
/** Article cosine from which two articles plainly tell the same story (short remarks). */
const SAME_STORY_COSINE = 0.3;
/**
 * Score kept by a remark of one to three words that is a fragment of the other's longer sentence
 * (only ever with the same speaker around the same time: "经济胁迫" / "… amounted to economic
 * coercion against Chinese companies").
 */
const SHORT_FRAGMENT_FACTOR = 0.8;
/** Content words a surrounding sentence needs before it can count as saying the same thing. */
const SURROUNDING_MIN_WORDS = 3;

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return (2 * n) / (a.size + b.size);
}

const rootSets = new WeakMap<IndexedQuote, Set<string>>();

/** Whether a page quote shares a word or a 5-letter root with a corpus quote. */
function sharesRoot(stems: string[], cq: IndexedQuote): boolean {
  let roots = rootSets.get(cq);
  if (!roots) {
    roots = new Set<string>();
    const add = (st: string) => {
      if (NEGATIONS.has(st) || ZH_NEGATIONS.has(st)) return;
      roots?.add(st);
      if (st.length >= 5) roots?.add(`${st.slice(0, 5)}\u0001`);
    };
    // A Chinese quote is keyed by its words and their English renderings.
    if (isChineseQuote(cq)) {
      for (const w of tokensOf(cq).stems) {
        add(w);
        for (const g of glossOf(w)) add(g);
      }
    } else for (const st of cq.stems) add(st);
    rootSets.set(cq, roots);
  }
  const has = (st: string) =>
    !NEGATIONS.has(st) &&
    !ZH_NEGATIONS.has(st) &&
    (roots.has(st) || (st.length >= 5 && roots.has(`${st.slice(0, 5)}\u0001`)));
  for (const st of stems) {
    if (has(st)) return true;
    if (HAN_CHAR.test(st) && glossOf(st).some(has)) return true;
  }
  return false;
}

function corpusRemark(cq: IndexedQuote): Remark {
  const t = tokensOf(cq);
  const n = Math.min(t.stems.length, MATCH_LIMITS.quoteWords);
  return {
    stems: t.stems.slice(0, n),
    surface: t.spans.slice(0, n).map(([s, e]) => cq.text.slice(s, e)),
    sentence: t.sentence.slice(0, n),
    context: new Set(isChineseQuote(cq) ? [] : cq.context),
    speaker: cq.speakerKey ?? anySpeakerKey(cq.speaker),
    speakerName: cq.speaker,
  };
}

function pageRemark(q: PreparedQuote): Remark {
  return {
    stems: q.stems,
    surface: q.surface,
    sentence: q.sentence,
    context: q.context,
    speaker: q.speaker,
    speakerName: q.speaker,
  };
}

/** Ties that show the remark shares a word with the other wording (in either language). */
const ANCHORS: ReadonlySet<string> = new Set([
  'same word',
  'same root',
  'translation',
  'same meaning',
]);

interface Alignment {
  f: number;
  from: number;
  to: number;
  cp: number;
  /** At least one word of the remark is in the span as the same word or root. */
  anchored: boolean;
  ties: string[];
  short: boolean;
  /** One side negates what it says and the other does not. */
  polarity: boolean;
}

/** A negation: "not", "never", 不, 没有, or a Chinese word whose gloss is one ("不是"). */
function isNegation(s: string): boolean {
  if (NEGATIONS.has(s) || ZH_NEGATIONS.has(s)) return true;
  return HAN_CHAR.test(s) && glossOf(s).some((g) => NEGATIONS.has(g));
}

/**
 * Finds the span of `T` (target) that best renders remark `R` and scores it by the harmonic
 * mean of how much of R the span covers and how much of the span R (or R's sentence)
 * accounts for, words being tied by identity, WordNet synonymy, shared roots or spelling.
 */
function alignRemark(index: MatchIndex, R: Remark, T: Remark): Alignment | null {
  const P = R.stems;
  const C = T.stems;
  if (P.length === 0 || C.length === 0) return null;
  const wp = P.map((s) => quoteWordWeight(index, s));
  const wc = C.map((s) => quoteWordWeight(index, s));
  const ties: Tie[][] = P.map((p) => C.map((c) => wordTie(p, c)));
  const ctx: number[] = C.map((c) => (R.context.has(c) ? CONTEXT_TIE : 0));
  const colBest: number[] = C.map((_, j) => {
    let m = 0;
    for (let i = 0; i < P.length; i++) m = Math.max(m, ties[i]?.[j]?.w ?? 0);
    return m;
  });
  const totalP = wp.reduce((x, y) => x + y, 0);
  let maxCover = 0;
  for (let i = 0; i < P.length; i++) {
    let m = 0;
    for (let j = 0; j < C.length; j++) m = Math.max(m, ties[i]?.[j]?.w ?? 0);
    maxCover += m * (wp[i] ?? 0);
  }
  // Quick reject: even all of T covers too little of R.
  if (maxCover / totalP < 0.4) return null;
  const spanCover = (from: number, to: number) => {
    let acc = 0;
    let tot = 0;
    for (let j = from; j <= to; j++) {
      acc += Math.max(colBest[j] ?? 0, ctx[j] ?? 0) * (wc[j] ?? 0);
      tot += wc[j] ?? 0;
    }
    return tot > 0 ? acc / tot : 0;
  };
  const useful: number[] = [];
  for (let j = 0; j < C.length; j++) if ((colBest[j] ?? 0) > 0) useful.push(j);
  // Flat tie weights, row-major (page word i, target word j).
  const tw = new Float64Array(P.length * C.length);
  for (let i = 0; i < P.length; i++) {
    const row = ties[i] as Tie[];
    for (let j = 0; j < C.length; j++) tw[i * C.length + j] = row[j]?.w ?? 0;
  }
  let best: { f: number; from: number; to: number; cp: number; cc: number } | null = null;
  const maxLen = Math.max(2 * P.length + 4, 8);
  const running = new Float64Array(P.length);
  // For each start, grow the span one column at a time, keeping each page word's best tie
  // so far: O(|P|) per step instead of rescanning the span.
  for (let a = 0; a < useful.length; a++) {
    const from = useful[a] as number;
    running.fill(0);
    let cover = 0;
    let acc = 0;
    let tot = 0;
    let j = from;
    for (let b = a; b < useful.length; b++) {
      const to = useful[b] as number;
      if (to - from + 1 > maxLen) break;
      for (; j <= to; j++) {
        for (let i = 0; i < P.length; i++) {
          const w = tw[i * C.length + j] as number;
          if (w > (running[i] as number)) {
            cover += (w - (running[i] as number)) * (wp[i] ?? 0);
            running[i] = w;
          }
        }
        acc += Math.max(colBest[j] ?? 0, ctx[j] ?? 0) * (wc[j] ?? 0);
        tot += wc[j] ?? 0;
      }
      const cp = cover / totalP;
      const cc = tot > 0 ? acc / tot : 0;
      const f = cp + cc > 0 ? (2 * cp * cc) / (cp + cc) : 0;
      if (!best || f > best.f) best = { f, from, to, cp, cc };
    }
  }
  if (!best) return null;
  // Words just outside the span that R's own sentence explains ("…is cooperation" when the
  // page says "he termed cooperation … 'the only correct decision'").
  let { from, to } = best;
  while (to + 1 < C.length && to < best.to + 2 && (ctx[to + 1] ?? 0) > 0) to++;
  while (from > 0 && from > best.from - 2 && (ctx[from - 1] ?? 0) > 0) from--;
  if (from !== best.from || to !== best.to) {
    const cc = spanCover(from, to);
    const f = (2 * best.cp * cc) / (best.cp + cc);
    if (f >= best.f - 0.02) best = { ...best, f, from, to, cc };
  }
  // Short remarks must be (most of) a sentence of T, not a word inside a longer one.
  let short = false;
  if (P.length < 4) {
    const which = T.sentence[best.from] ?? 0;
    let lo = best.from;
    let hi = best.to;
    while (lo > 0 && T.sentence[lo - 1] === which) lo--;
    while (hi + 1 < C.length && T.sentence[hi + 1] === which) hi++;
    short = spanCover(lo, hi) < 0.4;
  }
  const kinds = new Map<string, string[]>();
  let anchored = false;
  for (let i = 0; i < P.length; i++) {
    let bj = -1;
    let bw = 0;
    for (let j = best.from; j <= best.to; j++) {
      const t = ties[i]?.[j];
      if (t && t.w > bw) {
        bw = t.w;
        bj = j;
      }
    }
    const t = bj >= 0 ? ties[i]?.[bj] : null;
    if (!t) continue;
    if (ANCHORS.has(t.how) && !NEGATIONS.has(P[i] ?? '') && !ZH_NEGATIONS.has(P[i] ?? '')) {
      anchored = true;
    }
    if (t.how !== 'same word') {
      const list = kinds.get(t.how) ?? [];
      list.push(`${R.surface[i] ?? P[i]}/${T.surface[bj] ?? C[bj]}`);
      kinds.set(t.how, list);
    }
  }
  const tieWhy = [...kinds].map(([how, list]) => `${how}: ${list.slice(0, 4).join(', ')}`);
  // One wording negates and the other does not ("we do not support" / "we support").
  const negR = P.some(isNegation);
  let negT = false;
  // A negation earlier in the span's sentence still governs it ("中方不愿同美方加强…交流合作").
  let lead = best.from;
  while (lead > 0 && T.sentence[lead - 1] === T.sentence[best.from]) lead--;
  for (let j = lead; j <= best.to; j++) if (isNegation(C[j] ?? '')) negT = true;
  const polarity = negR !== negT;
  return {
    f: best.f,
    from: best.from,
    to: best.to,
    cp: best.cp,
    anchored,
    ties: tieWhy,
    short,
    polarity,
  };
}

/**
 * Compares a page quote with a corpus quote. Both directions are tried: the page quote
 * rendered by a span of the corpus quote, or (when the page quote is the longer one) the
 * corpus quote rendered within the page quote. A match needs a shared word or root, unless
 * the same speaker said it around the same time (`near`); the speaker adjusts the score.
 */
export function compareQuote(
  index: MatchIndex,
  q: PreparedQuote,
  cq: IndexedQuote,
  days: number | null = null,
  articleCosine = 1,
): QuoteComparison | null {
  if (q.stems.length === 0 || cq.stems.length === 0) return null;
  const near = isNear(days);
  const sameSpeakerAhead = q.speaker !== null && q.speaker === cq.speakerKey;
  // Cheap pre-filter: a match needs a shared word or root unless the same speaker said it
  // around the same time (see below), so most pairs stop here.
  if (!(sameSpeakerAhead && near) && !sharesRoot(q.stems, cq)) return null;
  const P = pageRemark(q);
  const C = corpusRemark(cq);
  let result: { a: Alignment; reverse: boolean } | null = null;
  const fwd = alignRemark(index, P, C);
  if (fwd) result = { a: fwd, reverse: false };
  if (P.stems.length > C.stems.length) {
    const rev = alignRemark(index, C, P);
    if (rev && (!result || rev.f > result.a.f)) result = { a: rev, reverse: true };
  }
  if (!result) return null;
  const { a, reverse } = result;
  const sameSpeaker = P.speaker !== null && P.speaker === C.speaker;
  const sameOccasion = sameSpeaker && near;
  if (!a.anchored && !sameOccasion) return null;
  // A remark of one to three words ("Well,", "a mistake") says little by itself: it needs the
  // two articles to be about the same thing, and when it is only a fragment of a longer
  // sentence, the same speaker around the same time.
  const shortSide = reverse ? C.stems.length : P.stems.length;
  const sameDays = days !== null && Math.abs(days) <= 3;
  const occasion = sameOccasion || sameDays || articleCosine >= SAME_STORY_COSINE;
  if (shortSide < 4 && !occasion) return null;
  // …and a fragment must share a word with it (or render one), not only a related word.
  if (a.short && !(sameOccasion && a.anchored)) return null;
  let score = a.f;
  const why: string[] = [];
  if (reverse) {
    why.push(`the corpus remark is rendered within this quote (${Math.round(a.cp * 100)}% of it)`);
  } else why.push(`covers ${Math.round(a.cp * 100)}% of the remark`);
  why.push(...a.ties);
  if (a.short) {
    score *= SHORT_FRAGMENT_FACTOR;
    why.push('a short remark inside a longer sentence');
  }
  if (a.polarity) {
    score -= NEGATION_PENALTY;
    why.push('one wording negates what the other affirms');
  }
  if (P.speaker && C.speaker) {
    if (sameSpeaker) {
      score += 0.05;
      why.push(`same speaker: ${C.speakerName}`);
    } else {
      score -= 0.2;
      why.push(`another speaker: ${C.speakerName}`);
    }
  }
  // The sentences around both quotes say the same thing ("Xi said China is willing to …").
  // A surrounding "Geng said:" alone is the speaker again, not a sentence that says the same.
  const ctx =
    Math.min(P.context.size, C.context.size) >= SURROUNDING_MIN_WORDS
      ? dice(P.context, C.context)
      : 0;
  if (ctx >= 0.3) {
    score += 0.1 * Math.min(1, ctx / 0.5);
    why.push(`similar surrounding sentence (${Math.round(ctx * 100)}% shared words)`);
  }
  // A remark rendered again years later is rarer than the same day's translations.
  if (days !== null && Math.abs(days) > 365) score -= 0.1;
  return {
    score: Math.max(0, Math.min(1, score)),
    from: reverse ? 0 : a.from,
    to: reverse ? C.stems.length - 1 : a.to,
    why,
  };
}

/** The corpus quote's text for content-word span [from, to], widened to its clause. */
function alignedText(cq: IndexedQuote, from: number, to: number): string {
  const spans = tokensOf(cq).spans;
  const a = spans[from];
  const b = spans[to];
  if (!a || !b) return cq.text;
  const text = cq.text;
  // Widen to the clause: back to the previous punctuation, forward to the next, when close.
  const before = text.slice(0, a[0]);
  const cut = before.search(/[,.;:!?][^,.;:!?]*$/);
  const s = cut >= 0 && a[0] - cut <= 40 ? cut + 1 : before.length <= 40 ? 0 : a[0];
  const after = text.slice(b[1]);
  const stop = after.search(/[,.;:!?]/);
  const e =
    stop >= 0 && stop <= 40 ? b[1] + stop : stop < 0 && after.length <= 40 ? text.length : b[1];
  return text.slice(s, e).trim();
}

/**
 * Fills each page quote's `matches`: corpus quotes that render the same remark, in the page's
 * language or translated, with the aligned corpus wording, a score and the reasons. Returns new
 * objects; a failure (a missing synonym or gloss table, a broken index) throws.
 */
export function matchQuotes(
  quotes: PageQuote[],
  article: ExtractedArticle,
  corpus: LoadedCorpus,
  opts?: MatchOptions,
): PageQuote[] {
  const index = corpus.match;
  if (index.N === 0 || quotes.length === 0) return quotes.map((q) => ({ ...q, matches: [] }));
  const self = selfOf(article, corpus, opts);
  const page = profilePage(index, article);
  const ranked = rankDocuments(index, page, MATCH_LIMITS.quoteCompared, {
    skip: (id) => id === self || isExcluded(id, opts),
  });
  const paras = Array.isArray(article.paragraphs) ? article.paragraphs : [];
  return quotes.map((q, qi) => {
    if (qi >= MATCH_LIMITS.pageQuotes) return { ...q, matches: [] };
    const pq = prepareQuote(q, paras);
    const segments = segmentsOf(q, paras);
    const matches: QuoteMatch[] = [];
    for (const r of ranked) {
      const d = index.docs[r.doc] as IndexedDoc;
      for (const cq of d.quotes) {
        let best: { cmp: QuoteComparison; seg: string | null } | null = null;
        for (const seg of segments) {
          const cmp = compareQuote(index, seg.q, cq, r.days, r.cosine);
          if (cmp && (!best || cmp.score > best.cmp.score)) best = { cmp, seg: seg.label };
        }
        const whole = compareQuote(index, pq, cq, r.days, r.cosine);
        if (whole && (!best || whole.score >= best.cmp.score)) best = { cmp: whole, seg: null };
        if (!best || best.cmp.score < MATCH_LIMITS.quoteThreshold) continue;
        const why = [...best.cmp.why];
        if (best.seg) why.unshift(`matches the part “${clip(best.seg, 60)}”`);
        if (r.days !== null && Math.abs(r.days) <= 3) why.push(datePhrase(r.days) ?? '');
        const translated = pq.chinese !== isChineseQuote(cq);
        if (translated) why.unshift(pq.chinese ? 'an English rendering' : 'a Chinese rendering');
        matches.push({
          articleId: d.id,
          text: alignedText(cq, best.cmp.from, best.cmp.to),
          score: round(best.cmp.score),
          outlet: d.outlet,
          publishedAt: d.publishedAt,
          why: why.filter(Boolean),
          ...(translated ? { translated: true } : {}),
        });
      }
    }
    matches.sort((a, b) => b.score - a.score);
    return { ...q, matches: matches.slice(0, MATCH_LIMITS.matchesPerQuote) };
  });
}

/** Sentence pieces of a multi-sentence page quote, matched on their own too. */
function segmentsOf(q: PageQuote, paras: readonly string[]): { q: PreparedQuote; label: string }[] {
  const text = typeof q.text === 'string' ? q.text : '';
  const parts = text
    .split(/(?<=[.!?])\s+|(?<=[,;])\s+(?=but\s)|(?<=[。！？；])/)
    .filter((s) => s.trim());
  if (parts.length < 2) return [];
  const context = prepareQuote(q, paras).context;
  return parts.slice(0, 8).map((p) => ({
    q: { ...prepareQuote({ ...q, text: p }, paras), context },
    label: p,
  }));
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`;
}

/** Longest names first, dropping those inside another ("joe biden" in "president joe biden"). */
function distinctNames(names: string[]): string[] {
  const kept: string[] = [];
  for (const n of [...names].sort((a, b) => b.length - a.length)) {
    if (!kept.some((k) => ` ${k} `.includes(` ${n} `))) kept.push(n);
  }
  return kept;
}

/** Titles before a name: dropped, so "president xi jinping" reads "Xi Jinping". */
const TITLE_WORDS = new Set(
  (
    'president vice secretary minister foreign state general senator rep representative ' +
    'ambassador spokesman spokeswoman spokesperson premier chairman leader mr ms mrs dr admiral'
  ).split(' '),
);
/** Common nouns a shared phrase ends with when it is a topic, not a name ("us-china relations"). */
const TOPIC_ENDS = new Set(
  'relations talks summit policy trade war tariffs administration ministry officials said says'.split(
    ' ',
  ),
);
/** Words that mark a phrase as a topic or a name cut apart by the index ("people republic"). */
const NOT_IN_NAMES = new Set(['us-china', 'china-us', 'sino-us', 'u.s.-china', 'people', 'us']);
/** Nationalities written before a title ("chinese president"). */
const NATIONALITIES = new Set(['us', 'u.s.', 'american', 'chinese', 'china']);

/**
 * Names as people write them: leading titles dropped ("president xi jinping" → "xi jinping"),
 * then a single word left of a title ("president joe" → "joe"), a topic ("us-china relations")
 * or a name the index cut apart ("people republic") is not shown.
 */
function plainNames(names: string[]): string[] {
  const out = new Set<string>();
  for (const name of names) {
    const words = name.toLowerCase().split(/\s+/).filter(Boolean);
    // "us president joe biden", "chinese foreign minister wang yi": the nationality and titles go.
    while (
      TITLE_WORDS.has(words[0] as string) ||
      (NATIONALITIES.has(words[0] as string) && TITLE_WORDS.has(words[1] as string))
    ) {
      words.shift();
    }
    if (words.length < 2 || TOPIC_ENDS.has(words[words.length - 1] as string)) continue;
    if (words.some((w) => NOT_IN_NAMES.has(w))) continue;
    out.add(words.join(' '));
  }
  return [...out];
}

/** How much of their wording two articles share, in words (from the cosine of their terms). */
function wordingPhrase(cos: number): string {
  if (cos >= 0.5) return 'much the same wording';
  if (cos >= 0.25) return 'close wording';
  if (cos >= 0.1) return 'some wording in common';
  return 'little wording in common';
}

function titleCase(s: string): string {
  return s.replace(/(^|[\s-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
