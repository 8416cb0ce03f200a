/**
 * Backstory leaves the page as it was: a MutationObserver installed before anything else runs
 * (at document start) records every change to the page's DOM while the extension analyses,
 * highlights, shows and hides its card, and is switched off and on. The only change allowed is
 * the one card host element, added to (and possibly removed from) the root element.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CARD_TAG, cardState, hoverQuote, setSettings } from './highlight-helpers.ts';
import { highlightedTexts, waitForAnalysis, useExtension } from './harness.ts';

interface Recorded {
  /** Recorded after DOMContentLoaded (the content script runs at document_idle, after it). */
  late: boolean;
  type: string;
  target: string;
  attribute: string | null;
  added: string[];
  removed: string[];
}

/** Runs in the page before its own scripts: records every DOM mutation from document start. */
function recordMutations(): void {
  const w = window as unknown as {
    __mutations: Recorded[];
    __domAtReady: string;
    __late: boolean;
  };
  w.__mutations = [];
  w.__late = false;
  const name = (n: Node): string => (n.nodeType === 1 ? (n as Element).tagName : n.nodeName);
  const record = (records: MutationRecord[]): void => {
    for (const r of records) {
      w.__mutations.push({
        late: w.__late,
        type: r.type,
        target: name(r.target),
        attribute: r.attributeName,
        added: [...r.addedNodes].map(name),
        removed: [...r.removedNodes].map(name),
      });
    }
  };
  const observer = new MutationObserver(record);
  observer.observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      // The parser's last records are still queued: file them before the line is drawn.
      record(observer.takeRecords());
      w.__late = true;
      w.__domAtReady = document.documentElement.outerHTML;
    },
    { capture: true, once: true },
  );
}

const suite = useExtension();

beforeAll(async () => {
  await suite.ext.context.addInitScript(recordMutations);
});

async function lateMutations(page: Page): Promise<Recorded[]> {
  // Let the page's MutationObserver callback deliver anything still queued.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  return page.evaluate(() =>
    (window as unknown as { __mutations: Recorded[] }).__mutations.filter((m) => m.late),
  );
}

/** The page's DOM now, with Backstory's card host taken out, against the DOM at DOMContentLoaded. */
async function domUnchanged(page: Page): Promise<boolean> {
  return page.evaluate((tag) => {
    const clone = document.documentElement.cloneNode(true) as Element;
    clone.querySelectorAll(tag).forEach((e) => e.remove());
    return clone.outerHTML === (window as unknown as { __domAtReady: string }).__domAtReady;
  }, tag(CARD_TAG));
}

const tag = (t: string): string => t.toLowerCase();

const isHostChange = (m: Recorded): boolean =>
  m.type === 'childList' &&
  m.target === 'HTML' &&
  [...m.added, ...m.removed].length === 1 &&
  [...m.added, ...m.removed][0] === CARD_TAG;

describe.each(['/test/fixtures/highlights/article.html', '/sample/article.html'])(
  'the page DOM on %s',
  (path) => {
    it('is changed by Backstory only by its one card host element', async () => {
      const page = await suite.ext.context.newPage();
      const url = suite.server.url(path);
      await page.goto(url);
      const { analysis } = await waitForAnalysis(
        suite.ext.worker,
        url,
        (a) => a.highlights !== undefined,
      );
      expect(analysis.highlights?.anchored ?? 0).toBeGreaterThan(0);
      expect((await highlightedTexts(page)).length).toBe(analysis.highlights?.anchored);

      // Everything the reader can do: hover, keyboard, Esc, switches off and on.
      await hoverQuote(page, (await highlightedTexts(page))[0]?.slice(0, 12) ?? '');
      await expect.poll(async () => (await cardState(page)).open, { timeout: 5000 }).toBe(true);
      await page.keyboard.press('Escape');
      await page.mouse.move(2, 2);
      await page.keyboard.press('Alt+Shift+KeyB');
      await expect.poll(async () => (await cardState(page)).open, { timeout: 5000 }).toBe(true);
      await page.keyboard.press('Escape');
      await setSettings(suite.ext.worker, { highlights: false });
      await expect.poll(() => highlightedTexts(page)).toEqual([]);
      await setSettings(suite.ext.worker, { highlights: true });
      await expect.poll(async () => (await highlightedTexts(page)).length).toBeGreaterThan(0);

      const late = await lateMutations(page);
      expect(late.filter((m) => !isHostChange(m))).toEqual([]);
      expect(late.filter((m) => m.added.includes(CARD_TAG))).toHaveLength(1);
      expect((await cardState(page)).hosts).toBe(1);
      expect(await domUnchanged(page)).toBe(true);
      await page.close();
    });
  },
);

describe('a page where no card is ever shown', () => {
  it('is not changed at all', async () => {
    const page = await suite.ext.context.newPage();
    const url = suite.server.url('/test/fixtures/highlights/article.html?untouched');
    await page.goto(url);
    await waitForAnalysis(suite.ext.worker, url, (a) => a.highlights !== undefined);
    expect(await lateMutations(page)).toEqual([]);
    expect(await domUnchanged(page)).toBe(true);
    await page.close();
  });
});
