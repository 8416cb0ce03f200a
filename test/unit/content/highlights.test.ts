import { afterEach, describe, expect, it, vi } from 'vitest';
import { HIGHLIGHT_CSS } from '../../../content/highlight-style.ts';
import { HIGHLIGHT_NAME, Highlighter, MAX_QUOTES } from '../../../content/highlights.ts';
import type { PageQuote } from '../../../src/core/types.ts';

const match = { articleId: 'a', text: 'other wording', score: 0.9 };
const q = (text: string, matched = true): PageQuote => ({
  text,
  speaker: null,
  matches: matched ? [match] : [],
});

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('Highlighter', () => {
  it('anchors matched quotes, counts the missing ones, ignores unmatched ones', () => {
    const root = page('<p>He said “we are at a vital historical juncture” on Tuesday.</p>');
    const h = new Highlighter(root);
    const stats = h.anchor([
      q('we are at a vital historical juncture'),
      q('a remark that is not on this page'),
      q('on Tuesday', false),
    ]);
    expect(stats).toEqual({ anchored: 1, orphaned: 1 });
    expect(h.rangeOf(0)?.toString()).toBe('we are at a vital historical juncture');
    expect(h.rangeOf(2)).toBeNull();
  });

  it('places the same remark quoted twice on its two occurrences', () => {
    const root = page(
      '<p id="a">“the only correct choice”</p><p id="b">“the only correct choice”</p>',
    );
    const h = new Highlighter(root);
    const twice = [
      { ...q('the only correct choice'), paragraph: 0 },
      { ...q('the only correct choice'), paragraph: 1 },
    ];
    const paragraphs = ['“the only correct choice”', '“the only correct choice”'];
    expect(h.anchor(twice, paragraphs)).toEqual({
      anchored: 2,
      orphaned: 0,
    });
    const parents = [0, 1].map((i) => h.rangeOf(i)?.startContainer.parentElement?.id);
    expect(parents).toEqual(['a', 'b']);
    expect(h.placedIndexes()).toHaveLength(2);
  });

  it('caps the work per page', () => {
    const many = Array.from({ length: MAX_QUOTES + 5 }, (_, i) => q(`quote number ${i} here`));
    const root = page(many.map((x) => `<p>${x.text}</p>`).join(''));
    expect(new Highlighter(root).anchor(many)).toEqual({ anchored: MAX_QUOTES, orphaned: 5 });
  });

  it('repairs: re-anchors when the page replaces nodes, and finds quotes that arrive late', () => {
    const root = page(
      '<div id="app"><p>Xi said “we are at a vital historical juncture”.</p></div>',
    );
    const h = new Highlighter(root);
    expect(
      h.anchor([q('we are at a vital historical juncture'), q('the only correct choice')]),
    ).toEqual({ anchored: 1, orphaned: 1 });
    const app = document.getElementById('app') as HTMLElement;
    app.innerHTML = app.innerHTML + '<p>He called it “the only correct choice”.</p>';
    expect(h.rangeOf(0)?.startContainer.isConnected).toBe(false);
    expect(h.repair()).toBe(true);
    expect(h.stats()).toEqual({ anchored: 2, orphaned: 0 });
    expect(h.rangeOf(0)?.startContainer.isConnected).toBe(true);
    expect(h.rangeOf(1)?.toString()).toBe('the only correct choice');
    expect(h.repair()).toBe(false);
  });

  it('leaves orphans alone when asked to repair broken ranges only', () => {
    const root = page('<p>nothing here yet</p>');
    const h = new Highlighter(root);
    h.anchor([q('the only correct choice')]);
    root.innerHTML = '<p>“the only correct choice”</p>';
    expect(h.repair(false)).toBe(false);
    expect(h.repair(true)).toBe(true);
  });

  it('finds the quote under a point and forgets everything on clear', () => {
    const root = page('<p>“familiar and frank”</p>');
    const h = new Highlighter(root);
    h.anchor([q('familiar and frank')]);
    h.clear();
    expect(h.stats()).toEqual({ anchored: 0, orphaned: 0 });
    expect(h.quoteAt(1, 1)).toBeNull();
  });
});

describe('the highlights stylesheet', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.adoptedStyleSheets = [];
  });

  function withRegistry(): Map<string, unknown> {
    const registry = new Map<string, unknown>();
    vi.stubGlobal('CSS', { highlights: registry });
    vi.stubGlobal(
      'Highlight',
      class {
        priority = 0;
        constructor(...ranges: Range[]) {
          void ranges;
        }
      },
    );
    document.adoptedStyleSheets = [];
    return registry;
  }

  it('is adopted by the document once a highlight is shown, and again if the page dropped it', () => {
    const registry = withRegistry();
    const root = page('<p>He said “we are at a vital historical juncture” on Tuesday.</p>');
    const h = new Highlighter(root);
    h.anchor([q('we are at a vital historical juncture')]);
    // Anchored but not shown yet: nothing added to the page.
    expect(document.adoptedStyleSheets).toHaveLength(0);
    h.setShown(true);
    expect(registry.has(HIGHLIGHT_NAME)).toBe(true);
    expect(document.adoptedStyleSheets).toHaveLength(1);
    expect(HIGHLIGHT_CSS).toContain(`::highlight(${HIGHLIGHT_NAME})`);
    // Shown again: the same one sheet.
    h.setShown(true);
    expect(document.adoptedStyleSheets).toHaveLength(1);
    // The page replaced its adopted sheets: ours comes back with the next highlight shown.
    document.adoptedStyleSheets = [];
    h.setShown(false);
    h.setShown(true);
    expect(document.adoptedStyleSheets).toHaveLength(1);
  });

  it('is not added to a page without a highlight to show', () => {
    withRegistry();
    const root = page('<p>He said “we are at a vital historical juncture” on Tuesday.</p>');
    const h = new Highlighter(root);
    h.setShown(true);
    h.anchor([q('a remark that is not on this page')]);
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });
});
