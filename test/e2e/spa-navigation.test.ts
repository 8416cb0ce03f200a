/**
 * A single-page news site: the URL changes with history.pushState and the article is replaced
 * without a reload. The built extension notices, re-runs once the page settles, and stores
 * the analysis of the new article for the same tab.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { badgeText, openPopup, ROOT, tabOfPage, waitForAnalysis, useExtension } from './harness.ts';

const PAGES = join(ROOT, 'test/fixtures/pages');

/** The <article> element and title of one of our fixture pages. */
function articleOf(file: string): { title: string; article: string } {
  const html = readFileSync(join(PAGES, file), 'utf8');
  const title = /<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '';
  const article = /<article>[\s\S]*?<\/article>/.exec(html)?.[0] ?? '';
  return { title, article };
}

const first = articleOf('biden-xi-call/page.html');
const second = articleOf('us-budget-fight/page.html');

/** A tiny single-page app: goTo() swaps the article after a short "fetch" and pushes the URL. */
const SPA = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${first.title}</title>
<meta property="og:site_name" content="Single Page News"></head>
<body>
<header><nav><a href="/spa/news/2024/04/02/biden-xi-call">Top story</a> <a href="/spa/news/2023/09/30/house-stopgap">Politics</a></nav></header>
<main id="app">${first.article}</main>
<script>
  const next = ${JSON.stringify({ title: second.title, article: second.article })};
  window.goTo = (path) => {
    history.pushState({}, '', path);
    document.getElementById('app').textContent = 'Loading…';
    setTimeout(() => {
      document.title = next.title;
      document.getElementById('app').innerHTML = next.article;
    }, 150);
  };
</script>
</body></html>`;

/** A single-page site whose pages name no Chinese actor: goTo() swaps in another such page. */
const QUIET = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tide mill turns again</title></head>
<body><main id="app"><h1>Tide mill turns again</h1><p>Volunteers restored the mill.</p></main>
<script>
  window.goTo = (path) => {
    history.pushState({}, '', path);
    document.title = 'Spring fair opens';
    document.getElementById('app').innerHTML = '<h1>Spring fair opens</h1><p>Stalls line the quay.</p>';
  };
</script>
</body></html>`;

const suite = useExtension();

beforeAll(() => {
  suite.server.set('/spa/news/2024/04/02/biden-xi-call', SPA);
  suite.server.set('/quiet/tide-mill', QUIET);
});

/** What is stored for the tab, straight from storage.session. */
async function storedFor(tabId: number): Promise<string | null> {
  const got = (await suite.ext.worker.evaluate(
    (key) => chrome.storage.session.get(key),
    `analysis:${tabId}`,
  )) as Record<string, { pageUrl: string } | undefined>;
  return got[`analysis:${tabId}`]?.pageUrl ?? null;
}

/**
 * The site's own navigation to `url` (goTo: the article swapped, the URL pushed, no reload), then
 * the analysis stored for it once its article is the one titled `title`.
 */
async function goToInPage(page: Page, url: string, title: string) {
  await page.evaluate(
    (path) => (window as unknown as { goTo(p: string): void }).goTo(path),
    new URL(url).pathname,
  );
  return waitForAnalysis(suite.ext.worker, url, (x) => x.article?.title === title);
}

describe('single-page navigation', () => {
  it('re-analyses when the site swaps the article and the URL without a reload', async () => {
    const page: Page = await suite.ext.context.newPage();
    const firstUrl = suite.server.url('/spa/news/2024/04/02/biden-xi-call');
    await page.goto(firstUrl);
    const a = await waitForAnalysis(suite.ext.worker, firstUrl);
    expect(a.analysis.detection.label).toBe('us-china-diplomacy');
    expect(a.analysis.article?.title).toBe(first.title);

    const secondUrl = suite.server.url('/spa/news/2023/09/30/house-stopgap');
    const b = await goToInPage(page, secondUrl, second.title);
    expect(b.tabId).toBe(a.tabId);
    expect(b.analysis.detection.label).toBe('unrelated');
    // No reload happened: the page's own state survives.
    expect(await page.evaluate(() => typeof (window as unknown as { goTo?: unknown }).goTo)).toBe(
      'function',
    );

    // Back to the first story with the browser's back button.
    await page.goBack();
    await page.evaluate(
      ({ title, html }) => {
        document.title = title;
        document.getElementById('app')!.innerHTML = html;
      },
      { title: first.title, html: first.article },
    );
    const c = await waitForAnalysis(
      suite.ext.worker,
      firstUrl,
      (x) => x.article?.title === first.title && x.detection.label === 'us-china-diplomacy',
    );
    expect(c.tabId).toBe(a.tabId);
    await page.close();
  });

  it('keeps the verdict of a page that names no Chinese actor, once asked, with the page', async () => {
    const page: Page = await suite.ext.context.newPage();
    const firstUrl = suite.server.url('/quiet/tide-mill');
    await page.goto(firstUrl);
    const tabId = await tabOfPage(suite.ext.worker, firstUrl);
    const popup = await openPopup(suite.ext, tabId);
    await expect.poll(() => popup.locator('main').innerText()).toContain('Tide mill turns again');
    await popup.close();

    const secondUrl = suite.server.url('/quiet/spring-fair');
    const b = await goToInPage(page, secondUrl, 'Spring fair opens');
    expect(b.tabId).toBe(tabId);
    expect(b.analysis.detection.label).toBe('unrelated');
    await page.close();
  });
});

describe('navigating a tab to a new page', () => {
  it('forgets the old page’s analysis when the new page sends none; the popup asks the new page', async () => {
    const page: Page = await suite.ext.context.newPage();
    const articleUrl = suite.server.url('/sample/article.html');
    await page.goto(articleUrl);
    const a = await waitForAnalysis(suite.ext.worker, articleUrl);
    expect(a.analysis.detection.label).toBe('us-china-diplomacy');
    expect(await badgeText(suite.ext.worker, a.tabId)).not.toBe('');

    const quietUrl = suite.server.url('/test/fixtures/e2e/unrelated.html');
    await page.goto(quietUrl);
    await expect.poll(() => storedFor(a.tabId), { timeout: 10_000 }).toBeNull();
    expect(await badgeText(suite.ext.worker, a.tabId)).toBe('');

    const popup = await openPopup(suite.ext, a.tabId);
    await expect
      .poll(() => popup.locator('main').innerText())
      .toContain('Not about US–China relations');
    expect(await storedFor(a.tabId)).toBe(quietUrl);
    await popup.close();
    await page.close();
  });
});
