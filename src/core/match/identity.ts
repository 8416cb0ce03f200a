/**
 * Near-identical text: an exact fingerprint of the normalised words, and a MinHash signature
 * over word 3-shingles whose agreement estimates the share of shingles two texts have in common.
 */
import { hash32, normalizeText, tokenize } from '../text.ts';

/** Signature length: 32 permutations estimate Jaccard within about ±0.09, enough for ≥ 0.8. */
export const MINHASH_SIZE = 32;

// Fixed odd multipliers/offsets for MinHash permutations (deterministic builds).
const MH_A: number[] = [];
const MH_B: number[] = [];
for (let i = 0; i < MINHASH_SIZE; i++) {
  MH_A.push((hash32(`a${i}`) | 1) >>> 0);
  MH_B.push(hash32(`b${i}`) >>> 0);
}

function words(text: string): string[] {
  return tokenize(normalizeText(text)).map((t) => t.word);
}

/** MinHash signature of a text's word 3-shingles. */
export function minhash(text: string): number[] {
  return minhashWords(words(text));
}

function minhashWords(ws: string[]): number[] {
  const sig = new Array<number>(MINHASH_SIZE).fill(0xffffffff);
  const wh = ws.map((w) => hash32(w));
  const n = Math.max(1, ws.length - 2);
  for (let i = 0; i < n; i++) {
    // Shingle hash from the three word hashes (order-sensitive mix).
    let h = Math.imul((wh[i] ?? 0) ^ 0x9e3779b9, 0x85ebca6b);
    h = Math.imul(h ^ (wh[i + 1] ?? 0) ^ (h >>> 13), 0xc2b2ae35);
    h = (Math.imul(h ^ (wh[i + 2] ?? 0) ^ (h >>> 16), 0x27d4eb2f) ^ (h >>> 15)) >>> 0;
    for (let k = 0; k < MINHASH_SIZE; k++) {
      const v = (Math.imul(h, MH_A[k] as number) + (MH_B[k] as number)) >>> 0;
      if (v < (sig[k] as number)) sig[k] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of two MinHash signatures. */
export function minhashSimilarity(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

/** Fingerprint of a text for exact identity (normalised, whitespace- and case-insensitive). */
export function fingerprint(text: string): number {
  return hash32(words(text).join(' '));
}

/** Fingerprint and MinHash signature from one tokenisation. */
export function identityOf(text: string): { fingerprint: number; sig: number[] } {
  const ws = words(text);
  return { fingerprint: hash32(ws.join(' ')), sig: minhashWords(ws) };
}
