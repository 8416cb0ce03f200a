/**
 * The glance's decision (namesChinaOnPage) reads the page's og:title with an XPath query, as it
 * reads the text, so that the every-page script touches no element: the same meta, matched the
 * same way, as the selector `meta[property="og:title" i]` (which non-HTML documents still use).
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { builtChinaNames, chinaNamesOf, namesChinaOnPage } from '../../../src/core/china.ts';
import { xpathString } from '../../../src/core/page-text.ts';
import { bundledLexicon } from '../../../src/corpus/node.ts';

const names = chinaNamesOf(bundledLexicon());

const page = (head: string, body = '<p>The river fell by a metre.</p>'): Document =>
  new JSDOM(
    `<!doctype html><html><head>${head}<title>River levels</title></head><body>${body}</body></html>`,
  ).window.document;

describe('the glance on the og:title', () => {
  it('is read by XPath in an HTML document', () => {
    expect(xpathString(page(''), 'string(/html/head/title)')).toBe('River levels');
  });

  it('finds a Chinese actor named only in the og:title, whatever the case of `property`', () => {
    expect(
      namesChinaOnPage(page('<meta property="OG:Title" content="Wang Yi visits">'), names),
    ).toBe(true);
    expect(
      namesChinaOnPage(page('<meta property="og:title" content="Wang Yi visits">'), names),
    ).toBe(true);
  });

  it('reads only the first og:title, and no other meta', () => {
    expect(
      namesChinaOnPage(
        page(
          '<meta property="og:title" content="River levels"><meta property="og:title" content="Wang Yi visits">',
        ),
        names,
      ),
    ).toBe(false);
    expect(
      namesChinaOnPage(page('<meta property="og:description" content="Wang Yi visits">'), names),
    ).toBe(false);
    expect(namesChinaOnPage(page('<meta property="og:title">'), names)).toBe(false);
  });

  it('reads an XHTML document by selector', () => {
    const doc = new JSDOM(
      '<html xmlns="http://www.w3.org/1999/xhtml"><head><meta property="og:title" content="Wang Yi visits"/><title>x</title></head><body><p>river</p></body></html>',
      { contentType: 'application/xhtml+xml' },
    ).window.document;
    expect(xpathString(doc, 'string(/html/head/title)')).toBeNull();
    expect(namesChinaOnPage(doc, names)).toBe(true);
  });
});

describe("the every-page script's pattern", () => {
  it("is the shipped lexicon's glance pattern, put in by the build", () => {
    expect(builtChinaNames().source).toBe(names.source);
  });
});
