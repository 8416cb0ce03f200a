import {
  cleanTitle,
  dateFromUrl,
  jsonLdNodes,
  normalizeDate,
  readMeta,
} from '../../../src/core/metadata.ts';
import { parseHtml } from './fixture-pages.ts';

const page = (head: string, body = '<p>Text.</p>', lang = 'en'): Document =>
  parseHtml(`<html lang="${lang}"><head>${head}</head><body>${body}</body></html>`);
const ld = (json: string): string => `<script type="application/ld+json">${json}</script>`;
const URL_PLAIN = 'https://www.paper.example/story-about-talks';

describe('site name', () => {
  it('prefers og:site_name', () => {
    const doc = page(
      `<meta property="og:site_name" content="Paper One">${ld('{"@type":"NewsArticle","publisher":{"name":"Publisher Two"}}')}`,
    );
    expect(readMeta(doc, URL_PLAIN).site).toBe('Paper One');
  });
  it('falls back to the JSON-LD publisher', () => {
    const doc = page(
      ld(
        '{"@type":"NewsArticle","headline":"H","publisher":{"@type":"Organization","name":"Publisher Two"}}',
      ),
    );
    expect(readMeta(doc, URL_PLAIN).site).toBe('Publisher Two');
  });
  it('falls back to the host without www', () => {
    expect(readMeta(page('<title>T</title>'), URL_PLAIN).site).toBe('paper.example');
  });
});

describe('publication date', () => {
  it('reads JSON-LD datePublished, also inside @graph', () => {
    const doc = page(
      ld(
        '{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"S"},{"@type":"NewsArticle","datePublished":"2023-11-15T08:00:00-08:00"}]}',
      ),
    );
    const meta = readMeta(doc, URL_PLAIN);
    expect(meta.publishedAt).toBe('2023-11-15');
    expect(meta.publishedFrom).toBe('json-ld');
  });
  it('reads article:published_time', () => {
    const doc = page('<meta property="article:published_time" content="2022-08-04T10:00:00Z">');
    expect(readMeta(doc, URL_PLAIN)).toMatchObject({
      publishedAt: '2022-08-04',
      publishedFrom: 'meta',
    });
  });
  it('reads <time datetime>', () => {
    const doc = page(
      '',
      '<article><time datetime="2021-02-10T21:00:00-05:00">Feb 10</time><p>x</p></article>',
    );
    expect(readMeta(doc, URL_PLAIN)).toMatchObject({
      publishedAt: '2021-02-10',
      publishedFrom: 'time',
    });
  });
  it('reads a dated URL', () => {
    expect(
      readMeta(page(''), 'https://paper.example/world/2023/05/11/sullivan-wang-vienna'),
    ).toMatchObject({
      publishedAt: '2023-05-11',
      publishedFrom: 'url',
    });
    expect(dateFromUrl('https://china.example/a/202311/17/WS6557.html')).toBe('2023-11-17');
    expect(dateFromUrl('http://www.news.example/fortune/2023-11/17/c_1129.htm')).toBe('2023-11-17');
    expect(dateFromUrl('https://paper.example/story-2024')).toBeNull();
  });
  it('reads a visible date near the byline', () => {
    const doc = page(
      '',
      '<div class="story-meta">Published September 30, 2023, 6:02 p.m.</div><p>x</p>',
    );
    expect(readMeta(doc, URL_PLAIN)).toMatchObject({
      publishedAt: '2023-09-30',
      publishedFrom: 'text',
    });
    const zh = page('', '<div class="info">2024年04月02日 21:15 来源：网</div><p>x</p>', 'zh-CN');
    expect(readMeta(zh, URL_PLAIN).publishedAt).toBe('2024-04-02');
  });
  it('normalises common formats and rejects nonsense', () => {
    expect(normalizeDate('10 November 2021')).toBe('2021-11-10');
    expect(normalizeDate('Nov. 10, 2021')).toBe('2021-11-10');
    expect(normalizeDate('2021/11/10 08:00')).toBe('2021-11-10');
    expect(normalizeDate('20211110')).toBe('2021-11-10');
    expect(normalizeDate('yesterday')).toBeNull();
    expect(normalizeDate('2021-13-45')).toBeNull();
  });
});

describe('language, title, canonical URL and byline', () => {
  it('reads html lang as a primary tag, or guesses Chinese from the text', () => {
    expect(readMeta(page('', '<p>x</p>', 'en-GB'), URL_PLAIN).lang).toBe('en');
    const zh = parseHtml(
      '<html><head><title>中美元首通电话</title></head><body><p>国家主席习近平同美国总统拜登通电话，双方就中美关系交换了意见。两国元首同意保持沟通。</p></body></html>',
    );
    expect(readMeta(zh, URL_PLAIN).lang).toBe('zh');
  });
  it('cleans the site name off the title', () => {
    expect(cleanTitle('Xi and Biden meet | The Paper', 'The Paper')).toBe('Xi and Biden meet');
    expect(cleanTitle('Xi and Biden meet - The Paper', 'The Paper')).toBe('Xi and Biden meet');
    const doc = page(
      '<title>Talks resume in Geneva - World - The Paper</title>',
      '<h1>Talks resume in Geneva</h1><p>x</p>',
    );
    expect(readMeta(doc, URL_PLAIN).title).toBe('Talks resume in Geneva');
  });
  it('resolves the canonical URL and reads the byline from JSON-LD or meta', () => {
    const doc = page(
      `<link rel="canonical" href="/world/story-1">${ld('{"@type":"NewsArticle","author":[{"@type":"Person","name":"A. Writer"},{"@type":"Person","name":"B. Writer"}]}')}`,
    );
    const meta = readMeta(doc, 'https://paper.example/world/story-1?utm=x');
    expect(meta.canonicalUrl).toBe('https://paper.example/world/story-1');
    expect(meta.byline).toBe('A. Writer, B. Writer');
    expect(readMeta(page('<meta name="author" content="C. Writer">'), URL_PLAIN).byline).toBe(
      'C. Writer',
    );
  });
});

describe('malformed JSON-LD', () => {
  it('skips broken blocks and keeps the good ones', () => {
    const doc = page(
      ld('{"@type": "NewsArticle", "headline": "Broken",') +
        ld('{"@type":"NewsArticle","datePublished":"2020-01-15","headline":"Good"}') +
        ld('null') +
        ld('[1, "two", {"@type": ["Article"], "author": 42}]'),
    );
    expect(() => readMeta(doc, URL_PLAIN)).not.toThrow();
    expect(readMeta(doc, URL_PLAIN).publishedAt).toBe('2020-01-15');
    expect(jsonLdNodes(doc).length).toBe(2);
  });
});
