/**
 * Chinese words for cross-language quote matching: a Chinese text is segmented into dictionary
 * words (longest match first) and each word is glossed into the Porter stems of its English
 * renderings. The table (CC-CEDICT plus curated diplomatic set phrases, built by
 * scripts/build-zh-gloss.ts) is data, not code: the service worker fetches it from the extension
 * package with the synonym table, Node entry points read it from disk (src/corpus/node.ts).
 * It reaches the matchers inside the loaded corpus (core/match-tables.ts); `zhGlossFrom` checks
 * it there, so a missing table fails the load instead of silently losing every Chinese quote.
 */

export interface ZhGlossTable {
  source: string;
  licence: string;
  version: number;
  /** Traditional→simplified character pairs, concatenated. */
  traditional: string;
  /**
   * Simplified headword → comma-separated English stems; "" for a function word (its main
   * sense is English function words only: 更加 "more", 的话 "if"), segmented but not compared.
   */
  words: Record<string, string>;
}

export interface ZhToken {
  /** The word as keyed in the table (simplified). */
  word: string;
  start: number;
  end: number;
}

const MAX_WORD = 4;
const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;

/**
 * Words that carry grammar, not content, and speech verbs (as "said" is an English stopword):
 * they are segmented but never compared.
 */
const ZH_STOPWORDS = new Set(
  (
    '的 了 着 过 地 得 之 其 是 在 和 与 及 以及 或 也 都 就 又 还 而 并 并且 但 但是 却 则 ' +
    '将 把 被 对 对于 向 从 为 为了 以 于 由 让 使 给 等 等等 这 那 这个 那个 这些 那些 这样 ' +
    '个 们 我 我们 你 你们 他 他们 她 它 自己 此 该 各 每 所 所有 一些 有 有的 要 会 能 可以 可能 ' +
    '应 应该 已 已经 正在 曾 吗 呢 吧 啊 呀 嘛 说 表示 指出 称 说道 提到 强调 认为 称赞 ' +
    '一 一个 上 下 中 里 内 外 时 时候 后 前 来 去 到 再 很 更 最 非常 十分 太 比 如 如果 因为 所以 ' +
    '而且 或者 因此 然而 此外 另外 此次 这次 以来'
  ).split(' '),
);

/** The table, checked and ready to answer. */
export interface ZhGloss {
  /** Simplified form of a Chinese string (character by character). */
  toSimplified(text: string): string;
  /**
   * The words of the Han runs of `text`, longest dictionary match first; characters the table
   * lacks stand alone. Stopwords are dropped. Offsets are into `text`.
   */
  segment(text: string): ZhToken[];
  /** English stems a Chinese word renders (empty when the table has none). */
  gloss(word: string): readonly string[];
  /** The English stems of a Chinese text, each word's renderings in order (for ranking). */
  glossText(text: string): string;
  /** A Chinese speaker name in English ("习近平" → "Xi Jinping"), or null. */
  nameInEnglish(name: string): string | null;
}

/** Glosses remembered per table; the cache is then emptied. */
const GLOSS_CACHE_SIZE = 50_000;

const capitalised = (x: string): string =>
  x.replace(/(^|\s)(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());

export function zhGlossFrom(table: ZhGlossTable): ZhGloss {
  if (typeof table?.words !== 'object' || table.words === null) {
    throw new Error('Chinese gloss table has no words');
  }
  if (typeof table.traditional !== 'string') {
    throw new Error('Chinese gloss table has no traditional character map');
  }
  const words: Readonly<Record<string, string>> = table.words;
  const simplify = new Map<string, string>();
  const pairs = [...table.traditional];
  for (let i = 0; i + 1 < pairs.length; i += 2)
    simplify.set(pairs[i] as string, pairs[i + 1] as string);
  const glossCache = new Map<string, readonly string[]>();
  const has = (w: string): boolean => Object.prototype.hasOwnProperty.call(words, w);

  const toSimplified = (text: string): string => {
    let out = '';
    for (const ch of text) out += simplify.get(ch) ?? ch;
    return out;
  };

  const segment = (text: string): ZhToken[] => {
    const out: ZhToken[] = [];
    for (const m of text.matchAll(HAN_RUN)) {
      const run = [...m[0]];
      const simp = run.map((c) => simplify.get(c) ?? c);
      // Code-unit offsets of each character of the run.
      const offs: number[] = [];
      let o = m.index ?? 0;
      for (const c of run) {
        offs.push(o);
        o += c.length;
      }
      offs.push(o);
      for (const [from, to] of bestSplit(simp, has)) {
        const word = simp.slice(from, to).join('');
        if (!ZH_STOPWORDS.has(word) && words[word] !== '') {
          out.push({ word, start: offs[from] as number, end: offs[to] as number });
        }
      }
    }
    return out;
  };

  const gloss = (word: string): readonly string[] => {
    let g = glossCache.get(word);
    if (g === undefined) {
      const raw = has(word) ? words[word] : undefined;
      g = raw ? raw.split(',') : [];
      if (glossCache.size > GLOSS_CACHE_SIZE) glossCache.clear();
      glossCache.set(word, g);
    }
    return g;
  };

  return {
    toSimplified,
    segment,
    gloss,
    glossText(text) {
      const parts: string[] = [];
      for (const t of segment(text)) {
        // Names keep their capitals so that name extraction still sees them.
        for (const x of gloss(t.word).slice(0, 3)) parts.push(/ /.test(x) ? capitalised(x) : x);
      }
      return parts.join(' ');
    },
    nameInEnglish(name) {
      const simp = toSimplified(name.trim());
      for (const len of [simp.length, 3, 2]) {
        const full = gloss(simp.slice(0, len)).find((x) => x.includes(' '));
        if (full) return capitalised(full);
      }
      return null;
    },
  };
}

/** True when the text is Chinese (Han characters outnumber Latin letters). */
export function isChinese(text: string): boolean {
  if (!HAN.test(text)) return false;
  let han = 0;
  let latin = 0;
  for (const ch of text) {
    if (HAN.test(ch)) han++;
    else if (/[A-Za-z]/.test(ch)) latin++;
  }
  return han >= 2 && han * 2 >= latin;
}

/**
 * Word boundaries of a run of simplified characters: longest dictionary match scanning forward
 * and scanning backward, keeping the split with fewer words, then fewer single characters
 * (backward on a tie: "不负责任" is 不 + 负责任, not 不负 + 责任).
 */
function bestSplit(chars: readonly string[], has: (w: string) => boolean): [number, number][] {
  const forward: [number, number][] = [];
  for (let i = 0; i < chars.length;) {
    let len = Math.min(MAX_WORD, chars.length - i);
    while (len > 1 && !has(chars.slice(i, i + len).join(''))) len--;
    forward.push([i, i + len]);
    i += len;
  }
  const backward: [number, number][] = [];
  for (let j = chars.length; j > 0;) {
    let len = Math.min(MAX_WORD, j);
    while (len > 1 && !has(chars.slice(j - len, j).join(''))) len--;
    backward.unshift([j - len, j]);
    j -= len;
  }
  const singles = (s: [number, number][]) => s.filter(([a, b]) => b - a === 1).length;
  if (forward.length !== backward.length) {
    return forward.length < backward.length ? forward : backward;
  }
  return singles(forward) < singles(backward) ? forward : backward;
}
