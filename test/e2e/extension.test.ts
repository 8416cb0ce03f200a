/**
 * The foundation, end to end: the built extension in real headless Chromium on locally served
 * pages — analysis stored per tab, badge, highlights, popup, no network, same result as the CLI.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shownReason } from './popup-helpers.ts';
import {
  badgeText,
  highlightedTexts,
  openPopup,
  ROOT,
  tabOfPage,
  waitForAnalysis,
  useExtension,
} from './harness.ts';

const SEED_IDS = [
  '000_413b31f82552ca23',
  '001_2fdb69479703806e',
  '002_ce92c921e6648354',
  '003_7d48d964e4f786ed',
  '004_869f1232419da740',
];

const suite = useExtension();

async function visit(path: string): Promise<{ page: Page; url: string }> {
  const page = await suite.ext.context.newPage();
  const url = suite.server.url(path);
  await page.goto(url);
  return { page, url };
}

describe('a US–China diplomacy article', () => {
  it('is analysed, matched to the seeds, highlighted, badged and shown in the popup', async () => {
    const { page, url } = await visit('/sample/article.html');
    const { tabId, analysis } = await waitForAnalysis(
      suite.ext.worker,
      url,
      (a) => a.highlights !== undefined,
    );

    expect(analysis.detection.label).toBe('us-china-diplomacy');
    expect(analysis.article?.title).toContain('Xi signals thaw');
    expect(analysis.article?.publishedAt).toBe('2021-11-12');
    const relatedIds = analysis.related.map((r) => r.id);
    expect(relatedIds.some((id) => SEED_IDS.includes(id))).toBe(true);
    expect(analysis.quotes.some((q) => q.matches.length > 0)).toBe(true);
    expect(analysis.context.length).toBeGreaterThan(0);

    const highlighted = await highlightedTexts(page);
    expect(highlighted.length).toBeGreaterThan(0);
    expect(analysis.highlights?.anchored).toBe(highlighted.length);
    expect(highlighted.join(' | ')).toMatch(/vital historical juncture/);

    expect(await badgeText(suite.ext.worker, tabId)).toBe(String(analysis.related.length));

    const popup = await openPopup(suite.ext, tabId);
    await expect
      .poll(() => popup.locator('main').innerText(), { timeout: 10_000 })
      .toContain('Xi signals thaw');
    const popupText = await popup.locator('main').innerText();
    expect(popupText).toContain('US–China diplomacy');
    const firstRelated = analysis.related[0];
    expect(firstRelated).toBeDefined();
    expect(popupText).toContain(firstRelated?.title.slice(0, 30) ?? '');
    await popup.close();
    await page.close();
  });
});

describe('an unrelated article', () => {
  it('gets no badge and no highlights, and the popup says why', async () => {
    const requestsBefore = suite.ext.requests.length;
    const { page, url } = await visit('/test/fixtures/e2e/unrelated.html');
    const tabId = await tabOfPage(suite.ext.worker, url);
    // It names no Chinese actor: it sends nothing and loads nothing more until the popup asks.
    await page.waitForTimeout(300);
    expect(
      await suite.ext.worker.evaluate(
        (key) => chrome.storage.session.get(key),
        `analysis:${tabId}`,
      ),
    ).toEqual({});
    expect(
      suite.ext.requests.slice(requestsBefore).filter((u) => u.includes('content-full')),
    ).toEqual([]);
    const popup = await openPopup(suite.ext, tabId);
    const { analysis, tabId: stored } = await waitForAnalysis(suite.ext.worker, url);
    expect(stored).toBe(tabId);
    expect(analysis.detection.label).not.toBe('us-china-diplomacy');
    expect(analysis.related).toEqual([]);
    expect(await badgeText(suite.ext.worker, tabId)).toBe('');
    expect(await highlightedTexts(page)).toEqual([]);
    // Not even the highlights' stylesheet.
    expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);

    await expect
      .poll(() => popup.locator('main').innerText(), { timeout: 10_000 })
      .toMatch(/Not about US–China relations|About China, not US–China diplomacy|Not an article/);
    for (const reason of analysis.detection.reasons.slice(0, 1)) {
      const shown = shownReason(reason);
      expect(await popup.locator('main').innerText()).toContain(shown);
    }
    await popup.close();
    await page.close();
  });
});

describe('privacy', () => {
  it('makes no network request: only the test server and the extension itself are loaded', () => {
    const outside = suite.ext.requests.filter(
      (u) =>
        !u.startsWith(suite.server.origin) &&
        !u.startsWith('chrome-extension://') &&
        !u.startsWith('data:'),
    );
    expect(suite.ext.requests.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
  });
});

describe('the CLI and the extension', () => {
  it('produce the same analysis for the same page', async () => {
    const { page, url } = await visit('/sample/article.html');
    const { analysis } = await waitForAnalysis(
      suite.ext.worker,
      url,
      (a) => a.highlights !== undefined,
    );
    await page.close();
    const out = execFileSync(
      join(ROOT, 'node_modules/.bin/tsx'),
      [join(ROOT, 'src/cli/analyze.ts'), join(ROOT, 'sample/article.html'), '--url', url],
      { encoding: 'utf8' },
    );
    const fromCli = JSON.parse(out) as Record<string, unknown>;
    const { highlights: _h, run: _run, ...fromExtension } = analysis;
    expect(fromCli).toEqual(JSON.parse(JSON.stringify(fromExtension)));
  });
});

describe('a stopped service worker', () => {
  it('loses nothing: the popup still shows the analysis and a restarted worker analyses again', async () => {
    const { page, url } = await visit('/sample/article.html');
    const { tabId, analysis } = await waitForAnalysis(
      suite.ext.worker,
      url,
      (a) => a.highlights !== undefined,
    );
    const cdp = await suite.ext.context.newCDPSession(page);
    const stopped = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        const ours = versions.find((v) =>
          v.scriptURL.startsWith(`chrome-extension://${suite.ext.extensionId}/`),
        );
        if (ours?.runningStatus === 'stopped') resolve(ours.runningStatus);
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    expect(await stopped).toBe('stopped');

    // The popup reads storage.session directly: the analysis is still there.
    const popup = await openPopup(suite.ext, tabId);
    await expect
      .poll(() => popup.locator('main').innerText(), { timeout: 10_000 })
      .toContain(analysis.article?.title ?? '');

    // A new page wakes the worker, which reloads the corpus and answers as before.
    const again = await visit('/sample/article.html?again');
    const second = await waitForAnalysis(popup, again.url, (a) => a.highlights !== undefined);
    await popup.close();
    expect(second.analysis.related.map((r) => r.id)).toEqual(analysis.related.map((r) => r.id));
    await again.page.close();
    await page.close();
  });
});
