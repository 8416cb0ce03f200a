import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { textStart } from '../../../src/core/dom-safe.ts';
import { extractArticle, nonArticleUrl, precheck } from '../../../src/core/extract.ts';
import { countWords } from '../../../src/core/word-count.ts';
import { fixture, parseHtml } from './fixture-pages.ts';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The simple document the CLI builds from a .txt/.md file. */
function simpleDoc(title: string, paragraphs: string[]): Document {
  return parseHtml(
    `<html><head><title>${esc(title)}</title></head><body><article><h1>${esc(title)}</h1>` +
      paragraphs.map((p) => `<p>${esc(p)}</p>`).join('') +
      '</article></body></html>',
  );
}

describe('extractArticle on a news page', () => {
  const { doc, url } = fixture('biden-xi-call.html');
  const article = extractArticle(doc, url);

  it('reads the metadata', () => {
    expect(article.notArticleReason).toBeUndefined();
    expect(article.meta.title).toBe('Biden and Xi talk trade curbs and Taiwan in two-hour call');
    expect(article.meta.site).toBe('The Harbor Ledger');
    expect(article.meta.publishedAt).toBe('2024-04-02');
    expect(article.meta.lang).toBe('en');
    expect(article.meta.canonicalUrl).toBe(
      'https://harborledger.example/world/2024/04/02/biden-xi-call-trade-taiwan',
    );
    expect(article.meta.byline).toBe('Mara Okafor');
    expect(article.meta.url).toBe(url);
  });

  it('keeps the article paragraphs in order and drops navigation and related boxes', () => {
    expect(article.paragraphs[0]).toMatch(/^WASHINGTON — President Joe Biden/);
    expect(article.paragraphs.some((p) => p.startsWith('Analysts said the call'))).toBe(true);
    const all = article.paragraphs.join('\n');
    expect(all).not.toContain('Floods close mountain passes');
    expect(all).not.toContain('Sport');
    expect(article.meta.wordCount).toBeGreaterThan(200);
  });

  it('gives paragraphs that can be found in the page text (for highlighting)', () => {
    const pageText = (doc.body.textContent ?? '').replace(/\s+/g, ' ');
    for (const p of article.paragraphs) expect(pageText).toContain(p);
  });

  it('does not modify the live document', () => {
    const fresh = fixture('biden-xi-call.html').doc;
    const before = fresh.documentElement.outerHTML;
    extractArticle(fresh, url);
    expect(fresh.documentElement.outerHTML).toBe(before);
  });
});

describe('extractArticle on a Chinese article', () => {
  it('extracts a Simplified Chinese page with its date and language', () => {
    const { doc, url } = fixture('zh-xi-biden-call.html');
    const article = extractArticle(doc, url);
    expect(article.notArticleReason).toBeUndefined();
    expect(article.meta.lang).toBe('zh');
    expect(article.meta.title).toBe('习近平同美国总统拜登通电话');
    expect(article.meta.site).toBe('东湖时报网');
    expect(article.meta.publishedAt).toBe('2024-04-02');
    expect(article.paragraphs[0]).toMatch(/^本报北京4月2日电/);
    expect(article.paragraphs.join('')).not.toContain('春季赏花游');
  });
});

describe('simple documents built from text files', () => {
  const paragraphs = [
    'Senior trade officials from the United States and China met in London on Monday for two days of talks aimed at easing a dispute over export controls on rare earth minerals and advanced chips.',
    'The American delegation was led by the Treasury Secretary, who told reporters that both sides wanted to build on the framework agreed in Geneva last month. Chinese state media said the atmosphere was professional and frank.',
    'Markets in Asia rose on hopes of a deal. Manufacturers in Europe and North America have warned that shortages of magnets made with rare earths could halt production lines within weeks.',
    'Officials said the talks would continue on Tuesday and that any agreement would need the approval of both presidents before it could take effect.',
  ];
  it('extracts a short article as an article with all its paragraphs', () => {
    const doc = simpleDoc('US and China open trade talks in London', paragraphs);
    expect(precheck(doc, 'file:///tmp/london.txt').ok).toBe(true);
    const article = extractArticle(doc, 'file:///tmp/london.txt');
    expect(article.notArticleReason).toBeUndefined();
    expect(article.meta.title).toBe('US and China open trade talks in London');
    expect(article.paragraphs).toEqual(paragraphs);
  });

  const seeds = join(process.cwd(), '../shared/seeds');
  it.skipIf(!existsSync(seeds))('extracts every seed article with all its paragraphs', () => {
    for (const name of readdirSync(seeds).filter((f) => f.endsWith('.txt'))) {
      const lines = readFileSync(join(seeds, name), 'utf8')
        .split(/\n\s*\n|\n/)
        .map((l) => l.replace(/\s+/g, ' ').trim())
        .filter(Boolean);
      const [title = '', ...rest] = lines;
      const article = extractArticle(simpleDoc(title, rest), `file:///seeds/${name}`);
      expect(article.notArticleReason, name).toBeUndefined();
      expect(article.paragraphs, name).toEqual(rest.filter((p) => p !== title));
    }
  });
});

describe('pages that are not articles', () => {
  it('turns away a home page of Biden–Xi teasers by its URL', () => {
    const { doc, url } = fixture('front-page-biden-xi.html');
    expect(precheck(doc, url)).toEqual({ ok: false, reason: 'home page' });
    const article = extractArticle(doc, url);
    expect(article.paragraphs).toEqual([]);
    expect(article.notArticleReason).toBe('home page');
    expect(article.meta.site).toBe('The Morning Post');
  });

  it('recognises a list of teasers even at an article-like URL', () => {
    const { doc } = fixture('front-page-biden-xi.html');
    const article = extractArticle(
      doc,
      'https://morningpost.example/2023/11/15/todays-news-digest',
    );
    expect(article.paragraphs).toEqual([]);
    expect(article.notArticleReason).toBeTruthy();
  });

  it('classifies URLs of home pages, section fronts and searches', () => {
    expect(nonArticleUrl('https://news.example/')).toBe('home page');
    expect(nonArticleUrl('https://news.example/index.html')).toBe('home page');
    expect(nonArticleUrl('https://news.example/world/asia')).toBe('section front');
    expect(nonArticleUrl('https://news.example/search?q=biden+xi')).toBe('search results');
    expect(nonArticleUrl('https://news.example/world/2024/04/02/biden-xi-call')).toBeNull();
    expect(nonArticleUrl('file:///tmp/a.txt')).toBeNull();
  });

  it('trusts a page that declares itself a search results page', () => {
    const doc = parseHtml(
      `<html><head><title>Search: Xi Biden</title><script type="application/ld+json">{"@type":"SearchResultsPage"}</script></head><body>` +
        '<p>' +
        'Results about Biden and Xi talks. '.repeat(20) +
        '</p></body></html>',
    );
    expect(precheck(doc, 'https://news.example/results/xi-biden-talks').reason).toMatch(
      /searchresultspage/,
    );
  });

  it('turns away a page with almost no text', () => {
    const doc = parseHtml(
      '<html><head><title>Login</title></head><body><form><input name="user"></form></body></html>',
    );
    expect(precheck(doc, 'https://news.example/login-page-2024').ok).toBe(false);
  });
});

describe('countWords', () => {
  /** The definition, as regexes: runs between spaces and kana/Han, not punctuation only. */
  const byRegex = (paragraphs: string[]): number =>
    paragraphs.reduce((n, p) => {
      const han = p.match(/[\u3040-\u30ff\u4e00-\u9fff]/g)?.length ?? 0;
      const latin = p
        .replace(/[\u3040-\u30ff\u4e00-\u9fff]/g, ' ')
        .split(/\s+/)
        .filter((w) => /[^\s!-/:-@[-`{-~—–…“”‘’«»]/.test(w)).length;
      return n + latin + Math.round(han / 2);
    }, 0);

  it('counts Latin words and half a word per kana or Han character', () => {
    expect(countWords(['Biden spoke with Xi — twice.', '习近平同拜登通电话'])).toBe(5 + 5);
    expect(countWords(['… — “ ”', ''])).toBe(0);
  });

  it('counts as the regex definition does, on any text', () => {
    const unit = fc.constantFrom(
      ...' \u00a0\u3000\u2028\t\n.,!—–…“”‘’«»-/:@[`{~aZ9é中国かア한'.split(''),
    );
    fc.assert(
      fc.property(fc.array(fc.string({ unit })), (ps) => countWords(ps) === byRegex(ps)),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme' })),
        (ps) => countWords(ps) === byRegex(ps),
      ),
      { numRuns: 2000 },
    );
  });
});

describe('textStart', () => {
  const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

  it('is the start of textContent, whitespace collapsed', () => {
    const doc = parseHtml(
      '<body><div id="a">  One <b>two</b>\n\n<i>three <!-- not text --> four</i><p>five</p>' +
        '<script>six()</script></div></body>',
    );
    const el = doc.getElementById('a')!;
    for (const n of [0, 3, 8, 20, 200]) {
      expect(textStart(el, n)).toBe(collapse(el.textContent ?? '').slice(0, n));
    }
  });

  it('reads only what it needs from a huge or deeply nested element', () => {
    const doc = parseHtml('<body></body>');
    let node: Element = doc.body;
    for (let i = 0; i < 3000; i++) node = node.appendChild(doc.createElement('div'));
    node.textContent = 'deep text';
    expect(textStart(doc.body, 50)).toBe('deep text');
    expect(textStart(doc.body, 50, 100)).toBe('');
  });
});
