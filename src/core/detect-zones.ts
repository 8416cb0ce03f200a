/**
 * Detection's reading of an article as sentences in zones: the headline, the lead (the first
 * sentences, about 60 words) and the body, with a rough word count for densities.
 */
import { splitSentences } from './sentences.ts';
import type { ExtractedArticle } from './types.ts';

export type Zone = 'headline' | 'lead' | 'body';
export const ZONES: readonly Zone[] = ['headline', 'lead', 'body'];

/** Splits text into sentences (the one sentence rule, sentences.ts). */
export function sentences(text: string): string[] {
  return splitSentences(text).map((s) => s.text);
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
