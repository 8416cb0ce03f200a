/**
 * Detection's reading of an article as sentences in zones: the headline, the lead (the first
 * sentences, about 60 words) and the body, with a rough word count for densities.
 */
import type { ExtractedArticle } from './types.ts';

export type Zone = 'headline' | 'lead' | 'body';
export const ZONES: readonly Zone[] = ['headline', 'lead', 'body'];

/** Splits text into sentences (Latin and CJK punctuation). */
export function sentences(text: string): string[] {
  // A hand-written scan: far cheaper than a split on a lookbehind regex.
  const out: string[] = [];
  let start = 0;
  const n = text.length;
  const push = (end: number): void => {
    const s = text.slice(start, end).trim();
    if (s) out.push(s);
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // 。！？；: always the end of a sentence.
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b) {
      push(i + 1);
      start = i + 1;
      continue;
    }
    // . ! ? followed by white space and not by a lower-case letter ("U.S. and" stays whole).
    if (c === 46 || c === 33 || c === 63) {
      let j = i + 1;
      while (j < n && /\s/.test(text[j]!)) j++;
      if (j === i + 1 || j >= n) continue;
      const next = text.charCodeAt(j);
      if (next >= 97 && next <= 122) continue;
      push(i + 1);
      start = j;
      i = j - 1;
    }
  }
  push(n);
  return out;
}

/** Words in Latin text; each Han character counts as half a word (roughly, for density). */
export function wordCount(text: string): number {
  let words = 0;
  let han = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      han++;
      inWord = false;
    } else if (c <= 32 || c === 0xa0 || c === 0x3000) {
      inWord = false;
    } else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return words + Math.round(han / 2);
}

export interface Sentence {
  zone: Zone;
  paragraph: number;
  text: string;
}

/** Headline, then the lead (the first sentences, about 60 words), then the body. */
export function zoneSentences(article: ExtractedArticle): Sentence[] {
  const out: Sentence[] = [{ zone: 'headline', paragraph: -1, text: article.meta.title }];
  let leadWords = 0;
  article.paragraphs.forEach((p, paragraph) => {
    for (const text of sentences(p)) {
      const zone: Zone = leadWords < 60 ? 'lead' : 'body';
      if (zone === 'lead') leadWords += wordCount(text);
      out.push({ zone, paragraph, text });
    }
  });
  return out;
}
