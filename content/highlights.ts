/**
 * First version of in-page highlights: each matched quote becomes a DOM Range registered with the
 * CSS Custom Highlight API, so the page's own nodes are never touched. A quote that cannot be
 * found exactly (modulo whitespace and quote marks) is counted as orphaned, never guessed.
 */
import type { HighlightStats, PageQuote } from '../src/core/types.ts';

export const HIGHLIGHT_NAME = 'backstory-quote';

interface TextMap {
  text: string;
  /** For each char of `text`: the node and offset it came from. */
  nodes: Text[];
  offsets: number[];
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SVG']);

function foldChar(c: string): string {
  if (/[\u2018\u2019\u201A\u201B\u2032']/.test(c)) return "'";
  if (/[\u201C\u201D\u201E\u201F\u2033"«»「」『』]/.test(c)) return '"';
  if (/[\u2010-\u2015\u2212]/.test(c)) return '-';
  return c.toLowerCase();
}

/** Page text with whitespace collapsed and quote marks folded, mapped back to text nodes. */
function buildTextMap(root: Node): TextMap {
  const map: TextMap = { text: '', nodes: [], offsets: [] };
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      let el = node.parentElement;
      while (el) {
        if (SKIP.has(el.tagName.toUpperCase())) return NodeFilter.FILTER_REJECT;
        el = el.parentElement;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  let lastSpace = true;
  const parts: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    const data = t.data;
    for (let i = 0; i < data.length; i++) {
      const c = data[i] ?? '';
      if (c === '\u00AD') continue;
      if (/\s/.test(c)) {
        if (lastSpace) continue;
        lastSpace = true;
        parts.push(' ');
      } else {
        lastSpace = false;
        parts.push(foldChar(c));
      }
      map.nodes.push(t);
      map.offsets.push(i);
    }
  }
  map.text = parts.join('');
  return map;
}

function foldQuote(text: string): string {
  return Array.from(
    text
      .replace(/\u00AD/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  )
    .map(foldChar)
    .join('')
    .replace(/^["'\s]+|["'\s]+$/g, '');
}

/** Find `quote` in the page text; returns a Range or null when it is not there. */
export function anchorQuote(root: Node, map: TextMap, quote: PageQuote): Range | null {
  const needle = foldQuote(quote.text);
  if (needle.length < 2) return null;
  const at = map.text.indexOf(needle);
  if (at < 0) return null;
  const endAt = at + needle.length - 1;
  const startNode = map.nodes[at];
  const endNode = map.nodes[endAt];
  const startOffset = map.offsets[at];
  const endOffset = map.offsets[endAt];
  if (!startNode || !endNode || startOffset === undefined || endOffset === undefined) return null;
  const doc = root.ownerDocument ?? (root as Document);
  const range = doc.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset + 1);
  return range;
}

export class Highlighter {
  private ranges: Range[] = [];

  constructor(private readonly root: Node) {}

  /** Highlight the quotes that have corpus matches; returns what was placed and what was not. */
  apply(quotes: PageQuote[]): HighlightStats {
    this.clear();
    const matched = quotes.filter((q) => q.matches.length > 0);
    if (matched.length === 0) return { anchored: 0, orphaned: 0 };
    const map = buildTextMap(this.root);
    let orphaned = 0;
    for (const q of matched) {
      const range = anchorQuote(this.root, map, q);
      if (range) this.ranges.push(range);
      else orphaned++;
    }
    if (this.ranges.length > 0 && typeof CSS !== 'undefined' && 'highlights' in CSS) {
      CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(...this.ranges));
    }
    return { anchored: this.ranges.length, orphaned };
  }

  clear(): void {
    this.ranges = [];
    if (typeof CSS !== 'undefined' && 'highlights' in CSS) CSS.highlights.delete(HIGHLIGHT_NAME);
  }
}
