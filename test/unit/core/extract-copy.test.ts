/**
 * What Readability reads: a pruned copy of the page (no scripts, styles, icons, menus, asides or
 * inline handlers), cut at MAX_READ_ELEMENTS elements or MAX_READ_CHARS of text, so that its one
 * synchronous parse stays short on any page; on a page too big for that, the part that holds
 * the article. The live page is never changed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Readability } from '@mozilla/readability';
import { runSliced } from '../../../content/slices.ts';
import { extractArticle, readArticleSteps } from '../../../src/core/extract.ts';
import { MAX_READ_CHARS, MAX_READ_ELEMENTS } from '../../../src/core/reading-copy.ts';
import { readMeta } from '../../../src/core/metadata.ts';
import { parseHtml } from './fixture-pages.ts';

const read = vi.hoisted(() => [] as Document[]);

vi.mock('@mozilla/readability', async (importOriginal) => {
  const real = await importOriginal<typeof import('@mozilla/readability')>();
  class Recording<T> extends real.Readability<T> {
    constructor(doc: Document, options?: ConstructorParameters<typeof real.Readability<T>>[1]) {
      read.push(doc);
      super(doc, options);
    }
  }
  return { ...real, Readability: Recording };
});

afterEach(() => {
  read.length = 0;
});

const URL_ = 'https://news.example/2024/05/02/talks-resume';
const paragraph = (i: number): string =>
  `Paragraph ${i}: officials in Beijing and Washington said on Tuesday that the talks on trade ` +
  `and export controls would resume next month, according to a statement from both sides.`;

function page(body: string): Document {
  return parseHtml(
    `<html lang="en"><head><title>Talks resume</title><meta name="author" content="Mara Okafor">` +
      `<style>p { color: red }</style></head><body>${body}</body></html>`,
  );
}

describe('the copy Readability reads', () => {
  it('leaves out what holds no article text, and inline handlers, and keeps the article', () => {
    const doc = page(
      `<nav><ul>${'<li><a href="/x">Section link text</a></li>'.repeat(40)}</ul></nav>` +
        `<aside><p>${'Sponsored story about something else entirely. '.repeat(20)}</p></aside>` +
        `<script>var s = "not text"</script><svg><text>icon</text></svg>` +
        `<main><article><h1>Talks resume</h1>` +
        Array.from({ length: 8 }, (_, i) => `<p onclick="steal()">${paragraph(i)}</p>`).join('') +
        `<footer><p class="byline">By Mara Okafor</p></footer></article></main>`,
    );
    const before = doc.documentElement.outerHTML;
    const article = extractArticle(doc, URL_);
    expect(article.paragraphs[0]).toBe(paragraph(0));
    expect(article.paragraphs).toHaveLength(8);
    expect(read).toHaveLength(1);
    const copy = read[0]!;
    expect(copy).not.toBe(doc);
    for (const tag of ['nav', 'aside', 'script', 'style', 'svg'])
      expect(copy.getElementsByTagName(tag).length).toBe(0);
    expect(copy.querySelectorAll('[onclick]').length).toBe(0);
    // The page's <meta> tags and language travel with it (Readability reads the byline there).
    expect(copy.querySelector('meta[name="author"]')?.getAttribute('content')).toBe('Mara Okafor');
    expect(copy.documentElement.getAttribute('lang')).toBe('en');
    expect(copy.title).toBe('Talks resume');
    // The live page is only read.
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('is cut at no more than 1,000 elements: one Readability attempt on 2,000 elements of wiki markup took 75 ms in Chromium (BENCHMARKS, page cost)', () => {
    expect(MAX_READ_ELEMENTS).toBeLessThanOrEqual(1_000);
  });

  it('is cut at MAX_READ_ELEMENTS on a page of many small elements, and holds the article', () => {
    const links = Array.from(
      { length: MAX_READ_ELEMENTS },
      (_, i) => `<a href="/s/${i}">S${i}</a>`,
    );
    const doc = page(
      `<div class="menu">${links.join(' ')}</div><main><article><h1>Talks resume</h1>` +
        Array.from({ length: 30 }, (_, i) => `<p>${paragraph(i)}</p>`).join('') +
        `</article></main>`,
    );
    const article = extractArticle(doc, URL_);
    expect(article.paragraphs[0]).toBe(paragraph(0));
    expect(article.paragraphs.join(' ')).not.toContain(`S${MAX_READ_ELEMENTS - 1}`);
    const copy = read[read.length - 1]!;
    expect(copy.body.getElementsByTagName('*').length).toBeLessThanOrEqual(MAX_READ_ELEMENTS + 1);
  });

  it('is cut after MAX_READ_CHARS of text on a long article, which is read from its start', () => {
    const count = Math.ceil((2 * MAX_READ_CHARS) / paragraph(0).length);
    const doc = page(
      `<main><article><h1>Talks resume</h1>` +
        Array.from({ length: count }, (_, i) => `<p>${paragraph(i)}</p>`).join('') +
        `</article></main>`,
    );
    const article = extractArticle(doc, URL_);
    expect(article.paragraphs[0]).toBe(paragraph(0));
    expect(article.paragraphs.length).toBeLessThan(count);
    const copy = read[read.length - 1]!;
    expect((copy.body.textContent ?? '').length).toBeLessThanOrEqual(
      MAX_READ_CHARS + paragraph(count).length,
    );
  });
});

describe("Readability's attempts", () => {
  const shortPage = (): Document =>
    page(
      `<div class="comment-box sidebar"><p>${paragraph(1)}</p></div>` +
        `<div class="story"><p>${paragraph(0)}</p></div>`,
    );

  it('are one per slice, and find what Readability finds with its own retries', async () => {
    const doc = shortPage();
    // Readability's own way: every attempt inside one parse(), on a clone of the page.
    const own = new Readability(doc.cloneNode(true) as Document, { charThreshold: 400 }).parse();
    read.length = 0;
    let pauses = 0;
    const article = await runSliced(
      readArticleSteps(doc, URL_, readMeta(doc, URL_)),
      new AbortController().signal,
      async () => {
        pauses++;
        await Promise.resolve();
      },
    );
    // The page has less text than Readability's threshold: all four attempts ran, each after a
    // pause (| copy | attempt | attempt | attempt | attempt | paragraphs).
    expect(read).toHaveLength(4);
    expect(pauses).toBeGreaterThanOrEqual(6);
    const collapse = (s: string): string => s.replace(/\s+/g, '');
    expect(collapse(article?.paragraphs.join(' ') ?? '')).toBe(collapse(own?.textContent ?? ''));
  });

  it('stop at the first that finds enough text', () => {
    const doc = page(
      `<article>${Array.from({ length: 6 }, (_, i) => `<p>${paragraph(i)}</p>`).join('')}</article>`,
    );
    extractArticle(doc, URL_);
    expect(read).toHaveLength(1);
  });
});
