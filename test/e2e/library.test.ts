/**
 * The reader's library in real Chromium with a persistent profile: fixture pages about a story
 * the bundled corpus does not hold, served from two hostnames (127.0.0.1 and localhost). Two
 * outlets read → the third lists both as the same story, remembered, with their addresses, and its
 * quotes are highlighted with their wordings; the same after a browser restart; gone after
 * "forget". Then the White House texts imported through the options page, "what the governments
 * said", export and import into a fresh profile, a worker stopped mid-import, and no network.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredAnalysis } from '../../src/analysis-store.ts';
import type { LibraryArticle } from '../../src/library/types.ts';
import {
  DIST_UNDER_TEST,
  highlightedTexts,
  launchExtension,
  openPopup,
  ROOT,
  serveFixtures,
  waitForAnalysis,
  type Extension,
  type FixtureServer,
} from './harness.ts';
import { markdownFiles, WH_DIR } from '../../eval/labelled-pages.ts';
import { screenshots } from './popup-helpers.ts';

const profile = mkdtempSync(join(tmpdir(), 'backstory-library-e2e-'));
let server: FixtureServer;
let ext: Extension;
const requests: string[] = [];

beforeAll(async () => {
  server = await serveFixtures(ROOT);
  ext = await launchExtension({ userDataDir: profile, dist: DIST_UNDER_TEST });
});
afterAll(async () => {
  requests.push(...(ext?.requests ?? []));
  await ext?.close();
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
});

const port = () => new URL(server.origin).port;
const onHost = (host: string, name: string) =>
  `http://${host}:${port()}/test/fixtures/library/${name}`;
const A = () => onHost('127.0.0.1', 'outlet-a.html');
const B = () => onHost('localhost', 'outlet-b.html');
const C = () => onHost('127.0.0.1', 'outlet-c.html');

/** The library's records, read in an extension page (the worker may be asleep). */
async function libraryRecords(e: Extension): Promise<LibraryArticle[]> {
  const page = await e.context.newPage();
  await page.goto(`chrome-extension://${e.extensionId}/popup/index.html?tabId=1`);
  const all = await page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('backstory-library');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('articles')) return resolve([]);
          const get = db.transaction('articles').objectStore('articles').getAll();
          get.onsuccess = () => {
            db.close();
            resolve(get.result as unknown[]);
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
  await page.close();
  return all as LibraryArticle[];
}

async function read(
  e: Extension,
  url: string,
  accept: (a: StoredAnalysis) => boolean = () => true,
): Promise<{ page: Page; tabId: number; analysis: StoredAnalysis }> {
  const page = await e.context.newPage();
  await page.goto(url);
  const { tabId, analysis } = await waitForAnalysis(
    e.worker,
    url,
    (a) => a.highlights !== undefined && accept(a),
    30_000,
  );
  return { page, tabId, analysis };
}

function sameStory(a: StoredAnalysis) {
  return a.related
    .filter((r) => r.relation === 'same-story')
    .map((r) => ({ origin: r.origin, url: r.url }))
    .sort((x, y) => String(x.url).localeCompare(String(y.url)));
}

async function expectBothRemembered(e: Extension) {
  const { page, tabId, analysis } = await read(e, C(), (a) => sameStory(a).length >= 2);
  expect(sameStory(analysis)).toEqual(
    [
      { origin: 'remembered', url: A() },
      { origin: 'remembered', url: B() },
    ].sort((x, y) => x.url.localeCompare(y.url)),
  );
  const matched = analysis.quotes.filter((q) => q.matches.some((m) => m.origin === 'remembered'));
  expect(matched.length).toBeGreaterThanOrEqual(2);
  expect(matched.flatMap((q) => q.matches.map((m) => m.text)).join(' ')).toContain(
    'cost of silence is much higher',
  );
  // Highlighted in the page, each with the other outlets' wordings.
  const marked = await highlightedTexts(page);
  for (const q of matched) expect(marked.some((t) => q.text.includes(t.slice(0, 20)))).toBe(true);
  return { page, tabId, analysis };
}

describe('remembered reading across two hostnames, a restart and forget', () => {
  it('the third outlet lists the two read before as the same story, remembered, with their addresses', async () => {
    for (const url of [A(), B()]) {
      const { page, analysis } = await read(ext, url);
      expect(analysis.detection.label).toBe('us-china-diplomacy');
      await page.close();
    }
    await expect.poll(async () => (await libraryRecords(ext)).length, { timeout: 15_000 }).toBe(2);
    const { page, tabId } = await expectBothRemembered(ext);

    const popup = await openPopup(ext, tabId);
    await expect
      .poll(() => popup.locator('main').innerText(), { timeout: 10_000 })
      .toContain('you read this on localhost');
    const text = await popup.locator('main').innerText();
    expect(text).toContain('you read this on 127.0.0.1');
    expect(text).toContain('Backstory keeps the US–China articles you read');
    await screenshots(popup, popup.locator('body'), 'popup-library-remembered');
    await popup.close();
    await page.close();
    // Reading the same page again never duplicates it.
    const again = await read(ext, A());
    await again.page.close();
    expect((await libraryRecords(ext)).length).toBe(3);
  });

  it('after a browser restart, the same', async () => {
    requests.push(...ext.requests);
    await ext.close({ keepProfile: true });
    ext = await launchExtension({ userDataDir: profile, dist: DIST_UNDER_TEST });
    expect((await libraryRecords(ext)).length).toBe(3);
    const { page } = await expectBothRemembered(ext);
    await page.close();
  });

  it('after "forget" on one (options page), it is gone from the next analysis', async () => {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options/index.html`);
    const row = options.locator('.library-list li', {
      hasText: 'Rubio and Wang Yi agree to reopen',
    });
    await row.getByRole('button', { name: 'Forget', exact: true }).click();
    await expect
      .poll(() => options.locator('.library-count').innerText())
      .toContain('2 articles in your library');
    await screenshots(options, options.locator('body'), 'options-library');
    await options.close();
    const { page, analysis } = await read(ext, C(), (a) => a.related.length > 0);
    expect(analysis.related.map((r) => r.url)).not.toContain(A());
    expect(sameStory(analysis)).toEqual([{ origin: 'remembered', url: B() }]);
    for (const q of analysis.quotes) for (const m of q.matches) expect(m.url).not.toBe(A());
    await page.close();
  });

  it('Save this page keeps a page that was not remembered', async () => {
    await ext.worker.evaluate(async () => {
      const got = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({
        settings: { ...(got['settings'] ?? {}), rememberOffSites: ['localhost'] },
      });
    });
    const url = onHost('localhost', 'lima-meeting.html');
    const { page, tabId } = await read(ext, url);
    const before = (await libraryRecords(ext)).length;
    const popup = await openPopup(ext, tabId);
    await popup.getByRole('button', { name: 'Save this page' }).click();
    await expect.poll(() => popup.locator('main').innerText()).toContain('Saved to your library.');
    const all = await libraryRecords(ext);
    expect(all.length).toBe(before + 1);
    expect(all.find((a) => a.urls.includes(url))?.origin).toBe('saved');
    await popup.close();
    await page.close();
  });
});

async function importThroughOptions(e: Extension, files: string[]): Promise<Page> {
  const options = await e.context.newPage();
  await options.goto(`chrome-extension://${e.extensionId}/options/index.html`);
  await options.locator('#library-import').setInputFiles(files);
  await expect
    .poll(() => options.locator('.import-progress [role=status]').innerText(), { timeout: 90_000 })
    // "1 of 1 file", "96 of 96 files": the count in the interface's plural form.
    .toMatch(new RegExp(`\\b${files.length} of ${files.length} files?\\b`));
  return options;
}

describe.skipIf(!existsSync(WH_DIR))('the White House texts through the options page', () => {
  let exported = '';
  let atExport: LibraryArticle[] = [];
  const byId = (xs: LibraryArticle[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
  it('count shows 96; a Lima article shows the readout under "what the governments said"', async () => {
    const options = await importThroughOptions(ext, markdownFiles(WH_DIR));
    await expect
      .poll(() => options.locator('.library-count').innerText())
      .toMatch(/^99 articles in your library/);
    expect(await options.locator('.import-problems li').count()).toBe(0);
    const all = await libraryRecords(ext);
    expect(
      all.filter((a) => a.origin === 'imported' && a.kind === 'official-readout'),
    ).toHaveLength(96);
    const url = onHost('127.0.0.1', 'lima-meeting.html');
    const { page, tabId, analysis } = await read(ext, url, (a) => (a.official ?? []).length > 0);
    const lima = (analysis.official ?? []).find((o) => o.publishedAt === '2024-11-16');
    expect(lima?.title).toMatch(/Meeting with President Xi Jinping/);
    const popup = await openPopup(ext, tabId);
    await expect
      .poll(() => popup.locator('#official-h').textContent(), { timeout: 10_000 })
      .toContain('What the governments said');
    const section = await popup
      .locator('section', { has: popup.locator('#official-h') })
      .innerText();
    expect(section).toContain('one China policy remains unchanged');
    expect(section).toContain('imported: White House readout');
    await screenshots(popup, popup.locator('body'), 'popup-library-official');
    await popup.close();
    await page.close();

    atExport = await libraryRecords(ext);
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export the library' }).click(),
    ]);
    const path = await download.path();
    exported = readFileSync(path, 'utf8');
    expect(exported.trim().split('\n')).toHaveLength(99);
    const lines = exported
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as LibraryArticle);
    expect(byId(lines)).toEqual(byId(atExport));
    await options.close();
  }, 240_000);

  it('export, then import into a fresh profile: the two libraries are deep-equal', async () => {
    expect(atExport).toHaveLength(99);
    const dir = mkdtempSync(join(tmpdir(), 'backstory-export-'));
    const file = join(dir, 'backstory-library.jsonl');
    await import('node:fs').then((fs) => fs.writeFileSync(file, exported));
    const fresh = await launchExtension({ dist: DIST_UNDER_TEST });
    try {
      const options = await importThroughOptions(fresh, [file]);
      await expect
        .poll(() => options.locator('.library-count').innerText())
        .toMatch(/^99 articles/);
      expect(byId(await libraryRecords(fresh))).toEqual(byId(atExport));
      requests.push(...fresh.requests);
    } finally {
      await fresh.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

describe('a worker stopped mid-import', () => {
  it('leaves every file either fully in or fully out', async () => {
    const files = ['outlet-a.html', 'outlet-b.html', 'outlet-c.html'].map((n) =>
      join(ROOT, 'test/fixtures/library', n),
    );
    const fresh = await launchExtension({ dist: DIST_UNDER_TEST });
    try {
      const options = await fresh.context.newPage();
      await options.goto(`chrome-extension://${fresh.extensionId}/options/index.html`);
      const cdp = await fresh.context.newCDPSession(options);
      await cdp.send('ServiceWorker.enable');
      await options.locator('#library-import').setInputFiles(files);
      await cdp.send('ServiceWorker.stopAllWorkers');
      await expect
        .poll(() => options.locator('.import-progress [role=status]').innerText(), {
          timeout: 60_000,
        })
        .toContain('3 of 3 files');
      const stored = await libraryRecords(fresh);
      // Each stored article is whole: its text, and its index entry beside it.
      const entries = await options.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('backstory-library');
            open.onsuccess = () => {
              const r = open.result.transaction('index').objectStore('index').count();
              r.onsuccess = () => resolve(r.result);
            };
          }),
      );
      expect(entries).toBe(stored.length);
      for (const a of stored) expect(a.paragraphs.length).toBeGreaterThan(3);
      const problems = await options.locator('.import-problems li').allInnerTexts();
      expect(stored.length + problems.length).toBe(3);
      requests.push(...fresh.requests);
    } finally {
      await fresh.close();
    }
  }, 120_000);
});

describe('privacy', () => {
  it('remembered reading, import and export made no network request', () => {
    requests.push(...ext.requests);
    const local = new Set([server.origin, `http://localhost:${port()}`]);
    const outside = requests.filter(
      (u) =>
        ![...local].some((o) => u.startsWith(o)) &&
        !u.startsWith('chrome-extension://') &&
        !u.startsWith('data:') &&
        !u.startsWith('blob:'),
    );
    expect(requests.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
  });
});
