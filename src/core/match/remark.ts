/**
 * The two sides of a quote comparison prepared alike: a page quote and a corpus quote, each
 * as its content words (English stems or Chinese dictionary words), what surrounds it and who
 * said it. Corpus quotes are prepared once and remembered.
 */
import type { IndexedQuote } from '../match-index.ts';
import { englishNameIn } from '../chinese-names.ts';
import { speakerKey } from '../quotes/speakers.ts';
import type { PageQuote } from '../types.ts';
import type { MatchTables } from '../match-tables.ts';
import { isChinese } from '../zh-gloss.ts';
import { MATCH_LIMITS } from './options.ts';
import { quoteContext, quoteTokens, zhQuoteTokens, type QuoteTokens } from './quote-tokens.ts';
import { HAN_CHAR, isNegationWord, ROOT_LENGTH } from './word-ties.ts';

/** A page quote prepared for comparison. */
export interface PreparedQuote {
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

/** One side of a comparison: a remark's content words and what surrounds it. */
export interface Remark {
  stems: string[];
  surface: string[];
  /** Sentence number of each content word. */
  sentence: number[];
  context: Set<string>;
  speaker: string | null;
  speakerName: string | null;
}

export function prepareQuote(
  tables: MatchTables,
  q: PageQuote,
  paras: readonly string[],
): PreparedQuote {
  const text = typeof q.text === 'string' ? q.text : '';
  const chinese = isChinese(text);
  const toks = chinese
    ? zhQuoteTokens(tables.zh, text, MATCH_LIMITS.quoteWords)
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
    speaker: anySpeakerKey(tables, q.speaker),
  };
}

/** Speaker key of an English or Chinese name ("王毅" → "wang"). */
function anySpeakerKey(tables: MatchTables, speaker: string | null | undefined): string | null {
  const { lexicon } = tables;
  if (!speaker || !HAN_CHAR.test(speaker)) return speakerKey(lexicon, speaker);
  return speakerKey(lexicon, englishNameIn(lexicon, speaker) ?? tables.zh.nameInEnglish(speaker));
}

/** What is remembered of each corpus quote, per table set (a Chinese quote's words depend on it). */
function perQuote<T>(): (tables: MatchTables, cq: IndexedQuote, make: () => T) => T {
  const byTables = new WeakMap<MatchTables, WeakMap<IndexedQuote, T>>();
  return (tables, cq, make) => {
    let m = byTables.get(tables);
    if (!m) byTables.set(tables, (m = new WeakMap()));
    let v = m.get(cq);
    if (v === undefined) m.set(cq, (v = make()));
    return v;
  };
}

const chineseQuotes = new WeakMap<IndexedQuote, boolean>();
export function isChineseQuote(cq: IndexedQuote): boolean {
  let c = chineseQuotes.get(cq);
  if (c === undefined) chineseQuotes.set(cq, (c = HAN_CHAR.test(cq.text) && isChinese(cq.text)));
  return c;
}

const corpusTokens = perQuote<QuoteTokens>();
/** A corpus quote's content words (Chinese ones segmented), prepared once. */
export function tokensOf(tables: MatchTables, cq: IndexedQuote): QuoteTokens {
  return corpusTokens(tables, cq, () =>
    isChineseQuote(cq) ? zhQuoteTokens(tables.zh, cq.text) : quoteTokens(cq.text),
  );
}

const corpusRemarks = perQuote<Remark>();
/** A corpus quote as one side of a comparison, prepared once (read, never changed). */
export function corpusRemark(tables: MatchTables, cq: IndexedQuote): Remark {
  return corpusRemarks(tables, cq, () => makeCorpusRemark(tables, cq));
}

function makeCorpusRemark(tables: MatchTables, cq: IndexedQuote): Remark {
  const t = tokensOf(tables, cq);
  const n = Math.min(t.stems.length, MATCH_LIMITS.quoteWords);
  return {
    stems: t.stems.slice(0, n),
    surface: t.spans.slice(0, n).map(([s, e]) => cq.text.slice(s, e)),
    sentence: t.sentence.slice(0, n),
    context: new Set(isChineseQuote(cq) ? [] : cq.context),
    speaker: cq.speakerKey ?? anySpeakerKey(tables, cq.speaker),
    speakerName: cq.speaker,
  };
}

const pageRemarks = new WeakMap<PreparedQuote, Remark>();
/** A page quote as one side of a comparison (one object per prepared quote, never changed). */
export function pageRemark(q: PreparedQuote): Remark {
  let r = pageRemarks.get(q);
  if (!r) pageRemarks.set(q, (r = makePageRemark(q)));
  return r;
}

function makePageRemark(q: PreparedQuote): Remark {
  return {
    stems: q.stems,
    surface: q.surface,
    sentence: q.sentence,
    context: q.context,
    speaker: q.speaker,
    speakerName: q.speaker,
  };
}

const rootSets = perQuote<Set<string>>();
/** Marks a root key apart from a word key in the same set. */
const ROOT_MARK = '\u0001';

/** Whether a page quote shares a word or a 5-letter root with a corpus quote. */
export function sharesRoot(tables: MatchTables, stems: string[], cq: IndexedQuote): boolean {
  const roots = quoteRoots(tables, cq);
  const has = (st: string) =>
    !isNegationWord(st) &&
    (roots.has(st) ||
      (st.length >= ROOT_LENGTH && roots.has(`${st.slice(0, ROOT_LENGTH)}${ROOT_MARK}`)));
  for (const st of stems) {
    if (has(st)) return true;
    if (HAN_CHAR.test(st) && tables.zh.gloss(st).some(has)) return true;
  }
  return false;
}

/**
 * The keys `sharesRoot` finds a page word under (the word, its root, and for a Chinese word
 * those of its English renderings; none for a negation), added to `out`.
 */
export function rootKeys(tables: MatchTables, st: string, out: Set<string>): void {
  const direct = (w: string) => {
    if (isNegationWord(w)) return;
    out.add(w);
    if (w.length >= ROOT_LENGTH) out.add(`${w.slice(0, ROOT_LENGTH)}${ROOT_MARK}`);
  };
  direct(st);
  if (HAN_CHAR.test(st)) for (const g of tables.zh.gloss(st)) direct(g);
}

/** A corpus quote's words and roots (its English renderings too, for a Chinese quote). */
export function quoteRoots(tables: MatchTables, cq: IndexedQuote): Set<string> {
  return rootSets(tables, cq, () => {
    const roots = new Set<string>();
    const add = (st: string) => {
      if (isNegationWord(st)) return;
      roots.add(st);
      if (st.length >= ROOT_LENGTH) roots.add(`${st.slice(0, ROOT_LENGTH)}${ROOT_MARK}`);
    };
    // A Chinese quote is keyed by its words and their English renderings.
    if (isChineseQuote(cq)) {
      for (const w of tokensOf(tables, cq).stems) {
        add(w);
        for (const g of tables.zh.gloss(w)) add(g);
      }
    } else for (const st of cq.stems) add(st);
    return roots;
  });
}
