/**
 * A single-page news site: the URL changes with history.pushState and the article is replaced
 * without a reload. The built extension notices, re-runs once the page settles, and stores
 * the analysis of the new article for the same tab.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, waitForAnalysis, useExtension } from './harness.ts';

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

const suite = useExtension();

beforeAll(() => {
  suite.server.set('/spa/news/2024/04/02/biden-xi-call', SPA);
});

describe('single-page navigation', () => {
  it('re-analyses when the site swaps the article and the URL without a reload', async () => {
    const page: Page = await suite.ext.context.newPage();
    const firstUrl = suite.server.url('/spa/news/2024/04/02/biden-xi-call');
    await page.goto(firstUrl);
    const a = await waitForAnalysis(suite.ext.worker, firstUrl);
    expect(a.analysis.detection.label).toBe('us-china-diplomacy');
    expect(a.analysis.article?.title).toBe(first.title);

    const secondUrl = suite.server.url('/spa/news/2023/09/30/house-stopgap');
    await page.evaluate(
      (path) => (window as unknown as { goTo(p: string): void }).goTo(path),
      new URL(secondUrl).pathname,
    );
    const b = await waitForAnalysis(
      suite.ext.worker,
      secondUrl,
      (x) => x.article?.title === second.title,
    );
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
});
