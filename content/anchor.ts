/**
 * Anchoring: turning a quote the pipeline extracted (exact text + prefix + suffix + a position
 * hint) back into a DOM Range on the live page, after hypothesis/client's approach. The page text
 * is read once into a folded form (lower case, letters and digits only, every other run —
 * whitespace, quote marks, dashes, punctuation, element boundaries — one space; soft hyphens and
 * zero-width marks dropped) with a map from each folded character back to its text node, so
 * differences in whitespace, quote marks, dashes, entities and soft hyphens cannot stop a match
 * and a quote spanning several elements becomes one Range.
 *
 * Exact match first; then an approximate match (Myers, via approx-string-match) near the hint.
 * A quote that cannot be placed confidently is reported as not found, never guessed.
 * Reads the DOM only; changes nothing.
 */
import search from 'approx-string-match';

/** The page's text in folded form, and where each folded character came from. */
export interface TextMap {
  text: string;
  nodes: Text[];
  /** Per folded char: index into `nodes`. */
  node: Int32Array;
  /** Per folded char: start and end offset of its source character(s) in that node. */
  start: Int32Array;
  end: Int32Array;
}

export interface QuoteSelector {
  text: string;
  prefix?: string;
  suffix?: string;
  /** Expected position in the folded page text (e.g. where the quote's paragraph starts). */
  hint?: number;
}

export interface AnchorOptions {
  /** Extra check on a candidate range (e.g. that it is rendered); false skips the candidate. */
  accept?: (range: Range) => boolean;
  /** How far from the hint (folded chars) the approximate search looks. */
  window?: number;
}

export interface Anchor {
  range: Range;
  /** Folded-text offsets of the match. */
  start: number;
  end: number;
  exact: boolean;
}

const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'HEAD',
  'TITLE',
]);

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'HTML',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

/** Stop reading page text after this many folded characters (pathological pages). */
export const MAX_TEXT = 2_000_000;

// NodeFilter's values, spelled out so that any DOM implementation (page, test DOM) works.
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;

/**
 * A Document method from the document's own prototype chain, not from the object itself, which
 * a page can shadow with named elements (`<form name="createRange">`).
 */
function domMethod<K extends 'createTreeWalker' | 'createRange'>(
  doc: Document,
  name: K,
): Document[K] {
  let proto: object | null = Object.getPrototypeOf(doc) as object | null;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, name)) {
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return ((proto as Document | null) ?? doc)[name];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// Soft hyphens, zero-width and other format characters, and combining marks: dropped, not spaces.
const INVISIBLE = /[\p{Cf}\p{M}]/u;

/** How one source character folds: '' (dropped), ' ' (separator) or its folded letters. */
function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 128) {
    if (c >= 65 && c <= 90) return String.fromCharCode(c + 32);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return ch;
    return ' ';
  }
  if (INVISIBLE.test(ch)) return '';
  // NFKC turns ligatures and full-width forms into plain letters (ﬁ → fi, Ａ → A).
  let out = '';
  for (const part of ch.normalize('NFKC').toLowerCase()) {
    if (LETTER_OR_DIGIT.test(part)) out += part;
    else if (!INVISIBLE.test(part)) out += ' ';
  }
  return out;
}

/** The folded form of a string, trimmed: what quotes, prefixes and suffixes are compared as. */
export function fold(text: string): string {
  let out = '';
  let space = true;
  for (const ch of text) {
    for (const f of foldChar(ch)) {
      if (f === ' ') {
        if (!space) out += ' ';
        space = true;
      } else {
        out += f;
        space = false;
      }
    }
  }
  return out.trimEnd();
}

function blockOf(node: Node, root: Node): Node {
  let el = node.parentElement;
  while (el && el !== root) {
    if (BLOCK_TAGS.has(el.tagName.toUpperCase())) return el;
    el = el.parentElement;
  }
  return root;
}

/**
 * Read the text under `root` once, in document order, skipping scripts, styles, form fields,
 * `hidden` subtrees and anything `skip` names (Backstory's own card host).
 */
export function buildTextMap(root: Node, skip?: (el: Element) => boolean): TextMap {
  const doc = root.ownerDocument ?? (root as Document);
  const nodes: Text[] = [];
  const chars: string[] = [];
  const nodeIdx: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let length = 0;
  let space = true;
  let lastBlock: Node | null = null;

  const separate = (ni: number, at: number): void => {
    if (space) return;
    chars.push(' ');
    nodeIdx.push(ni);
    starts.push(at);
    ends.push(at);
    length++;
    space = true;
  };

  // Through the prototype: a page can shadow document methods with named elements.
  const walker = domMethod(doc, 'createTreeWalker').call(doc, root, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode(node: Node): number {
      if (node.nodeType !== 1) return FILTER_ACCEPT;
      const el = node as Element;
      if (SKIP_TAGS.has(el.tagName.toUpperCase())) return FILTER_REJECT;
      if (el.hasAttribute('hidden') || skip?.(el)) return FILTER_REJECT;
      return FILTER_ACCEPT;
    },
  });

  for (let n = walker.nextNode(); n && length < MAX_TEXT; n = walker.nextNode()) {
    if (n.nodeType === 1) {
      const tag = (n as Element).tagName.toUpperCase();
      if ((tag === 'BR' || tag === 'IMG') && nodes.length > 0) {
        const last = nodes[nodes.length - 1];
        separate(nodes.length - 1, last?.data.length ?? 0);
      }
      continue;
    }
    const t = n as Text;
    const data = t.data;
    if (data.length === 0) continue;
    const block = blockOf(t, root);
    if (lastBlock !== null && block !== lastBlock && nodes.length > 0) {
      const last = nodes[nodes.length - 1];
      separate(nodes.length - 1, last?.data.length ?? 0);
    }
    lastBlock = block;
    const ni = nodes.length;
    nodes.push(t);
    let i = 0;
    while (i < data.length) {
      const cp = data.codePointAt(i) ?? 0;
      const width = cp > 0xffff ? 2 : 1;
      const folded = foldChar(data.slice(i, i + width));
      for (const f of folded) {
        if (f === ' ') {
          separate(ni, i);
          continue;
        }
        chars.push(f);
        nodeIdx.push(ni);
        starts.push(i);
        ends.push(i + width);
        length++;
        space = false;
      }
      i += width;
    }
  }
  return {
    text: chars.join(''),
    nodes,
    node: Int32Array.from(nodeIdx),
    start: Int32Array.from(starts),
    end: Int32Array.from(ends),
  };
}

/** The DOM Range covering folded characters [from, to) of `map`, or null if it is out of range. */
export function rangeFor(map: TextMap, from: number, to: number): Range | null {
  let s = from;
  let e = to;
  while (s < e && map.text[s] === ' ') s++;
  while (e > s && map.text[e - 1] === ' ') e--;
  if (s >= e) return null;
  const startNode = map.nodes[map.node[s] ?? -1];
  const endNode = map.nodes[map.node[e - 1] ?? -1];
  const startOffset = map.start[s];
  const endOffset = map.end[e - 1];
  if (!startNode || !endNode || startOffset === undefined || endOffset === undefined) return null;
  if (!startNode.isConnected || !endNode.isConnected) return null;
  try {
    const doc = startNode.ownerDocument;
    const range = domMethod(doc, 'createRange').call(doc);
    range.setStart(startNode, Math.min(startOffset, startNode.data.length));
    range.setEnd(endNode, Math.min(endOffset, endNode.data.length));
    return range;
  } catch {
    return null;
  }
}

/**
 * Where `pattern` occurs exactly in `text`: the `keep` places nearest the hint (the first ones
 * without a hint), so a name repeated hundreds of times is still found in its own paragraph.
 */
function exactIndexes(
  text: string,
  pattern: string,
  hint: number | undefined,
  keep = 60,
): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(pattern); at >= 0 && out.length < 20_000;) {
    out.push(at);
    at = text.indexOf(pattern, at + 1);
  }
  if (hint === undefined || out.length <= keep) return out.slice(0, keep);
  return out.sort((a, b) => Math.abs(a - hint) - Math.abs(b - hint)).slice(0, keep);
}

/** 0..1: how well `expected` matches `actual` allowing edits (1 = same). */
function similarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  if (actual.includes(expected)) return 1;
  const found = search(actual, expected, expected.length);
  const errors = found.reduce((min, m) => Math.min(min, m.errors), expected.length);
  return 1 - errors / expected.length;
}

/** Weights after hypothesis: the quote itself matters most, then its context, then position. */
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 10 };
/** Approximate matches need at least this similarity to the quote to be placed. */
export const MIN_QUOTE_SIMILARITY = 0.82;
const DENSE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
/** Quotes shorter than this (folded) are too ambiguous to place. */
export const MIN_QUOTE_LENGTH = 6;

interface Candidate {
  start: number;
  end: number;
  errors: number;
  score: number;
}

/**
 * Place one quote in the page text. Returns the best candidate that `accept` allows, or null
 * when the quote is absent, too short, or only a poor approximate match exists.
 */
export function anchorQuote(
  map: TextMap,
  selector: QuoteSelector,
  opts: AnchorOptions = {},
): Anchor | null {
  const needle = fold(selector.text).trim();
  // A Han, kana or Hangul character says about as much as a short word.
  const dense = needle.match(DENSE_SCRIPT)?.length ?? 0;
  if (needle.length + 2 * dense < MIN_QUOTE_LENGTH) return null;
  const prefix = fold(selector.prefix ?? '').trim();
  const suffix = fold(selector.suffix ?? '').trim();
  const { text } = map;
  const hint = selector.hint;

  const score = (start: number, end: number, errors: number): number => {
    const quote = 1 - errors / needle.length;
    const pre = prefix
      ? similarity(text.slice(Math.max(0, start - prefix.length - 2), start), prefix)
      : 1;
    const suf = suffix ? similarity(text.slice(end, end + suffix.length + 2), suffix) : 1;
    // Near the hint (the quote's paragraph starts there, so a little after it is as good as at
    // it) beats far; beyond a few paragraphs only the quote and its context count.
    const away =
      hint === undefined ? 0 : start < hint ? hint - start : Math.max(0, start - hint - 600);
    const position = Math.max(0, 1 - away / 2000);
    // A match that starts or ends inside a word ("bathe only…" for "the only…") ranks lower.
    const cut =
      (start > 0 && text[start - 1] !== ' ' ? 1 : 0) +
      (end < text.length && text[end] !== ' ' ? 1 : 0);
    return (
      (WEIGHT.quote * (quote - 0.1 * cut) +
        WEIGHT.prefix * pre +
        WEIGHT.suffix * suf +
        WEIGHT.position * position) /
      (WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position)
    );
  };

  const pick = (candidates: Candidate[], exact: boolean): Anchor | null => {
    candidates.sort((a, b) => b.score - a.score || a.start - b.start);
    const usable: Array<{ c: Candidate; range: Range }> = [];
    for (const c of candidates) {
      const range = rangeFor(map, c.start, c.end);
      if (range && (!opts.accept || opts.accept(range))) usable.push({ c, range });
      if (usable.length === 2) break;
    }
    const [best, next] = usable;
    if (!best) return null;
    // Two places that nothing tells apart (same words, same context, no position): guessing
    // could highlight the wrong one, so the quote stays unplaced.
    if (next && hint === undefined && best.c.score - next.c.score < 1e-6) return null;
    return { range: best.range, start: best.c.start, end: best.c.end, exact };
  };

  const exact = exactIndexes(text, needle, hint).map((start) => ({
    start,
    end: start + needle.length,
    errors: 0,
    score: score(start, start + needle.length, 0),
  }));
  const found = exact.length > 0 ? pick(exact, true) : null;
  if (found) return found;

  // Approximate: near the hint when there is one, else over the whole text.
  const maxErrors = Math.floor(needle.length * (1 - MIN_QUOTE_SIMILARITY));
  const window = opts.window ?? Math.max(3000, needle.length * 4);
  const from = hint === undefined ? 0 : Math.max(0, hint - window);
  const to =
    hint === undefined ? text.length : Math.min(text.length, hint + window + needle.length);
  const region = text.slice(from, to);
  const approx: Candidate[] = [];
  for (const m of search(region, needle, maxErrors)) {
    const start = from + m.start;
    const end = from + m.end;
    // Matches whose length is far off are the aligner stretching over noise.
    if (Math.abs(end - start - needle.length) > maxErrors) continue;
    approx.push({ start, end, errors: m.errors, score: score(start, end, m.errors) });
  }
  return pick(approx.slice(0, 200), false);
}

/** Folded-text position where a paragraph of extracted text begins in the page, if found. */
export function paragraphHint(map: TextMap, paragraph: string): number | undefined {
  const head = fold(paragraph).trim().slice(0, 80);
  if (head.length < 12) return undefined;
  const at = map.text.indexOf(head);
  return at >= 0 ? at : undefined;
}

/**
 * Where each extracted paragraph begins in the page, read in order: each is looked for after the
 * previous one, so short paragraphs ("Bartleby.") and repeated ones get the place that follows
 * their neighbours; one that cannot be found gets the position right after the previous one.
 */
export function paragraphHints(map: TextMap, paragraphs: readonly string[]): number[] {
  const out: number[] = [];
  let cursor = 0;
  for (const p of paragraphs) {
    const folded = fold(p).trim();
    const head = folded.slice(0, 80);
    let at = head.length >= 3 ? map.text.indexOf(head, cursor) : -1;
    if (at < 0 && head.length >= 12) at = map.text.indexOf(head);
    const hint = at >= 0 ? at : cursor;
    out.push(hint);
    cursor = at >= 0 ? at + folded.length : cursor;
  }
  return out;
}
