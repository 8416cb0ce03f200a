/**
 * What the generated-corpus benchmarks (match, library) share: a seeded PRNG, the pool of real
 * sentences from the bundled corpus that generated articles are made of, and invented words.
 */
import { splitSentences } from '../src/core/sentences.ts';
import { readCorpusSources } from '../src/corpus/node.ts';

/** Mulberry32: small seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every sentence of the bundled articles, and every event's title and summary. */
export function sentencePool(): string[] {
  const sources = readCorpusSources();
  const pool: string[] = [];
  for (const a of sources.articles) for (const s of splitSentences(a.text)) pool.push(s.text);
  for (const e of sources.events) pool.push(e.title + '.', e.summary);
  return pool;
}

export const SYLLABLES = [
  'ka',
  'lo',
  'ri',
  'van',
  'tel',
  'mo',
  'shu',
  'dar',
  'en',
  'qui',
  'zo',
  'per',
  'lin',
  'gha',
];

/** An invented word of `parts` syllables (names and words no real text shares). */
export function pseudoWord(r: () => number, parts: number, syllables = SYLLABLES): string {
  let w = '';
  for (let i = 0; i < parts; i++) w += syllables[Math.floor(r() * syllables.length)];
  return w;
}

export const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
