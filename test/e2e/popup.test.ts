/**
 * The popup, the card and the options page in real Chromium, with the built extension: each state
 * of the popup (analysing, no analysis, not an article, not about US–China diplomacy, analysed on
 * request, diplomacy with and without coverage found, the library notice, silent, an error), the
 * card on a page, the chart and the options page, checked for content, for serious accessibility
 * problems (axe-core), and photographed in light and dark schemes into out/screens/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { StoredAnalysis } from '../../src/analysis-store.ts';
import type { Detection } from '../../src/core/types.ts';
import { badgeText, openPopup, tabOfPage, waitForAnalysis, useExtension } from './harness.ts';
import { axeBothSchemes, screenshots, shownReason, timelineShots } from './popup-helpers.ts';
import { bare } from '../../src/core/reasons.ts';

const suite = useExtension();

async function visit(name: string): Promise<{ page: Page; url: string }> {
  const page = await suite.ext.context.newPage();
  const url = suite.server.url(`/test/fixtures/popup/${name}.html`);
  await page.goto(url);
  return { page, url };
}

const text = (page: Page): Promise<string> => page.locator('main').innerText();

/** An analysis of an article at news.example, with nothing found. */
function storedArticle(
  title: string,
  detection: Pick<Detection, 'label' | 'reasons'>,
): StoredAnalysis {
  const url = `https://news.example/${encodeURIComponent(title)}`;
  return {
    pageUrl: url,
    article: {
      url,
      title,
      site: 'News Example',
      publishedAt: '2022-03-14',
      lang: 'en',
      wordCount: 400,
    },
    detection: { ...detection, score: detection.label === 'us-china-diplomacy' ? 0.9 : 0.1 },
    related: [],
    quotes: [],
    context: [],
  };
}

/** Store `analysis` for `tabId` as the background would. */
async function storeAnalysis(tabId: number, analysis: StoredAnalysis): Promise<void> {
  await suite.ext.worker.evaluate(([key, value]) => chrome.storage.session.set({ [key]: value }), [
    `analysis:${tabId}`,
    analysis,
  ] as const);
}

describe('the popup while a tab is being analysed', () => {
  it('shows a skeleton of the same size, then the analysis as soon as it is stored', async () => {
    const tabId = 987_654; // a tab the extension has not analysed
    const popup = await openPopup(suite.ext, tabId);
    await expect.poll(() => text(popup)).toContain('Analysing this page');
    expect(await popup.locator('.skeleton').count()).toBe(1);
    expect(await axeBothSchemes(popup)).toEqual([]);
    await screenshots(popup, popup.locator('body'), 'popup-analysing');
    const before = await popup.locator('main').boundingBox();

    await storeAnalysis(
      tabId,
      storedArticle('Envoys meet <b>in Geneva</b>', { label: 'us-china-diplomacy', reasons: [] }),
    );
    await expect.poll(() => text(popup)).toContain('Envoys meet <b>in Geneva</b>');
    expect(await popup.locator('main b').count()).toBe(0); // page strings stay text
    expect(await popup.locator('main').boundingBox()).toEqual(before);

    // A diplomacy article with nothing found: each section says so once.
    const shown = await text(popup);
    expect(shown).toContain('No other coverage of this story in the corpus.');
    expect(shown).toContain('No related coverage in the corpus.');
    expect(await axeBothSchemes(popup)).toEqual([]);
    await screenshots(popup, popup.locator('body'), 'popup-nothing-found');
    await popup.close();
  });
});

describe('the popup for a tab with no analysis', () => {
  it('says why after a few seconds, and how to get one', async () => {
    const popup = await openPopup(suite.ext, 987_653);
    await expect.poll(() => text(popup), { timeout: 10_000 }).toContain('No analysis for this tab');
    expect(await axeBothSchemes(popup)).toEqual([]);
    await screenshots(popup, popup.locator('body'), 'popup-no-analysis');
    await popup.close();
  });
});

describe('the popup when the background cannot do what was asked', () => {
  it('says so where the reader asked: analyse anyway, save this page', async () => {
    // An analysis for a tab that does not exist: every request about it fails.
    const tabId = 987_655;
    await storeAnalysis(
      tabId,
      storedArticle('Harbour festival draws record crowds', {
        label: 'unrelated',
        reasons: [bare('china-not-named')],
      }),
    );
    const popup = await openPopup(suite.ext, tabId);
    await expect.poll(() => text(popup)).toContain('Harbour festival draws record crowds');
    await popup.getByRole('button', { name: 'Analyse anyway' }).click();
    await expect.poll(() => text(popup)).toContain('The page did not answer.');
    await popup.getByRole('button', { name: 'Save this page' }).click();
    await expect
      .poll(() => text(popup))
      .toContain('Could not save this page: its tab has been closed.');
    expect(await axeBothSchemes(popup)).toEqual([]);
    await screenshots(popup, popup.locator('body'), 'popup-error');
    await suite.ext.worker.evaluate(
      (key) => chrome.storage.session.remove(key),
      `analysis:${tabId}`,
    );
    await popup.close();
  });
});

describe('the popup on a page that is not an article', () => {
  it('says so with the reason, and offers nothing to analyse', async () => {
    const { page, url } = await visit('front-page');
    const { tabId, analysis } = await waitForAnalysis(suite.ext.worker, url);
    expect(analysis.detection.label).toBe('not-article');
    expect(await badgeText(suite.ext.worker, tabId)).toBe('');

    const popup = await openPopup(suite.ext, tabId);
    await expect.poll(() => text(popup)).toContain('Not an article');
    const shown = await text(popup);
    // The reason is given without repeating the label: "Not an article" is said once.
    const first = analysis.detection.reasons[0];
    expect(first?.code).toBe('not-article');
    expect(shown).toContain(first ? shownReason(first) : '');
    expect(shown.match(/Not an article/gi)).toHaveLength(1);
    expect(shown).not.toContain('Analyse anyway');
    expect(await popup.locator('#same-h').count()).toBe(0);
    expect(await axeBothSchemes(popup)).toEqual([]);
    await screenshots(popup, popup.locator('body'), 'popup-not-article');
    await popup.close();
    await page.close();
  });
});

describe('the popup on an article not about US–China diplomacy', () => {
  it('gives the reasons, and "analyse anyway" analyses it', async () => {
    const { page, url } = await visit('unrelated');
    // The page sends nothing by itself: the popup asks it.
    const tabId = await tabOfPage(suite.ext.worker, url);
    const popup = await openPopup(suite.ext, tabId);
    const { analysis } = await waitForAnalysis(suite.ext.worker, url);
    expect(analysis.detection.label).toBe('unrelated');
    expect(await badgeText(suite.ext.worker, tabId)).toBe('');
    await expect.poll(() => text(popup)).toContain('Not about US–China relations');
    for (const reason of analysis.detection.reasons) {
      expect(await text(popup)).toContain(shownReason(reason));
    }
    expect(await axeBothSchemes(popup)).toEqual([]);
    await screenshots(popup, popup.locator('body'), 'popup-unrelated');

    await popup.getByRole('button', { name: 'Analyse anyway' }).click();
    await expect.poll(() => text(popup), { timeout: 15_000 }).toContain('analysed on request');
    expect(await popup.locator('#same-h').count()).toBe(1);
    expect(await popup.locator('#context-h').count()).toBe(1);
    expect(await popup.getByRole('button', { name: 'Analyse anyway' }).count()).toBe(0);
    // The badge counts diplomacy articles only.
    expect(await badgeText(suite.ext.worker, tabId)).toBe('');
    expect(await axeBothSchemes(popup)).toEqual([]);
    await screenshots(popup, popup.locator('body'), 'popup-unrelated-forced');
    await popup.close();
    await page.close();
  });
});

describe('the popup on a US–China diplomacy article', () => {
  it('shows same-story and related coverage, quotes, the timeline and the chart', async () => {
    const { page, url } = await visit('diplomacy');
    const { tabId, analysis } = await waitForAnalysis(
      suite.ext.worker,
      url,
      (a) => a.highlights !== undefined,
    );
    expect(analysis.detection.label).toBe('us-china-diplomacy');
    expect(await badgeText(suite.ext.worker, tabId)).toBe(String(analysis.related.length));

    const popup = await openPopup(suite.ext, tabId);
    await expect.poll(() => text(popup)).toContain('Xi letter strikes warmer tone');
    const shown = await text(popup);
    for (const heading of [
      'SAME STORY',
      'RELATED COVERAGE',
      'QUOTES ON THIS PAGE',
      'PRIOR CONTEXT',
    ]) {
      expect(shown.toUpperCase()).toContain(heading);
    }
    for (const item of analysis.related) expect(shown).toContain(item.title);
    const firstWhy = analysis.related[0]?.why[0];
    expect(firstWhy).toBeDefined();
    expect(shown).toContain(firstWhy ? shownReason(firstWhy) : '');
    const same = analysis.related.filter((r) => r.relation === 'same-story');
    expect(same.length).toBeGreaterThan(0);
    expect(await popup.getByRole('button', { name: /^Not the same story/ }).count()).toBe(
      same.length,
    );

    // Quotes: each matched quote with its other wordings.
    const matched = analysis.quotes.filter((q) => q.matches.length > 0);
    expect(await popup.locator('.quote-pick').count()).toBe(matched.length);
    expect(await popup.locator('.wordings > li').count()).toBe(
      matched.reduce((n, q) => n + q.matches.length, 0),
    );
    // Each quote whose wordings differ carries the legend of struck and marked words.
    const diffs = popup.locator('.card.quote', {
      has: popup.locator('.wording ins, .wording del'),
    });
    expect(await diffs.count()).toBeGreaterThan(0);
    expect(await popup.locator('.card.quote .wording-legend').count()).toBe(await diffs.count());
    expect(await popup.locator('.wording-legend').first().innerText()).toBe(
      'struck: words only this page has · marked: words only the other outlet has',
    );

    // Timeline: the context items, then the article itself; the chart marks the article's date.
    expect(await popup.locator('.timeline .events > li').count()).toBe(analysis.context.length + 1);
    await expect.poll(() => popup.locator('.chart svg .point').count()).toBeGreaterThan(0);
    expect(await popup.locator('.chart .marker').textContent()).toBe('This article');
    expect(await popup.locator('.chart desc').textContent()).toContain('Nov 10, 2021');
    // The chart says what the ADIZ is and labels its largest counts with their date and count.
    expect(await popup.locator('.chart-note').innerText()).toMatch(
      /^ADIZ: Taiwan’s air defence identification zone/,
    );
    const spikes = await popup.locator('.chart .spike').allTextContents();
    expect(spikes.length).toBeGreaterThan(0);
    for (const label of spikes) expect(label).toMatch(/^\d+ on [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    const peak = Math.max(
      ...(await popup.locator('.chart-table tbody td.num').allTextContents()).map(Number),
    );
    expect(spikes[0]).toMatch(new RegExp(`^${peak} on `));
    // The same counts as a table, opened from the keyboard.
    const table = popup.locator('.chart-table table');
    expect(await table.isVisible()).toBe(false);
    // Reached with Tab alone, from the top of the popup, and opened with Enter.
    await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let tabs = 0;
    const onSummary = (): Promise<boolean> =>
      popup.evaluate(() => document.activeElement?.matches('.chart-table summary') ?? false);
    while (!(await onSummary()) && tabs < 80) {
      await popup.keyboard.press('Tab');
      tabs++;
    }
    expect(await onSummary(), `the table's summary after ${tabs} presses of Tab`).toBe(true);
    await popup.keyboard.press('Enter');
    await expect.poll(() => table.isVisible()).toBe(true);
    expect(await popup.locator('.chart-table tbody tr').count()).toBe(
      await popup.locator('.chart svg .point').count(),
    );
    expect(await axeBothSchemes(popup)).toEqual([]);
    await popup.locator('#context-h').evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await screenshots(popup, popup.locator('body'), 'popup-diplomacy-chart-table');
    await popup.keyboard.press('Enter');
    await expect.poll(() => table.isVisible()).toBe(false);

    expect(await axeBothSchemes(popup)).toEqual([]);
    await screenshots(popup, popup.locator('.chart'), 'chart');

    // Keyboard: Tab reaches every control in reading order, each with a visible focus ring.
    const focused: string[] = [];
    for (let i = 0; i < 60; i++) {
      await popup.keyboard.press('Tab');
      const f = await popup.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        return {
          name: `${el.tagName.toLowerCase()}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}`,
          ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        };
      });
      if (!f) continue;
      expect(f.ring, `focus ring on ${f.name}`).toBe(true);
      focused.push(f.name);
    }
    for (const expected of [
      'button:Options',
      `a:${same.length} same story`,
      `button:Not the same story: ${same[0]?.title.slice(0, 20) ?? ''}`,
      'button:“We are at a vital historical juncture',
      'summary:Show the counts as a table',
      'input:',
    ]) {
      expect(
        focused.some((n) => n.startsWith(expected)),
        expected,
      ).toBe(true);
    }

    await popup.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      document.querySelector('main')?.scrollTo(0, 0);
    });
    // The first article remembered: the library notice, said once, above the sections.
    expect(await popup.locator('.library-notice').innerText()).toContain(
      'Backstory keeps the US–China articles you read in a library on this computer',
    );
    await screenshots(popup, popup.locator('body'), 'popup-diplomacy');
    // The timeline with the first event's reasons open.
    await popup.locator('.why-here summary').first().click();
    for (const section of ['quotes-h', 'context-h']) {
      await popup.locator(`#${section}`).evaluate((h) => h.scrollIntoView({ block: 'start' }));
      await screenshots(popup, popup.locator('body'), `popup-diplomacy-${section.slice(0, -2)}`);
    }
    // The whole timeline, photographed: in English here (popup-zh.test.ts has it in Chinese).
    await timelineShots(popup, 'popup-diplomacy-timeline');

    // The card on the page, opened from the keyboard on the first highlighted quote in view.
    await page.bringToFront();
    await page.evaluate(() => {
      const first = [...(CSS.highlights.get('backstory-quote') ?? [])][0] as Range | undefined;
      first?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    });
    await page.keyboard.press('Alt+Shift+KeyB');
    await expect.poll(() => page.locator('backstory-card').count()).toBe(1);
    await page.waitForTimeout(300);
    expect(await axeBothSchemes(page)).toEqual([]);
    await screenshots(page, page, 'card');
    await page.keyboard.press('Escape');
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));

    // Choosing a quote scrolls the article to it. (Instantly: a smooth scroll stalls in a tab
    // that is not in front, and the popup is.)
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await popup.locator('.quote-pick').last().click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    await expect.poll(() => text(popup)).toContain('Shown on the page.');

    // The highlight switch for the site is stored in the settings the content script watches.
    await popup.getByRole('checkbox', { name: 'Highlight quotes on this site' }).uncheck();
    await expect
      .poll(() =>
        suite.ext.worker.evaluate(async () => {
          const { settings } = await chrome.storage.local.get('settings');
          return (settings as { highlightsOffSites?: string[] } | undefined)?.highlightsOffSites;
        }),
      )
      .toEqual(['127.0.0.1']);
    await popup.getByRole('checkbox', { name: 'Highlight quotes on this site' }).check();
    await popup.close();
    await page.close();
  });
});

describe('the popup on a site where Backstory stays silent', () => {
  it('says so, and "analyse pages on this site again" lifts the silence', async () => {
    const setSilent = (sites: string[]) =>
      suite.ext.worker.evaluate(
        (silentSites) =>
          chrome.storage.local.set({
            settings: { version: 1, highlights: true, highlightsOffSites: [], silentSites },
          }),
        sites,
      );
    await setSilent(['127.0.0.1']);
    const { page, url } = await visit('diplomacy');
    const { tabId } = await waitForAnalysis(suite.ext.worker, url, (a) => a.article === null);
    expect(await badgeText(suite.ext.worker, tabId)).toBe('');
    const popup = await openPopup(suite.ext, tabId);
    await expect.poll(() => text(popup)).toContain('Silent on 127.0.0.1');
    // No switch shows highlights on while the site is silent: this site's is off, with the reason.
    const switches = popup.getByRole('checkbox');
    expect(await switches.count()).toBe(1);
    const site = popup.getByRole('checkbox', { name: 'Highlight quotes on this site' });
    expect(await site.isChecked()).toBe(false);
    expect(await site.isDisabled()).toBe(true);
    expect(await popup.locator('footer').innerText()).toContain(
      'Off while Backstory is silent here.',
    );
    expect(await axeBothSchemes(popup)).toEqual([]);
    await screenshots(popup, popup.locator('body'), 'popup-silent');
    await popup.getByRole('button', { name: 'Analyse pages on this site again' }).click();
    await expect.poll(() => popup.locator('#same-h').count(), { timeout: 15_000 }).toBe(1);
    const { analysis } = await waitForAnalysis(suite.ext.worker, url, (a) => a.article !== null);
    expect(await badgeText(suite.ext.worker, tabId)).toBe(String(analysis.related.length));
    await setSilent([]);
    await popup.close();
    await page.close();
  });
});

describe('the options page', () => {
  it('shows the switches, silent sites, what the corpus holds and the privacy statement', async () => {
    const page = await suite.ext.context.newPage();
    await page.goto(`chrome-extension://${suite.ext.extensionId}/options/index.html`);
    // The corpus names one outlet (CNN, for the seed that is its report in translation).
    await expect.poll(() => text(page)).toMatch(/\d+ articles from 1 named outlet, in/);
    const shown = await text(page);
    expect(shown).toContain('Nothing you read leaves your browser');
    expect(shown).toMatch(/\d+ events, \w+ \d+, \d{4} – \w+ \d+, \d{4}/);
    expect(shown).toContain('Taiwan incursion');

    await page.getByLabel('Silent sites: add a site').fill('https://www.Example.com/news/1');
    await page.getByLabel('Silent sites: add a site').press('Enter');
    await expect.poll(() => text(page)).toContain('www.example.com');
    const stored = await suite.ext.worker.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      return settings as { silentSites: string[] };
    });
    expect(stored.silentSites).toEqual(['www.example.com']);

    expect(await axeBothSchemes(page)).toEqual([]);
    await page.setViewportSize({ width: 900, height: 1100 });
    await screenshots(page, page.locator('body'), 'options');
    await page.getByRole('button', { name: 'Remove www.example.com' }).click();
    await expect.poll(() => text(page)).toContain('No silent sites.');
    await page.close();
  });
});

describe('the popup on a 2021 article, read years later', () => {
  it('links both readouts of the call it covers, and shows what happened since, collapsed', async () => {
    const { page, url } = await visit('call-2021');
    const { tabId, analysis } = await waitForAnalysis(suite.ext.worker, url);
    expect(analysis.detection.label).toBe('us-china-diplomacy');
    expect(analysis.article?.publishedAt).toBe('2021-09-10');

    const popup = await openPopup(suite.ext, tabId);
    await expect.poll(async () => (await text(popup)).toUpperCase()).toContain('PRIOR CONTEXT');

    // The call the article covers, with the White House and the Chinese readouts side by side.
    const call = popup.locator('.timeline li.event', {
      hasText: 'Biden and Xi speak by phone for the second time',
    });
    await expect.poll(() => call.count()).toBe(1);
    const readouts = call.locator('.readouts a');
    expect(await readouts.allTextContents()).toEqual(['US readout', 'PRC readout']);
    expect(await readouts.nth(0).getAttribute('href')).toMatch(
      /^https:\/\/bidenwhitehouse\.archives\.gov\/briefing-room\/statements-releases\/2021\/09\/09\//,
    );
    expect(await readouts.nth(1).getAttribute('href')).toMatch(/^https:\/\/en\.people\.cn\//);

    // Every link opens in a new tab without the opener, at a well-formed http(s) address.
    for (const a of await popup.locator('main a[href^="http"], main a[target]').all()) {
      expect(await a.getAttribute('target')).toBe('_blank');
      expect(await a.getAttribute('rel')).toBe('noopener noreferrer');
      const href = (await a.getAttribute('href')) ?? '';
      expect(new URL(href).protocol).toMatch(/^https?:$/);
    }

    // "Since this article": after the prior context, collapsed until asked for.
    const since = popup.locator('details.since');
    expect(await since.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await text(popup)).not.toContain('Trump and Xi hold summit talks in Beijing');
    await since.locator(':scope > summary').click();
    await expect.poll(() => text(popup)).toContain('Trump and Xi hold summit talks in Beijing');
    const planned = since.locator('li.event', { hasText: 'Planned: Xi to visit the White House' });
    expect(await planned.locator('.tag').textContent()).toBe('Planned, not confirmed');
    expect(await axeBothSchemes(popup)).toEqual([]);

    await call.evaluate((li) => li.scrollIntoView({ block: 'start' }));
    await screenshots(popup, popup.locator('body'), 'popup-2021-readouts');
    await since
      .locator('li.event', { hasText: 'Trump and Xi hold summit talks in Beijing' })
      .evaluate((li) => li.scrollIntoView({ block: 'center' }));
    await screenshots(popup, popup.locator('body'), 'popup-2021-since');
    await popup.close();
    await page.close();
  });
});
