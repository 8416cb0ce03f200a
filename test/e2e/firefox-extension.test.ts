/**
 * The main end-to-end scenarios in real headless Firefox ESR with the Firefox build: analysis
 * stored per tab, badge, highlights and the card on a diplomacy article; nothing on an unrelated
 * one; the popup's states; the highlight switches taking effect at once; and no request leaving
 * for anywhere but the fixture server.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { shownReason } from './popup-helpers.ts';
import {
  badgeText,
  cardState,
  clickByText,
  highlightedTexts,
  highlightRules,
  hoverQuote,
  mainText,
  openPopup,
  screenshotPath,
  storedAnalysis,
  storedSettings,
  tabOfPage,
  useFirefox,
  visit,
  waitForAnalysis,
} from './firefox-harness.ts';

const suite = useFirefox();

async function open(path: string): Promise<{ page: Page; url: string }> {
  const url = suite.net.fixtures.url(path);
  return { page: await visit(suite.ext, url), url };
}

describe('Firefox: a US–China diplomacy article', () => {
  it('is analysed, highlighted, badged, and its card shows the other wordings', async () => {
    const { page, url } = await open('/sample/article.html');
    const { tabId, analysis } = await waitForAnalysis(
      suite.ext,
      url,
      (a) => a.highlights !== undefined,
    );
    expect(analysis.detection.label).toBe('us-china-diplomacy');
    expect(analysis.article?.title).toContain('Xi signals thaw');
    expect(analysis.related.length).toBeGreaterThan(0);
    expect(analysis.quotes.some((q) => q.matches.length > 0)).toBe(true);
    expect(analysis.context.length).toBeGreaterThan(0);

    const highlighted = await highlightedTexts(page);
    expect(highlighted.length).toBeGreaterThan(0);
    expect(analysis.highlights?.anchored).toBe(highlighted.length);
    expect(highlighted).toContain('We are at a vital historical juncture');
    // Styled by Backstory's stylesheet, adopted by the document (no element added to the page).
    expect(await highlightRules(page)).toContain('::highlight(backstory-quote)');

    expect(await badgeText(suite.ext, tabId)).toBe(String(analysis.related.length));

    expect((await cardState(page)).open).toBe(false);
    await hoverQuote(page, 'vital historical juncture');
    await expect.poll(async () => (await cardState(page)).open, { timeout: 5000 }).toBe(true);
    const card = await cardState(page);
    expect(card.hosts).toBe(1);
    expect(card.text).toContain('This page: “We are at a vital historical juncture');
    expect(card.text).toMatch(/same words|close wording|loosely similar/);
    await page.screenshot({ path: screenshotPath('firefox-highlights-card.png') });
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await cardState(page)).open).toBe(false);
    await page.close();
  });
});

describe('Firefox: an unrelated article', () => {
  it('gets no related articles, no badge, no highlights and no card', async () => {
    const { page, url } = await open('/test/fixtures/e2e/unrelated.html');
    const tabId = await tabOfPage(suite.ext, url);
    // It names no Chinese actor: it sends nothing until the popup asks.
    await new Promise((r) => setTimeout(r, 300));
    expect(await storedAnalysis(suite.ext, tabId)).toBeNull();
    const popup = await openPopup(suite.ext, tabId);
    await expect.poll(() => mainText(popup)).toContain('Not about US–China relations');
    await popup.close();
    const { analysis, tabId: stored } = await waitForAnalysis(suite.ext, url);
    expect(stored).toBe(tabId);
    expect(analysis.detection.label).toBe('unrelated');
    expect(analysis.related).toEqual([]);
    expect(await badgeText(suite.ext, tabId)).toBe('');
    expect(await highlightedTexts(page)).toEqual([]);
    expect(await highlightRules(page)).toEqual([]);
    expect((await cardState(page)).hosts).toBe(0);
    await page.close();
  });
});

describe('Firefox: a tab navigated to a new page', () => {
  it('forgets the old page’s analysis when the new page sends none; the popup asks the new page', async () => {
    const { page, url } = await open('/sample/article.html?then-away');
    const { tabId, analysis } = await waitForAnalysis(suite.ext, url);
    expect(analysis.detection.label).toBe('us-china-diplomacy');
    const quietUrl = suite.net.fixtures.url('/test/fixtures/e2e/unrelated.html?after-article');
    await page.goto(quietUrl);
    await expect.poll(() => storedAnalysis(suite.ext, tabId), { timeout: 10_000 }).toBeNull();
    expect(await badgeText(suite.ext, tabId)).toBe('');
    const popup = await openPopup(suite.ext, tabId);
    await expect.poll(() => mainText(popup)).toContain('Not about US–China relations');
    expect((await storedAnalysis(suite.ext, tabId))?.pageUrl).toBe(quietUrl);
    await popup.close();
    await page.close();
  });
});

describe('Firefox: the popup', () => {
  it('waits for a tab that is being analysed', async () => {
    const popup = await openPopup(suite.ext, 987_654);
    await expect.poll(() => mainText(popup)).toContain('Analysing this page');
    await popup.close();
  });

  it('says a page is not an article', async () => {
    const { page, url } = await open('/test/fixtures/popup/front-page.html');
    const { tabId, analysis } = await waitForAnalysis(suite.ext, url);
    expect(analysis.detection.label).toBe('not-article');
    const popup = await openPopup(suite.ext, tabId);
    await expect.poll(() => mainText(popup)).toContain('Not an article');
    expect(await mainText(popup)).toContain(
      analysis.detection.reasons[0] ? shownReason(analysis.detection.reasons[0]) : 'a reason',
    );
    await popup.close();
    await page.close();
  });

  it('gives the reasons an article is unrelated, and "analyse anyway" analyses it', async () => {
    const { page, url } = await open('/test/fixtures/popup/unrelated.html');
    const tabId = await tabOfPage(suite.ext, url);
    const popup = await openPopup(suite.ext, tabId);
    const { analysis } = await waitForAnalysis(suite.ext, url);
    await expect.poll(() => mainText(popup)).toContain('Not about US–China relations');
    for (const reason of analysis.detection.reasons)
      expect(await mainText(popup)).toContain(shownReason(reason));
    await clickByText(popup, 'button', 'Analyse anyway');
    await expect.poll(() => mainText(popup), { timeout: 15_000 }).toContain('analysed on request');
    expect(await popup.$('#same-h')).not.toBeNull();
    await popup.close();
    await page.close();
  });

  it('shows same-story and related coverage, quotes and the timeline of a diplomacy article', async () => {
    const { page, url } = await open('/test/fixtures/popup/diplomacy.html');
    const { tabId, analysis } = await waitForAnalysis(
      suite.ext,
      url,
      (a) => a.highlights !== undefined,
    );
    const popup = await openPopup(suite.ext, tabId);
    await expect.poll(() => mainText(popup)).toContain('Xi letter strikes warmer tone');
    const shown = (await mainText(popup)).toUpperCase();
    for (const heading of [
      'SAME STORY',
      'RELATED COVERAGE',
      'QUOTES ON THIS PAGE',
      'PRIOR CONTEXT',
    ])
      expect(shown).toContain(heading);
    for (const item of analysis.related) expect(shown).toContain(item.title.toUpperCase());
    expect((await popup.$$('.timeline .events > li')).length).toBe(analysis.context.length + 1);
    // The word diffs carry their legend; the chart says what the ADIZ is, labels its largest
    // counts, and opens its table from the keyboard.
    expect(await popup.$eval('.wording-legend', (e) => e.textContent)).toBe(
      'struck: words only this page has · marked: words only the other outlet has',
    );
    await popup.waitForSelector('.chart-note');
    expect((await popup.$$('.chart .spike')).length).toBeGreaterThan(0);
    const tableShown = (): Promise<boolean> =>
      popup.$eval('.chart-table table', (t) => t.checkVisibility());
    expect(await tableShown()).toBe(false);
    await popup.focus('.chart-table summary');
    await popup.keyboard.press('Enter');
    await expect.poll(tableShown).toBe(true);
    await popup.keyboard.press('Enter');
    await popup.screenshot({ path: screenshotPath('firefox-popup-diplomacy.png') });
    await popup.close();
    await page.close();
  });
});

describe('Firefox: the highlight switches', () => {
  it('take effect on the open page at once, everywhere and per site', async () => {
    const { page, url } = await open('/sample/article.html?switches');
    const { tabId } = await waitForAnalysis(suite.ext, url, (a) => a.highlights !== undefined);
    const all = await highlightedTexts(page);
    expect(all.length).toBeGreaterThan(0);
    const popup = await openPopup(suite.ext, tabId);
    await expect.poll(() => mainText(popup)).toContain('Xi signals thaw');

    await clickByText(popup, 'label', 'Highlight quotes on this site');
    await expect.poll(() => highlightedTexts(page), { timeout: 2000 }).toEqual([]);
    expect((await storedSettings(suite.ext))['highlightsOffSites']).toEqual(['127.0.0.1']);
    await clickByText(popup, 'label', 'Highlight quotes on this site');
    await expect.poll(() => highlightedTexts(page), { timeout: 2000 }).toEqual(all);

    await clickByText(popup, 'label', 'Highlight quotes on every site');
    await expect.poll(() => highlightedTexts(page), { timeout: 2000 }).toEqual([]);
    expect((await storedSettings(suite.ext))['highlights']).toBe(false);
    await clickByText(popup, 'label', 'Highlight quotes on every site');
    await expect.poll(() => highlightedTexts(page), { timeout: 2000 }).toEqual(all);
    await popup.close();
    await page.close();
  });
});

describe('Firefox: privacy', () => {
  it('makes no network request: everything the browser asked for is on the fixture server', async () => {
    const { requests, fixtures } = suite.net;
    expect(requests.length).toBeGreaterThan(0); // the proxy is in the path
    expect(requests.filter((u) => !u.startsWith(`${fixtures.origin}/`))).toEqual([]);

    // And a request elsewhere would be seen: a page asks for an outside address.
    const { page } = await open('/test/fixtures/e2e/unrelated.html?probe');
    await page.evaluate(() => fetch('http://outside.invalid/probe').catch(() => null));
    expect(requests).toContain('http://outside.invalid/probe');
    await page.close();
  });
});
