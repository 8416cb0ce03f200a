/**
 * In-page highlights, end to end in Chromium on fixture pages written for them: the right words
 * are highlighted (also across elements and despite different quote marks and whitespace), the
 * card shows other outlets' wordings on hover and by keyboard, the popup's "show me" scrolls and
 * flashes, the switches take effect at once, and re-rendered, lazily loaded and single-page
 * navigated pages are followed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  cardState,
  highlightRanges,
  highlightRules,
  hoverQuote,
  screenshotPath,
  setSettings,
  visible,
} from './highlight-helpers.ts';
import { highlightedTexts, openPopup, waitForAnalysis, useExtension } from './harness.ts';

const FIXTURES = '/test/fixtures/highlights';

const suite = useExtension();

async function open(name: string): Promise<{ page: Page; url: string; tabId: number }> {
  const page = await suite.ext.context.newPage();
  const url = suite.server.url(`${FIXTURES}/${name}`);
  await page.goto(url);
  const { tabId } = await waitForAnalysis(suite.ext.worker, url, (a) => a.highlights !== undefined);
  return { page, url, tabId };
}

async function texts(page: Page): Promise<string[]> {
  return (await highlightedTexts(page)).map(visible).sort();
}

describe('highlights on an article', () => {
  let page: Page;
  let url: string;
  let tabId: number;

  beforeAll(async () => {
    ({ page, url, tabId } = await open('article.html'));
  });
  afterAll(async () => {
    await page?.close();
  });

  it('highlights each matched quote on exactly its words, and records the counts', async () => {
    const { analysis } = await waitForAnalysis(suite.ext.worker, url);
    expect(await texts(page)).toEqual(
      [
        'We are at a vital historical juncture',
        'cooperation is the only correct choice',
        'China stands ready to work with the United States to enhance exchanges and cooperation ' +
          'across the board, jointly address regional and international hot spots as well as ' +
          'global challenges',
        'and in the meantime, properly manage differences',
        'familiar and frank',
      ].sort(),
    );
    expect(analysis.highlights).toEqual({ anchored: 5, orphaned: 0 });
    // Styled by Backstory's stylesheet, adopted by the document (no element added to the page).
    expect(await highlightRules(page)).toContain('::highlight(backstory-quote)');
    await page.screenshot({ path: screenshotPath('highlights-article.png') });
  });

  it('places a quote that spans elements (<em> inside it) as one range', async () => {
    const ranges = await highlightRanges(page);
    const juncture = ranges.find((r) => visible(r.text).includes('vital historical juncture'));
    expect(juncture?.spansNodes).toBe(true);
    expect(visible(juncture?.text ?? '')).toBe('We are at a vital historical juncture');
  });

  it('places a quote despite straight vs curly marks, odd whitespace and a soft hyphen', async () => {
    const ranges = await highlightRanges(page);
    const choice = ranges.find((r) => visible(r.text).includes('only correct choice'));
    // The page has `co&shy;operation   is\n the&nbsp;only…`: the range covers the page's own text.
    expect(choice?.text).toMatch(
      /^co\u00ADoperation\s+is\s+the\u00A0only\u00A0correct\u00A0choice$/,
    );
  });

  it('shows the card with the other wordings when a highlight is hovered', async () => {
    await hoverQuote(page, 'familiar and frank');
    await expect.poll(async () => (await cardState(page)).open, { timeout: 5000 }).toBe(true);
    const card = await cardState(page);
    expect(card.hosts).toBe(1);
    expect(card.wordings).toContain('\u201Cfamiliar and outspoken\u201D');
    expect(card.text).toContain('Nov 10, 2021');
    expect(card.text).toMatch(/same words|close wording|loosely similar/);
    expect(card.added).toContain('outspoken');
    expect(card.removed.map((t) => t.trim())).toContain('frank');
    expect(await highlightedTexts(page, 'backstory-quote-active')).toEqual(['familiar and frank']);
    await page.screenshot({ path: screenshotPath('highlights-card-hover.png') });
  });

  it('follows a dark colour scheme', async () => {
    const light = (await cardState(page)).background;
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(async () => (await cardState(page)).background).not.toBe(light);
    expect((await cardState(page)).background).toBe('rgb(28, 33, 40)');
    await page.screenshot({ path: screenshotPath('highlights-card-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('closes the card with Esc, and opens it from the keyboard with focus inside', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await cardState(page)).open).toBe(false);
    await page.mouse.move(5, 5);

    await page.keyboard.press('Alt+Shift+KeyB');
    await expect.poll(async () => (await cardState(page)).open, { timeout: 5000 }).toBe(true);
    expect((await cardState(page)).focused).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await cardState(page)).open).toBe(false);
    expect((await cardState(page)).focused).toBe(false);
  });

  it('reveals a quote chosen in the popup: scroll, flash, card', async () => {
    const { analysis } = await waitForAnalysis(suite.ext.worker, url);
    const index = analysis.quotes.findIndex((q) => q.text.includes('familiar and frank'));
    expect(index).toBeGreaterThanOrEqual(0);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const popup = await openPopup(suite.ext, tabId);
    const ok = await popup.evaluate(
      ([tab, quoteIndex]) =>
        chrome.runtime.sendMessage({
          backstory: 1,
          to: 'background',
          method: 'revealQuote',
          params: { tabId: tab, quoteIndex },
        }),
      [tabId, index] as const,
    );
    expect(ok).toEqual({ ok: true, value: true });
    expect(await highlightedTexts(page, 'backstory-quote-flash')).toEqual(['familiar and frank']);
    await expect.poll(async () => (await cardState(page)).open).toBe(true);
    await expect
      .poll(async () => {
        const r = (await highlightRanges(page, 'backstory-quote-flash'))[0]?.rect;
        return r ? r.y > 0 && r.y < 900 : true;
      })
      .toBe(true);
    await popup.close();
    await page.keyboard.press('Escape');
  });

  it('removes the highlights at once when switched off, globally and per site, and restores them', async () => {
    const all = await texts(page);
    await setSettings(suite.ext.worker, { highlights: false });
    await expect.poll(() => highlightedTexts(page), { timeout: 2000 }).toEqual([]);
    await setSettings(suite.ext.worker, { highlights: true });
    await expect.poll(() => texts(page), { timeout: 2000 }).toEqual(all);

    await setSettings(suite.ext.worker, { highlightsOffSites: ['127.0.0.1'] });
    await expect.poll(() => highlightedTexts(page), { timeout: 2000 }).toEqual([]);
    // Still off for this site after a reload (the choice persists).
    await suite.ext.worker.evaluate((id) => chrome.storage.session.remove(`analysis:${id}`), tabId);
    await page.reload();
    await waitForAnalysis(suite.ext.worker, url, (a) => a.highlights !== undefined);
    expect(await highlightedTexts(page)).toEqual([]);
    await setSettings(suite.ext.worker, { highlightsOffSites: [] });
    await expect.poll(() => texts(page), { timeout: 2000 }).toEqual(all);
  });
});

describe('pages that change', () => {
  it('re-anchors after the page replaces the article nodes (hydration-style re-render)', async () => {
    const { page } = await open('rerender.html');
    const before = await texts(page);
    expect(before).toEqual(
      [
        'We are at a vital historical juncture',
        'the only correct choice',
        'familiar and frank',
      ].sort(),
    );
    await page.waitForFunction(() => document.body.dataset.rerendered === 'yes');
    await expect
      .poll(
        async () => (await highlightRanges(page)).every((r) => r.connected) && (await texts(page)),
        {
          timeout: 5000,
        },
      )
      .toEqual(before);
    await page.close();
  });

  it('highlights an article body that arrives after the page loaded', async () => {
    const page = await suite.ext.context.newPage();
    const url = suite.server.url(`${FIXTURES}/lazy.html`);
    await page.goto(url);
    const { analysis } = await waitForAnalysis(
      suite.ext.worker,
      url,
      (a) => (a.highlights?.anchored ?? 0) > 0,
    );
    expect(analysis.detection.label).toBe('us-china-diplomacy');
    expect(await texts(page)).toEqual(
      ['at a vital historical juncture', 'the only correct choice', 'familiar and frank'].sort(),
    );
    await page.close();
  });

  it('drops highlights and the card when single-page navigation leaves the article', async () => {
    const { page, url } = await open('spa.html');
    const ranges = await highlightRanges(page);
    expect(ranges.map((r) => visible(r.text)).sort()).toEqual(
      [
        'We are at a vital historical juncture',
        'the only correct choice',
        'familiar and frank',
      ].sort(),
    );
    // The repeated "the only correct choice" is placed in the quoting paragraph, not the headline.
    const choice = await page.evaluate(() => {
      const h = CSS.highlights.get('backstory-quote');
      const r = [...(h ?? [])].find((x) => (x as Range).toString() === 'the only correct choice');
      return (r as Range | undefined)?.startContainer.parentElement?.tagName;
    });
    expect(choice).toBe('P');

    await hoverQuote(page, 'familiar and frank');
    await expect.poll(async () => (await cardState(page)).open, { timeout: 5000 }).toBe(true);
    await page.evaluate(() => (window as unknown as { goToSports(): void }).goToSports());
    await expect.poll(() => highlightedTexts(page), { timeout: 5000 }).toEqual([]);
    await expect.poll(async () => (await cardState(page)).hosts, { timeout: 5000 }).toBe(0);
    const after = await waitForAnalysis(
      suite.ext.worker,
      suite.server.url(`${FIXTURES}/spa-sports`),
    );
    expect(after.analysis.detection.label).not.toBe('us-china-diplomacy');
    expect(url).not.toBe(after.analysis.pageUrl);
    await page.close();
  });
});

describe('highlights on a Chinese article quoting a remark the English seeds carry', () => {
  let page: Page;
  let url: string;

  beforeAll(async () => {
    ({ page, url } = await open('zh-article.html'));
  });
  afterAll(async () => {
    await page?.close();
  });

  it('highlights the Chinese quote and shows the English wording marked as a translation', async () => {
    const { analysis } = await waitForAnalysis(suite.ext.worker, url);
    const letter = analysis.quotes.find((q) => q.text.startsWith('中方愿同美方'));
    expect(letter?.matches.some((m) => m.translated === true)).toBe(true);
    const shown = await texts(page);
    expect(
      shown.some((t) => t.startsWith('中方愿同美方加强各领域交流合作')),
      shown.join(' | '),
    ).toBe(true);
    await hoverQuote(page, '中方愿同美方加强各领域交流合作');
    await expect.poll(async () => (await cardState(page)).open, { timeout: 5000 }).toBe(true);
    const card = await cardState(page);
    expect(card.wordings.some((w) => /exchange and cooperation/.test(w))).toBe(true);
    expect(card.text).toContain('in English: a translation');
    // Another language's words are not struck or marked against the page's.
    expect(card.added).toEqual([]);
    expect(card.removed).toEqual([]);
    await page.screenshot({ path: screenshotPath('highlights-zh-translation.png') });
  });
});
