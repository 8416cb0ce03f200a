/**
 * How well two words render the same thing, in one language or across English and Chinese:
 * the same word, a synonym, a shared root, a translation through the gloss table, or a
 * similar spelling — each with a weight (0..1) and a name for the reasons.
 */
import type { MatchTables } from '../match-tables.ts';
import type { TieKind } from '../reasons.ts';
import { commonPrefix, NEGATIONS, trigrams } from '../text.ts';

/** How two words render the same thing: the very same word, or a tie the reasons name. */
export type TieHow = 'same-word' | TieKind;

export type Tie = { w: number; how: TieHow } | null;

export const HAN_CHAR = /\p{Script=Han}/u;

/** Letters two words of five or more must share at the start to count as one root. */
export const ROOT_LENGTH = 5;
/** Trigram similarity from which two words of `SPELLING_MIN_LENGTH` or more letters are the same word misspelt. */
const SPELLING_SIMILARITY = 0.6;
/** Shorter words are too alike by chance for spelling to tie them. */
const SPELLING_MIN_LENGTH = 4;
/** Word pairs remembered (they repeat across quotes and articles); the cache is then emptied. */
const TIE_CACHE_SIZE = 500_000;

const SAME: Tie = { w: 1, how: 'same-word' };
// A gloss is a dictionary rendering: near-certain, but never the very same word.
const TRANSLATION: Tie = { w: 0.9, how: 'translation' };
const NEAR_TRANSLATION: Tie = { w: 0.75, how: 'translation' };
const LOOSE_TRANSLATION: Tie = { w: 0.6, how: 'loose-translation' };
const SAME_MEANING: Tie = { w: 0.8, how: 'same-meaning' };
/** Renderings of a Chinese word that give its main sense (the dictionary's first ones). */
const MAIN_SENSE = 2;
const SYNONYM: Tie = { w: 0.9, how: 'synonym' };
const SAME_ROOT: Tie = { w: 0.8, how: 'same-root' };
const RELATED_WORD: Tie = { w: 0.7, how: 'related-word' };
const SIMILAR_SPELLING: Tie = { w: 0.6, how: 'similar-spelling' };
const SAME_COUNTRY_TIE: Tie = { w: 0.8, how: 'same-meaning' };

/** Ties that show the remark shares a word with the other wording (in either language). */
export const ANCHORS: ReadonlySet<TieHow> = new Set<TieHow>([
  'same-word',
  'same-root',
  'translation',
  'same-meaning',
]);

/** Chinese negations, weighed like English ones. */
export const ZH_NEGATIONS: ReadonlySet<string> = new Set(
  '不 没 没有 未 无 非 别 勿 不会 不能 不应 不愿 不再 不是 并非 从未 从不 绝不 决不 无意 不想 不要'.split(
    ' ',
  ),
);

/**
 * English words that negate what follows besides "not": "cannot", a contraction ("don't",
 * "can't", kept whole by the tokenizer), and words that deny it ("lack transparency" says
 * "not transparent").
 */
const EN_NEGATIONS: ReadonlySet<string> = new Set(['cannot', 'lack', 'fail', 'without', 'neither']);
const CONTRACTED_NOT = /n['’]t$/;

function isEnglishNegation(s: string): boolean {
  return NEGATIONS.has(s) || EN_NEGATIONS.has(s) || CONTRACTED_NOT.test(s);
}

/** A negation word of either language ("not", "don't", 不), as written. */
export function isNegationWord(s: string): boolean {
  return isEnglishNegation(s) || ZH_NEGATIONS.has(s);
}

/**
 * Glosses of a Chinese word that make a negation in it a focus word: 不仅 / 不只 / 不光 "not
 * only", as English "not only" (see quote-tokens.ts) negates nothing.
 */
const ZH_FOCUS_GLOSSES: ReadonlySet<string> = new Set(['onli', 'mere', 'just', 'simpli', 'sole']);

/**
 * A negation: "not", "never", 不, 没有, or a Chinese word whose gloss is one ("不是") and not
 * "not only" (不仅).
 */
export function isNegation(tables: MatchTables, s: string): boolean {
  if (isNegationWord(s)) return true;
  if (!HAN_CHAR.test(s)) return false;
  const g = tables.zh.gloss(s);
  return g.some(isEnglishNegation) && !g.some((x) => ZH_FOCUS_GLOSSES.has(x));
}

/**
 * A country, its capital and its adjective name one government in diplomatic speech
 * ("Washington must not…" renders "the United States should not…"). Words as quote tokens
 * keep them: lower case, a name of several words joined by a space.
 */
const SAME_COUNTRY: ReadonlyMap<string, string> = new Map(
  Object.entries({
    // Not "us": "used" stems to it.
    'united states': ['u.s', 'america', 'american', 'washington'],
    // With the stems a sentence's first word gets ("Beijing's" → "beij").
    china: ['chinese', 'chines', 'beijing', 'beij', 'prc'],
  }).flatMap(([country, names]) => [country, ...names].map((n) => [n, country] as const)),
);

/** Parts of a two-country compound ("Sino-American", "China-US") that only ever name a country. */
const COMPOUND_PARTS: ReadonlyMap<string, string> = new Map([
  ...SAME_COUNTRY,
  ['sino', 'china'],
  ['us', 'united states'],
]);

/** The two countries of a compound ("sino-american" → "china|united states"), or undefined. */
function pairOf(w: string): string | undefined {
  const parts = w.split('-');
  if (parts.length !== 2) return undefined;
  const names = parts.map((p) => COMPOUND_PARTS.get(p));
  if (names.some((n) => n === undefined) || names[0] === names[1]) return undefined;
  return names.sort().join('|');
}

/**
 * Two words naming the same country's government ("washington", "united states"), or the
 * same two countries ("sino-american", "china-us").
 */
export function sameCountry(a: string, b: string): boolean {
  const c = SAME_COUNTRY.get(a);
  if (c !== undefined) return c === SAME_COUNTRY.get(b);
  const p = pairOf(a);
  return p !== undefined && p === pairOf(b);
}

/** A word naming one of the two countries or its government ("china", "washington", 中国, 美方). */
export function isCountry(w: string): boolean {
  return SAME_COUNTRY.has(w) || ZH_COUNTRIES.has(w);
}
const ZH_COUNTRIES: ReadonlySet<string> = new Set(
  '中国 中方 美国 美方 中美 北京 华盛顿'.split(' '),
);

/** Two long words with the same first letters ("negotiation" / "negotiate"). */
export function sameRoot(a: string, b: string): boolean {
  return a.length >= ROOT_LENGTH && b.length >= ROOT_LENGTH && commonPrefix(a, b) >= ROOT_LENGTH;
}

// Per table set; keyed by the smaller word, then the larger: no key string is built per lookup.
const tieCaches = new WeakMap<MatchTables, { rows: Map<string, Map<string, Tie>>; size: number }>();

/** How well two words render the same thing (0..1), and why. */
export function wordTie(tables: MatchTables, a: string, b: string): Tie {
  if (a === b) return SAME;
  let cache = tieCaches.get(tables);
  if (!cache) tieCaches.set(tables, (cache = { rows: new Map(), size: 0 }));
  const lo = a < b ? a : b;
  const hi = a < b ? b : a;
  let row = cache.rows.get(lo);
  let t = row?.get(hi);
  if (t === undefined) {
    t = computeTie(tables, a, b);
    if (cache.size >= TIE_CACHE_SIZE) {
      cache.rows.clear();
      cache.size = 0;
      row = undefined;
    }
    if (!row) cache.rows.set(lo, (row = new Map()));
    row.set(hi, t);
    cache.size++;
  }
  return t;
}

/** A Chinese word and an English stem: rendered by the gloss, or by a synonym of it. */
function glossTie(tables: MatchTables, zh: string, en: string): Tie {
  const g = tables.zh.gloss(zh);
  if (g.length === 0) return null;
  if (g.includes(en)) return TRANSLATION;
  if (g.some((x) => sameCountry(x, en))) return NEAR_TRANSLATION;
  let best: Tie = null;
  for (const x of g) {
    if (x.includes(' ')) continue;
    const tie = tables.synonyms.tie(x, en);
    if (tie === 'synonym') return NEAR_TRANSLATION;
    if (sameRoot(x, en)) best = NEAR_TRANSLATION;
    else if (tie === 'related' && !best) best = LOOSE_TRANSLATION;
  }
  return best;
}

function computeTie(tables: MatchTables, a: string, b: string): Tie {
  const ha = HAN_CHAR.test(a);
  const hb = HAN_CHAR.test(b);
  if (ha || hb) {
    if (ha && hb) {
      // One rendering in common, the main sense of one of them: 坦率 "frank, candid" / 开诚布公
      // "…, frank" (not 中方 / 美方, "China's side" / "the US side", through "side").
      const ga = tables.zh.gloss(a);
      const gb = tables.zh.gloss(b);
      const main = (g: readonly string[]) => g.slice(0, MAIN_SENSE);
      const gaSet = new Set(ga);
      const gbSet = new Set(gb);
      if (main(ga).some((x) => gbSet.has(x)) || main(gb).some((x) => gaSet.has(x))) {
        return SAME_MEANING;
      }
      return null;
    }
    return ha ? glossTie(tables, a, b) : glossTie(tables, b, a);
  }
  if (sameCountry(a, b)) return SAME_COUNTRY_TIE;
  const tie = tables.synonyms.tie(a, b);
  if (tie === 'synonym') return SYNONYM;
  if (sameRoot(a, b)) return SAME_ROOT;
  if (tie === 'related') return RELATED_WORD;
  if (a.length >= SPELLING_MIN_LENGTH && b.length >= SPELLING_MIN_LENGTH && similarSpelling(a, b)) {
    return SIMILAR_SPELLING;
  }
  return null;
}

/** Words' character trigrams, kept (a word meets many others); then the cache is emptied. */
const trigramCache = new Map<string, Set<string>>();
const TRIGRAM_CACHE_SIZE = 50_000;
function trigramsOf(w: string): Set<string> {
  let t = trigramCache.get(w);
  if (!t) {
    if (trigramCache.size >= TRIGRAM_CACHE_SIZE) trigramCache.clear();
    trigramCache.set(w, (t = trigrams(w)));
  }
  return t;
}

/**
 * `wordSimilarity(a, b) >= SPELLING_SIMILARITY` (the same Dice of the same trigram sets), with
 * each word's trigrams made once, and no counting when even all of the smaller set shared
 * could not reach it.
 */
export function similarSpelling(a: string, b: string): boolean {
  if (a === b) return 1 >= SPELLING_SIMILARITY;
  const ta = trigramsOf(a);
  const tb = trigramsOf(b);
  const size = ta.size + tb.size;
  if ((2 * Math.min(ta.size, tb.size)) / size < SPELLING_SIMILARITY) return false;
  let shared = 0;
  for (const g of ta) if (tb.has(g)) shared++;
  return (2 * shared) / size >= SPELLING_SIMILARITY;
}
