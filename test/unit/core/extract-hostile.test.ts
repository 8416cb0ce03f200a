/**
 * Bad pages never throw into the page: each ends in a clear verdict or not-article.
 * Pages are generated here, not stored.
 */
import { detectDiplomacy } from '../../../src/core/detect.ts';
import { extractArticle, precheck } from '../../../src/core/extract.ts';
import { parseHtml } from './fixture-pages.ts';
import { bundledLexicon } from '../../../src/corpus/node.ts';

const URL_ = 'https://paper.example/world/2024/01/02/some-story';

function verdict(doc: Document): ReturnType<typeof detectDiplomacy> {
  const article = extractArticle(doc, URL_);
  return detectDiplomacy(article, bundledLexicon());
}

const storyParagraphs = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i + 1}: Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing on Tuesday for talks on trade, Taiwan and fentanyl, and the two sides agreed to keep communication channels open between their governments.</p>`,
).join('');

describe('hostile pages', () => {
  it('a page with no body', () => {
    const doc = parseHtml('<html><head><title>x</title></head></html>');
    doc.documentElement.removeChild(doc.body);
    expect(() => precheck(doc, URL_)).not.toThrow();
    const d = verdict(doc);
    expect(d.label).toBe('not-article');
    expect(d.reasons[0]?.code).toBe('not-article');
    expect(d.reasons[0]?.text).toMatch(/no body/);
  });

  it('a document with no root element at all', () => {
    const doc = parseHtml('<html></html>');
    doc.removeChild(doc.documentElement);
    expect(verdict(doc).label).toBe('not-article');
  });

  it('a page of 5 MB of text', () => {
    const doc = parseHtml('<html><head><title>Dump</title></head><body><pre></pre></body></html>');
    doc.querySelector('pre')!.textContent = 'Biden Xi talks '.repeat(350_000);
    const article = extractArticle(doc, URL_);
    expect(article.notArticleReason).toMatch(/too large/);
    expect(detectDiplomacy(article, bundledLexicon()).label).toBe('not-article');
  });

  it('a DOM nested 5,000 levels deep', () => {
    const doc = parseHtml('<html><head><title>Deep</title></head><body></body></html>');
    let node: Element = doc.body;
    for (let i = 0; i < 5000; i++) {
      const div = doc.createElement('div');
      node.appendChild(div);
      node = div;
    }
    node.innerHTML = storyParagraphs;
    let d: ReturnType<typeof detectDiplomacy> | undefined;
    expect(() => (d = verdict(doc))).not.toThrow();
    expect(['us-china-diplomacy', 'not-article']).toContain(d!.label);
  });

  it('malformed JSON-LD', () => {
    const doc = parseHtml(
      `<html><head><title>Blinken meets Wang Yi in Beijing</title>` +
        `<script type="application/ld+json">{"@type":"NewsArticle", "headline": "unterminated</script>` +
        `<script type="application/ld+json"><!-- {"@type": -->]]</script>` +
        `</head><body><article><h1>Blinken meets Wang Yi in Beijing</h1>${storyParagraphs}</article></body></html>`,
    );
    expect(verdict(doc).label).toBe('us-china-diplomacy');
  });

  it('elements that shadow document members (id="document", name="forms")', () => {
    const doc = parseHtml(
      `<html><head><title>Blinken meets Wang Yi in Beijing</title></head><body>` +
        `<div id="document"></div><form name="forms"><input name="querySelectorAll"></form>` +
        `<img name="title"><img name="body"><form id="documentElement"></form>` +
        `<article><h1>Blinken meets Wang Yi in Beijing</h1>${storyParagraphs}</article></body></html>`,
    );
    const d = verdict(doc);
    expect(d.label).toBe('us-china-diplomacy');
  });

  it('a document whose members are clobbered outright', () => {
    // Browsers let named elements override Document members; simulate the worst case.
    const doc = parseHtml(
      `<html><head><title>Blinken meets Wang Yi in Beijing</title></head><body>` +
        `<article><h1>Blinken meets Wang Yi in Beijing</h1>${storyParagraphs}</article></body></html>`,
    );
    const img = doc.createElement('img');
    for (const key of [
      'title',
      'body',
      'documentElement',
      'querySelector',
      'querySelectorAll',
      'forms',
    ]) {
      Object.defineProperty(doc, key, { value: img, configurable: true });
    }
    let d: ReturnType<typeof detectDiplomacy> | undefined;
    expect(() => (d = verdict(doc))).not.toThrow();
    // Readability itself may fail on such a document; then the verdict is not-article.
    expect(['us-china-diplomacy', 'not-article']).toContain(d!.label);
  });

  it('a page that throws from a getter', () => {
    const doc = parseHtml(
      `<html><head><title>x</title></head><body>${storyParagraphs}</body></html>`,
    );
    // Extraction builds its copy of the page with the document's implementation.
    Object.defineProperty(doc, 'implementation', {
      get: () => {
        throw new Error('no');
      },
    });
    expect(verdict(doc).label).toBe('not-article');
  });
});
