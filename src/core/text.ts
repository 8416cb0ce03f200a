/**
 * Text primitives shared by quotes, matching and context: normalisation, tokenising,
 * stemming (sentences: sentences.ts). Pure functions, no Node or DOM imports.
 */
import { stemmer } from 'stemmer';
import { foldMarks } from './fold.ts';

/**
 * Canonical form for comparison (never for display): NFKC, soft hyphens and zero-width marks
 * removed, every quote mark and dash folded to ASCII, whitespace collapsed.
 */
export function normalizeText(text: string): string {
  return foldMarks(text.normalize('NFKC').replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** `s` in at most `n` characters: cut at n − 1 and ended with "…" when longer (for display). */
export function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`;
}

/** A token with its character offsets in the (un-normalised) source string. */
export interface Token {
  /** Lower-cased surface form. */
  word: string;
  start: number;
  end: number;
}

// Letters of any script, digits, and apostrophes/hyphens inside a word.
const WORD_RE = /[\p{L}\p{N}\p{M}]+(?:['\u2019\-][\p{L}\p{N}\p{M}]+)*/gu;
// Scripts written without spaces: every character is a token (good enough for overlap).
const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

function hasWideChar(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) >= 0x0e00) return true;
  return false;
}

/** Splits into word tokens with offsets; CJK runs become one token per character. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const w = m[0];
    const start = m.index ?? 0;
    if (hasWideChar(w) && CJK_RE.test(w)) {
      let i = 0;
      for (const ch of w) {
        out.push({ word: ch.toLowerCase(), start: start + i, end: start + i + ch.length });
        i += ch.length;
      }
    } else {
      out.push({ word: w.toLowerCase().replace(/\u2019/g, "'"), start, end: start + w.length });
    }
  }
  return out;
}

/** Lower-cased word strings of a text. */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.word);
}

// Function words that carry no topic. Negations (and "only") are kept out on purpose:
// "competition, not conflict" must not read as "competition ... conflict".
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if then than so as of at by for with about against between into through ' +
    'during before after above below to from up down in out on off over under again further once ' +
    'here there when where why how all any both each few more most other some such own same ' +
    'too very can will just should now is are was were be been being have has had having do does ' +
    'did doing would could might must shall may i me my myself we our ours ourselves you your ' +
    'yours he him his himself she her hers herself it its itself they them their theirs ' +
    'themselves what which who whom this that these those am also said says say told added ' +
    "according 's s t mr ms mrs one two its it's that's there's"
  ).split(/\s+/),
);

export const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', "n't", 'nor']);

/** Porter stem of an English word; other scripts and numbers pass through unchanged. */
export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  let w = word.toLowerCase().replace(/'s$/, '');
  if (/^[a-z]+$/.test(w) && w.length > 3) w = stemmer(w);
  if (stemCache.size >= 200_000) stemCache.clear();
  stemCache.set(word, w);
  return w;
}
// Stemming is the hot spot of indexing; words repeat, so remember them (bounded).
const stemCache = new Map<string, string>();

/** Stemmed content words (stopwords dropped), in order. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) {
    if (STOPWORDS.has(t.word)) continue;
    out.push(stem(t.word));
  }
  return out;
}

/** Character trigram set of a word (with boundary marks), for fuzzy word similarity. */
export function trigrams(word: string): Set<string> {
  const w = `#${word}#`;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= w.length; i++) out.add(w.slice(i, i + 3));
  return out;
}

/** Dice coefficient of two words' character trigrams (0..1). */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const ta = trigrams(a);
  const tb = trigrams(b);
  let shared = 0;
  for (const g of ta) if (tb.has(g)) shared++;
  return (2 * shared) / (ta.size + tb.size);
}

/** Length of the common prefix of two strings. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** 32-bit FNV-1a hash of a string. */
export function hash32(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Days between two `YYYY-MM-DD` dates (b − a), or null when either is missing/invalid. */
export function daysBetween(
  a: string | null | undefined,
  b: string | null | undefined,
): number | null {
  if (!a || !b) return null;
  const ta = Date.parse(a.slice(0, 10));
  const tb = Date.parse(b.slice(0, 10));
  if (Number.isNaN(ta) || Number.isNaN(tb)) return null;
  return Math.round((tb - ta) / 86_400_000);
}
