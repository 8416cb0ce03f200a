/**
 * The CLI survives any page: pages over the extension's element limit get its verdict without a
 * full DOM, CSS jsdom cannot parse is dropped, and bytes that do not decode are reported.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { hugePage } from '../../../bench/huge-page.ts';
import { analyzeFile } from '../../../src/cli/analyze-file.ts';
import { decodePage } from '../../../src/cli/decode.ts';
import { parseHtml } from '../../../src/cli/dom.ts';
import { countElements } from '../../../src/cli/element-count.ts';
import { MAX_ELEMENTS, TOO_MANY_ELEMENTS } from '../../../src/core/extract.ts';
import { NO_ARTICLE_TEXT } from '../../../src/core/reading-copy.ts';
import { seedCorpus } from '../helpers/seed-corpus.ts';

// Every DOM the CLI builds goes through parseHtml: record how much HTML each one parsed.
const parsedLengths = vi.hoisted(() => [] as number[]);
vi.mock('../../../src/cli/dom.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/cli/dom.ts')>();
  return {
    parseHtml: (html: string, url: string) => {
      parsedLengths.push(html.length);
      return real.parseHtml(html, url);
    },
  };
});

const ROOT = resolve(import.meta.dirname, '../../..');
const fixtureFiles = () => {
  const dir = join(ROOT, 'test/fixtures/pages');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));
};
const URL_ = 'https://news.example/world/2024/04/02/biden-xi-call';

describe('countElements', () => {
  it('counts start tags, not comments, raw text or the subtrees extraction removes', () => {
    expect(countElements('<html><body><p>a<b>b</b></p><br><img src=x></body></html>')).toBe(6);
    expect(countElements('<p>a</p><!-- <div><div> --><p>b</p>')).toBe(2);
    expect(countElements('<p>x</p><script>if (a<b) document.write("<div><div>")</script>')).toBe(1);
    expect(
      countElements('<title>a <b> c</title><style>p<q{}</style><textarea><i></textarea>'),
    ).toBe(1);
    // svg and nav go with everything inside them, nested ones too.
    expect(
      countElements('<p><svg><g><svg><path/></svg></g></svg></p><nav><ul><li>a</ul></nav>'),
    ).toBe(1);
    expect(countElements('<P><DiV>x</DiV></P><SVG><G></G></SVG>')).toBe(2);
  });

  it('stops once past the limit it is given', () => {
    const many = '<i></i>'.repeat(1000);
    expect(countElements(many)).toBe(1000);
    expect(countElements(many, 10)).toBe(11);
  });
});

describe('analyzeFile on a page over the element limit', () => {
  it('gives the extension’s verdict having parsed only the <head>', () => {
    const html = hugePage(MAX_ELEMENTS + 2_000, 2_500_000);
    parsedLengths.length = 0;
    const a = analyzeFile(html, 'html', URL_, seedCorpus());
    expect(a.article).toBeNull();
    expect(a.detection.label).toBe('not-article');
    expect(a.detection.reasons.map((r) => r.text).join(' ')).toContain(TOO_MANY_ELEMENTS);
    expect(parsedLengths.length).toBeGreaterThan(0);
    expect(Math.max(...parsedLengths)).toBeLessThan(1_000);
  }, 60_000);

  it('parses a page under the limit in full', () => {
    const html = hugePage(2_000, 80_000);
    parsedLengths.length = 0;
    const a = analyzeFile(html, 'html', URL_, seedCorpus());
    expect(parsedLengths).toEqual([html.length]);
    expect(a.detection.label).toBe('us-china-diplomacy');
  }, 60_000);

  it('counts what Readability counts in the extension’s prepared copy', () => {
    const pages = [join(ROOT, 'sample/article.html'), ...fixtureFiles()];
    const mixed =
      '<html><head><title>t</title><script>var s="<div>"</script><link rel=x></head><body>' +
      '<nav><ul><li><a>x</a></li></ul></nav><table><tr><td>a</td></tr></table>' +
      '<svg><g><path/></g></svg><p>a<!-- <b> --><br><button><span>b</span></button></p></body></html>';
    for (const html of [mixed, ...pages.map((p) => readFileSync(p, 'utf8'))]) {
      const dom = parseHtml(html, URL_);
      const doc = dom.window.document;
      for (const el of Array.from(doc.querySelectorAll(NO_ARTICLE_TEXT))) el.remove();
      const readabilityCount = doc.getElementsByTagName('*').length;
      dom.window.close();
      // The parser adds elements the markup leaves implied (html, head, body, tbody).
      const counted = countElements(html);
      expect(counted).toBeLessThanOrEqual(readabilityCount);
      expect(counted).toBeGreaterThanOrEqual(readabilityCount - 4);
    }
  }, 60_000);
});

describe('analyzeFile on CSS jsdom cannot parse', () => {
  it('carries on and reads the article', () => {
    const paragraphs = [
      'US President Joe Biden and Chinese President Xi Jinping spoke by video link on Friday, the White House said, in a call that covered trade, Taiwan and military communication.',
      'Secretary of State Antony Blinken and Foreign Minister Wang Yi had prepared the call at a meeting in Beijing last month, officials in Washington said.',
      'The two presidents agreed that their teams would keep meeting and that the defence ministries would restore regular contacts, according to readouts from both governments.',
    ];
    const html =
      '<!doctype html><html lang="en"><head><title>Biden and Xi hold video call</title>' +
      '<style>.hero{width:calc(100% - 2*(10px + 5px)}</style><style>.ok{color:red}</style></head>' +
      `<body><article><h1>Biden and Xi hold video call</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const a = analyzeFile(html, 'html', URL_, seedCorpus());
    expect(a.article?.title).toBe('Biden and Xi hold video call');
    expect(a.detection.label).toBe('us-china-diplomacy');
    // The parsable sheet is still there; the broken one is dropped, as a browser drops it.
    const dom = parseHtml(html, URL_);
    expect(dom.window.document.styleSheets.length).toBe(1);
    dom.window.close();
  }, 60_000);
});

describe('decodePage', () => {
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

  it('decodes valid UTF-8 without a warning', () => {
    const d = decodePage(bytes('<p>北京 café</p>'), true);
    expect(d).toEqual({ text: '<p>北京 café</p>', encoding: 'utf-8', warning: null });
  });

  it('replaces bytes that do not decode and says how many, from which line', () => {
    const d = decodePage(bytes('<p>one</p>\n<p>t', [0xff, 0xfe, 0x41], 'wo</p>'), true);
    expect(d.text).toBe('<p>one</p>\n<p>t\uFFFD\uFFFDAwo</p>');
    expect(d.warning).toBe(
      '2 characters could not be decoded as utf-8 (first on line 2) and were replaced with U+FFFD',
    );
  });

  it('follows a declared charset', () => {
    const latin = bytes('<meta charset="windows-1252"><p>caf', [0xe9], '</p>');
    expect(decodePage(latin, true)).toMatchObject({
      text: '<meta charset="windows-1252"><p>café</p>',
      warning: null,
    });
    const gbk = bytes(
      '<meta http-equiv="Content-Type" content="text/html; charset=gbk"><p>',
      [0xb1, 0xb1, 0xbe, 0xa9],
      '</p>',
    );
    expect(decodePage(gbk, true).text).toContain('<p>北京</p>');
    // Valid UTF-8 under an old declaration (a re-encoded saved page) stays UTF-8.
    const resaved = bytes('<meta charset="gbk"><p>北京</p>');
    expect(decodePage(resaved, true)).toMatchObject({
      text: '<meta charset="gbk"><p>北京</p>',
      warning: null,
    });
    // Text files have no <meta>: UTF-8.
    expect(decodePage(latin, false).warning).toMatch(/^1 character could not be decoded as utf-8/);
  });
});
