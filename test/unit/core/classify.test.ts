/**
 * The content script's half of the pipeline. A page that names no Chinese actor anywhere is
 * `unrelated` without its article being read; the look that decides this must never be stricter
 * than detection itself.
 */
import fc from 'fast-check';
import { bare } from '../../../src/core/reasons.ts';
import { extractAndDetect } from '../../../src/core/classify.ts';
import {
  chinaNamesOf,
  detectDiplomacy,
  diplomacyFeatures,
  namesChinaAnywhere,
  NO_CHINA_REASON,
} from '../../../src/core/detect.ts';
import { FIXTURE_LABELS, article, fixture, parseHtml } from './fixture-pages.ts';
import { bundledLexicon } from '../../../src/corpus/node.ts';

const lexicon = bundledLexicon();
const chinaNames = chinaNamesOf(lexicon);

const filler =
  'Officials said the plan would be announced after the meeting, and markets rose on the news. ';

const RIVER_PAGE = `<html lang="en"><head><title>River levels fall after a wet spring</title></head><body>
<nav><a href="/">Home</a> <a href="/weather">Weather</a></nav>
<article><h1>River levels fall after a wet spring</h1>
${Array.from({ length: 6 }, () => `<p>${filler.repeat(3)}</p>`).join('\n')}
</article></body></html>`;

describe('a page that names no Chinese actor anywhere', () => {
  const url = 'https://news.example/2024/05/02/river-levels';

  it('is unrelated at a glance: its title read, nothing else (no date, no article text)', () => {
    const { extracted, detection } = extractAndDetect(parseHtml(RIVER_PAGE), url, lexicon);
    expect(detection).toEqual({ label: 'unrelated', score: 0, reasons: [bare('china-not-named')] });
    expect(extracted.skippedReason).toBe(NO_CHINA_REASON);
    expect(extracted.paragraphs).toEqual([]);
    expect(extracted.notArticleReason).toBeUndefined();
    expect(extracted.meta.title).toBe('River levels fall after a wet spring');
    expect(extracted.meta.publishedAt).toBeNull();
    expect(extracted.meta.lang).toBe('en');
  });

  it('is read in full when asked ("analyse anyway"), with the same label', () => {
    const { extracted, detection } = extractAndDetect(parseHtml(RIVER_PAGE), url, lexicon, {
      full: true,
    });
    expect(extracted.skippedReason).toBeUndefined();
    expect(extracted.paragraphs.length).toBe(6);
    expect(detection.label).toBe('unrelated');
    expect(detection.reasons.map((r) => r.code)).not.toContain('china-not-named');
  });

  it('is unrelated even when it is not an article: the glance comes before the pre-check', () => {
    const { detection } = extractAndDetect(parseHtml(RIVER_PAGE), 'https://news.example/', lexicon);
    expect(detection).toEqual({ label: 'unrelated', score: 0, reasons: [bare('china-not-named')] });
    // Asked to analyse it anyway, the pre-check says what it is.
    const full = extractAndDetect(parseHtml(RIVER_PAGE), 'https://news.example/', lexicon, {
      full: true,
    });
    expect(full.detection.label).toBe('not-article');
  });

  it('is read when China is named only in its navigation; detection then reads the article', () => {
    const page = RIVER_PAGE.replace(
      '<a href="/weather">',
      '<a href="/china">China</a> <a href="/weather">',
    );
    const { extracted, detection } = extractAndDetect(parseHtml(page), url, lexicon);
    expect(extracted.skippedReason).toBeUndefined();
    expect(extracted.paragraphs.join(' ')).not.toContain('China');
    expect(detection.label).toBe('unrelated');
    expect(detection.reasons.map((r) => r.code)).not.toContain('china-not-named');
  });
});

describe('fixtures: the content script path and the full read agree', () => {
  for (const { file, label } of FIXTURE_LABELS) {
    it(`${file} → ${label}`, () => {
      const { doc, url } = fixture(file);
      expect(extractAndDetect(doc, url, lexicon).detection.label).toBe(label);
      expect(
        extractAndDetect(fixture(file).doc, url, lexicon, { full: true }).detection.label,
      ).toBe(label);
    });
  }
});

describe('namesChinaAnywhere is never stricter than detection', () => {
  it('finds names across line breaks, odd spacing and joined blocks', () => {
    expect(namesChinaAnywhere('talks with Xi\n   Jinping', chinaNames)).toBe(true);
    expect(namesChinaAnywhere('Foreign Minister\u00a0Wang', chinaNames)).toBe(true);
    // Adjacent blocks run together in textContent: "…with Xi" + "The call…".
    expect(namesChinaAnywhere('Biden spoke with XiThe call lasted two hours', chinaNames)).toBe(
      true,
    );
    expect(namesChinaAnywhere('会谈中，习近平表示', chinaNames)).toBe(true);
    expect(namesChinaAnywhere('The river rose after a wet spring', chinaNames)).toBe(false);
  });

  // Pieces of text that detection reads in tricky ways: names in full and in short, lookahead
  // cases (Xi'an, Wang Yiming, PLAY), the pair, countries that are not China, and filler.
  const PIECES = [
    'Xi',
    'Xi Jinping',
    "Xi'an",
    'Wang Yi',
    'Wang Yiming',
    'Foreign Minister Wang',
    'PLA',
    'PLAY',
    "People's Liberation Army",
    'Chinese officials',
    'China',
    "China's",
    'Beijing',
    'Sino-Japanese',
    'US-China',
    'Biden',
    'President Biden',
    'Secretary Blinken',
    'Japan',
    'Russia',
    'met',
    'held talks with',
    'said',
    'the two leaders',
    '习近平',
    '中国',
    '拜登',
    'the',
    'on Tuesday',
  ];
  const SEPARATORS = [' ', ' ', ' ', ', ', '. ', '\n', '', '—'];
  const sentence = fc
    .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), {
      minLength: 1,
      maxLength: 14,
    })
    .map((parts) => parts.map(([w, s]) => w + s).join('') + '.');
  const articleArb = fc.record({
    title: sentence,
    paragraphs: fc.array(sentence, { minLength: 1, maxLength: 6 }),
  });

  it('whenever detection counts a Chinese actor, the page text names China', () => {
    fc.assert(
      fc.property(articleArb, ({ title, paragraphs }) => {
        const extracted = article(title, paragraphs);
        // The page's text as textContent gives it: blocks joined with nothing between them.
        const pageText = `${title}\n${paragraphs.join('')}`;
        if (!namesChinaAnywhere(pageText, chinaNames)) {
          expect(diplomacyFeatures(extracted, lexicon).cnTotal).toBe(0);
          expect(detectDiplomacy(extracted, lexicon).label).toBe('unrelated');
        }
      }),
      { numRuns: 3000 },
    );
  });
});
