/**
 * A quote's content words for alignment, English or Chinese, with their offsets and sentence
 * numbers, and the content words of the sentence around a quote.
 */
import { contentStems, NEGATIONS, STOPWORDS, stem, tokenize } from '../text.ts';
import { firstSentence, lastSentenceStart } from '../sentences.ts';
import type { ZhGloss } from '../zh-gloss.ts';

/** A quote's content words: stems, their offsets in the quote and their sentence number. */
export interface QuoteTokens {
  stems: string[];
  spans: [number, number][];
  sentence: number[];
}

/** Content words kept of a quote by default (far more than any remark has). */
const MAX_QUOTE_WORDS = 200;
/** Characters looked at on each side of a quote for its sentence. */
const CONTEXT_REACH = 200;
/**
 * Words after which a negation negates the word, not the remark: a focus word ("not only
 * talks but deeds", "not just words") or a comment adverb ("perhaps not surprisingly, China
 * has violated…", "not unexpectedly"). Such a "not" is left out like a function word.
 */
const HEDGED_AFTER_NOT = /^(?:only|just|merely|simply|solely|\p{L}{3,}(?:ingly|edly))$/u;

/** A negation that only hedges the next word ("not only", "not surprisingly"). */
function hedgingNegation(word: string, next: string | undefined): boolean {
  return NEGATIONS.has(word) && next !== undefined && HEDGED_AFTER_NOT.test(next);
}

/**
 * Content words of a quote (negations kept: "not conflict" is not "conflict"). A run of
 * capitalised words inside a sentence is one name ("United States"), so a name shared by two
 * remarks counts once, not once per word.
 */
export function quoteTokens(text: string, max = MAX_QUOTE_WORDS): QuoteTokens {
  const out: QuoteTokens = { stems: [], spans: [], sentence: [] };
  let sentence = 0;
  let last = 0;
  let prevName = false;
  let sentenceStart = true;
  const tokens = tokenize(text);
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti] as (typeof tokens)[number];
    const gap = text.slice(last, t.start);
    if (/[.!?;]/.test(gap)) {
      sentence++;
      sentenceStart = true;
    }
    last = t.end;
    const capital = /^\p{Lu}/u.test(text.slice(t.start, t.end));
    const isName = capital && !sentenceStart && !STOPWORDS.has(t.word);
    const wasStart = sentenceStart;
    sentenceStart = false;
    if (
      (STOPWORDS.has(t.word) && !NEGATIONS.has(t.word)) ||
      hedgingNegation(t.word, tokens[ti + 1]?.word)
    ) {
      prevName = false;
      continue;
    }
    if (isName && prevName && /^\s+$/.test(gap)) {
      const k = out.stems.length - 1;
      out.stems[k] = `${out.stems[k]} ${t.word}`;
      const span = out.spans[k] as [number, number];
      span[1] = t.end;
      continue;
    }
    prevName = isName || (wasStart && capital);
    // A name keeps its case-folded form, without a possessive ("China’s" is "china").
    out.stems.push(isName ? t.word.replace(/['\u2019]s$/, '') : stem(t.word));
    out.spans.push([t.start, t.end]);
    out.sentence.push(sentence);
    if (out.stems.length >= max) break;
  }
  return out;
}

/** `quoteTokens` for Chinese text: dictionary words, with sentence numbers. */
export function zhQuoteTokens(zh: ZhGloss, text: string, max = MAX_QUOTE_WORDS): QuoteTokens {
  const out: QuoteTokens = { stems: [], spans: [], sentence: [] };
  let sentence = 0;
  let last = 0;
  for (const t of zh.segment(text)) {
    if (/[。！？；.!?;]/.test(text.slice(last, t.start))) sentence++;
    last = t.end;
    out.stems.push(t.word);
    out.spans.push([t.start, t.end]);
    out.sentence.push(sentence);
    if (out.stems.length >= max) break;
  }
  return out;
}

/** Stems of the sentence(s) around a quote, outside the quote itself. */
export function quoteContext(paragraph: string, start: number, end: number): string[] {
  const from = Math.max(0, start - CONTEXT_REACH);
  const s = from + lastSentenceStart(paragraph.slice(from, start));
  const e = end + firstSentence(paragraph.slice(end, end + CONTEXT_REACH)).length;
  return contentStems(paragraph.slice(s, start) + ' ' + paragraph.slice(end, e));
}
