/**
 * Chinese words for cross-language quote matching: a Chinese text is segmented into dictionary
 * words (longest match first) and each word is glossed into the Porter stems of its English
 * renderings. The table (CC-CEDICT plus curated diplomatic set phrases, built by
 * scripts/build-zh-gloss.ts) is data, not code: the service worker fetches it from the extension
 * package with the synonym table, Node entry points read it from disk (src/corpus/node.ts).
 * Using it before it is installed throws: matching would silently lose every Chinese quote.
 */

export interface ZhGlossTable {
  source: string;
  licence: string;
  version: number;
  /** Traditional→simplified character pairs, concatenated. */
  traditional: string;
  /** Simplified headword → comma-separated English stems. */
  words: Record<string, string>;
}

export interface ZhToken {
  /** The word as keyed in the table (simplified). */
  word: string;
  start: number;
  end: number;
}

let words: Readonly<Record<string, string>> | null = null;
let simplify = new Map<string, string>();
const glossCache = new Map<string, readonly string[]>();
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
    '一 一个 上 下 中 里 内 外 时 时候 后 前 来 去 到 再 很 更 最 非常 十分 太 比 如 如果 因为 所以'
  ).split(' '),
);

export function installZhGloss(table: ZhGlossTable): void {
  if (typeof table?.words !== 'object' || table.words === null) {
    throw new Error('Chinese gloss table has no words');
  }
  if (typeof table.traditional !== 'string') {
    throw new Error('Chinese gloss table has no traditional character map');
  }
  words = table.words;
  simplify = new Map();
  const pairs = [...table.traditional];
  for (let i = 0; i + 1 < pairs.length; i += 2)
    simplify.set(pairs[i] as string, pairs[i + 1] as string);
  glossCache.clear();
}

export function zhGlossInstalled(): boolean {
  return words !== null;
}

function table(): Readonly<Record<string, string>> {
  if (!words)
    throw new Error('Backstory: the Chinese gloss table is not installed (installZhGloss)');
  return words;
}

function has(w: string): boolean {
  return Object.prototype.hasOwnProperty.call(table(), w);
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

/** Simplified form of a Chinese string (character by character). */
export function toSimplified(text: string): string {
  let out = '';
  for (const ch of text) out += simplify.get(ch) ?? ch;
  return out;
}

/**
 * The words of the Han runs of `text`, longest dictionary match first; characters the table
 * lacks stand alone. Stopwords are dropped. Offsets are into `text`.
 */
export function segmentZh(text: string): ZhToken[] {
  table();
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
    for (const [from, to] of bestSplit(simp)) {
      const word = simp.slice(from, to).join('');
      if (!ZH_STOPWORDS.has(word)) {
        out.push({ word, start: offs[from] as number, end: offs[to] as number });
      }
    }
  }
  return out;
}

/**
 * Word boundaries of a run of simplified characters: longest dictionary match scanning forward
 * and scanning backward, keeping the split with fewer words, then fewer single characters
 * (backward on a tie: "不负责任" is 不 + 负责任, not 不负 + 责任).
 */
function bestSplit(chars: readonly string[]): [number, number][] {
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

/** English stems a Chinese word renders (empty when the table has none). */
export function glossOf(word: string): readonly string[] {
  let g = glossCache.get(word);
  if (g === undefined) {
    const t = table();
    const raw = Object.prototype.hasOwnProperty.call(t, word) ? t[word] : undefined;
    g = raw ? raw.split(',') : [];
    if (glossCache.size > 50_000) glossCache.clear();
    glossCache.set(word, g);
  }
  return g;
}

/** The English stems of a Chinese text, each word's renderings in order (for ranking). */
export function glossText(text: string): string {
  const parts: string[] = [];
  for (const t of segmentZh(text)) {
    const g = glossOf(t.word);
    // Names keep their capitals so that name extraction still sees them.
    for (const x of g.slice(0, 3)) {
      parts.push(
        / /.test(x)
          ? x.replace(/(^|\s)(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase())
          : x,
      );
    }
  }
  return parts.join(' ');
}

/** A Chinese speaker name in English ("习近平" → "Xi Jinping"), or null. */
export function zhNameInEnglish(name: string): string | null {
  const simp = toSimplified(name.trim());
  for (const len of [simp.length, 3, 2]) {
    const g = glossOf(simp.slice(0, len));
    const full = g.find((x) => x.includes(' '));
    if (full)
      return full.replace(/(^|\s)(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
  }
  return null;
}
