/**
 * In-page highlights of matched quotes with the CSS Custom Highlight API: each placed quote is a
 * DOM Range registered under a highlight name, styled by highlight-style.ts (a stylesheet adopted
 * by the document once there is a highlight to show), so the page's own nodes, classes and
 * scripts are never touched. The Highlighter is scoped to a
 * root, remembers what it registered, and removes exactly that.
 */
import type { HighlightStats, PageQuote } from '../src/core/types.ts';
import { anchorQuote, buildTextMap, fold, paragraphHints, type TextMap } from './anchor.ts';
import { ACTIVE_NAME, FLASH_NAME, HIGHLIGHT_NAME } from './highlight-names.ts';
import { styleHighlights } from './highlight-style.ts';

export { ACTIVE_NAME, FLASH_NAME, HIGHLIGHT_NAME };

/** At most this many quotes are anchored per page (the rest count as orphaned). */
export const MAX_QUOTES = 60;
export const FLASH_MS = 1600;

export interface HighlighterOptions {
  /** Elements whose text is not page text (Backstory's card host). */
  skip?: (el: Element) => boolean;
}

interface Placed {
  range: Range;
  /** The folded text the range covered when placed: a change means the page changed under it. */
  folded: string;
}

function registry(): HighlightRegistry | null {
  try {
    return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function'
      ? CSS.highlights
      : null;
  } catch {
    return null;
  }
}

/** True when the range's text is rendered (not inside display:none or similar). */
function rendered(range: Range): boolean {
  const el = range.startContainer.parentElement;
  if (!el) return false;
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  return typeof check === 'function' ? check.call(el, { visibilityProperty: true }) : true;
}

export class Highlighter {
  private quotes: PageQuote[] = [];
  private paragraphs: string[] = [];
  private readonly placed = new Map<number, Placed>();
  private readonly orphans = new Set<number>();
  private shown = false;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly root: Node,
    private readonly opts: HighlighterOptions = {},
  ) {}

  /**
   * Anchor every quote that has matches elsewhere. `paragraphs` (the extracted article) give
   * position hints. Replaces whatever was anchored before; shows the highlights if shown.
   */
  anchor(quotes: PageQuote[], paragraphs: string[] = []): HighlightStats {
    this.forget();
    this.quotes = quotes;
    this.paragraphs = paragraphs;
    const wanted = this.wanted();
    for (const i of wanted) this.orphans.add(i);
    if (wanted.length > 0) this.place(wanted, buildTextMap(this.root, this.opts.skip));
    for (const i of quotes.keys()) {
      if (!wanted.includes(i) && (quotes[i]?.matches.length ?? 0) > 0) this.orphans.add(i);
    }
    this.render();
    return this.stats();
  }

  /**
   * Re-anchor quotes that were not found or whose range the page has since broken (nodes
   * removed, text changed); orphans only when `retryOrphans`. Returns true when anything changed.
   */
  repair(retryOrphans = true): boolean {
    const broken: number[] = [];
    for (const [i, p] of this.placed) {
      const r = p.range;
      if (
        r.collapsed ||
        !r.startContainer.isConnected ||
        !r.endContainer.isConnected ||
        fold(r.toString()) !== p.folded
      ) {
        broken.push(i);
      }
    }
    const orphans = retryOrphans ? [...this.orphans].filter((i) => i < this.quotes.length) : [];
    const retry = [...broken, ...orphans];
    const candidates = retry.filter((i) => this.wanted().includes(i));
    if (candidates.length === 0) return false;
    for (const i of broken) {
      this.placed.delete(i);
      this.orphans.add(i);
    }
    const before = this.placed.size;
    this.place(candidates, buildTextMap(this.root, this.opts.skip));
    const changed = broken.length > 0 || this.placed.size !== before;
    if (changed) this.render();
    return changed;
  }

  stats(): HighlightStats {
    return { anchored: this.placed.size, orphaned: this.orphans.size };
  }

  /** Quote indexes with a range, in page order. */
  placedIndexes(): number[] {
    return [...this.placed.entries()]
      .sort(([, a], [, b]) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range))
      .map(([i]) => i);
  }

  quote(index: number): PageQuote | undefined {
    return this.quotes[index];
  }

  rangeOf(index: number): Range | null {
    return this.placed.get(index)?.range ?? null;
  }

  /** The quote whose highlighted text is under the viewport point (x, y), if any. */
  quoteAt(x: number, y: number): number | null {
    for (const [i, p] of this.placed) {
      for (const rect of p.range.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return i;
      }
    }
    return null;
  }

  /** Register (or unregister) the highlights with the page's highlight registry. */
  setShown(shown: boolean): void {
    this.shown = shown;
    this.render();
  }

  /** Mark one quote as the active one (card open), or none. */
  setActive(index: number | null): void {
    const reg = registry();
    if (!reg) return;
    const range = index === null ? null : this.rangeOf(index);
    if (!range) {
      reg.delete(ACTIVE_NAME);
      return;
    }
    const h = new Highlight(range);
    h.priority = 1;
    this.style();
    reg.set(ACTIVE_NAME, h);
  }

  /** Flash one quote briefly (shown even when highlights are switched off: the reader asked). */
  flash(index: number): void {
    const reg = registry();
    const range = this.rangeOf(index);
    if (!reg || !range) return;
    clearTimeout(this.flashTimer);
    const h = new Highlight(range);
    h.priority = 2;
    this.style();
    reg.set(FLASH_NAME, h);
    this.flashTimer = setTimeout(() => registry()?.delete(FLASH_NAME), FLASH_MS);
  }

  /** Remove every highlight this highlighter registered and forget the quotes. */
  clear(): void {
    this.forget();
    this.quotes = [];
    this.paragraphs = [];
    this.render();
  }

  private forget(): void {
    this.placed.clear();
    this.orphans.clear();
    clearTimeout(this.flashTimer);
    const reg = registry();
    reg?.delete(ACTIVE_NAME);
    reg?.delete(FLASH_NAME);
  }

  /** Indexes of the quotes worth placing: those with matches, at most MAX_QUOTES. */
  private wanted(): number[] {
    const out: number[] = [];
    for (const [i, q] of this.quotes.entries()) {
      if (q.matches.length > 0) out.push(i);
      if (out.length >= MAX_QUOTES) break;
    }
    return out;
  }

  private place(indexes: number[], map: TextMap): void {
    const hints = paragraphHints(map, this.paragraphs);
    for (const i of indexes) {
      const q = this.quotes[i];
      if (!q) continue;
      const p = q.paragraph;
      const found = anchorQuote(
        map,
        {
          text: q.text,
          prefix: q.prefix,
          suffix: q.suffix,
          hint: p === undefined ? undefined : hints[p],
        },
        { accept: (r) => rendered(r) && !this.overlapsPlaced(r, i) },
      );
      if (!found) continue;
      this.placed.set(i, { range: found.range, folded: fold(found.range.toString()) });
      this.orphans.delete(i);
    }
  }

  /** Two quotes never share one stretch of text (a repeated quote is placed once per copy). */
  private overlapsPlaced(range: Range, self: number): boolean {
    for (const [i, p] of this.placed) {
      if (i === self) continue;
      const r = p.range;
      if (
        range.compareBoundaryPoints(Range.START_TO_END, r) > 0 &&
        range.compareBoundaryPoints(Range.END_TO_START, r) < 0
      ) {
        return true;
      }
    }
    return false;
  }

  private render(): void {
    const reg = registry();
    if (!reg) return;
    const ranges = [...this.placed.values()].map((p) => p.range);
    if (this.shown && ranges.length > 0) {
      this.style();
      reg.set(HIGHLIGHT_NAME, new Highlight(...ranges));
    } else reg.delete(HIGHLIGHT_NAME);
  }

  /** The highlights' stylesheet, in the document before anything is painted with it. */
  private style(): void {
    const doc = this.root.nodeType === 9 ? (this.root as Document) : this.root.ownerDocument;
    if (doc) styleHighlights(doc);
  }
}
