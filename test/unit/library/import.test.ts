/**
 * Import files: each bad file is named with line and field and leaves the library exactly as it
 * was; good files import; the White House texts import as official readouts and one of them is
 * "what the governments said" for a news article about its event; export → import into a fresh
 * library gives a deep-equal library; a storage fault stores nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeExtracted } from '../../../src/core/analyze.ts';
import {
  formatImportProblem,
  parseImportFile,
  toJsonl,
  type ParsedFile,
} from '../../../src/library/import.ts';
import { LiveIndex } from '../../../src/library/live-index.ts';
import { recordFromExtracted } from '../../../src/library/record.ts';
import { withSources } from '../../../src/library/sources.ts';
import {
  allArticles,
  loadIndexEntries,
  putArticles,
  type LibraryDb,
} from '../../../src/library/store.ts';
import { seedCorpus } from '../helpers/seed-corpus.ts';
import { markdownFiles, WH_DIR } from '../../../eval/labelled-pages.ts';
import { FIXTURES, freshDb, readHtml, readPage } from './helpers.ts';
import { bundledMatchTables } from '../../../src/corpus/node.ts';

const TABLES = bundledMatchTables();

const enc = (s: string) => new TextEncoder().encode(s);
const NOW = new Date('2026-12-02T10:00:00Z');

function parse(name: string, content: string | Uint8Array): ParsedFile {
  return parseImportFile(name, typeof content === 'string' ? enc(content) : content, {
    readHtml,
    now: NOW,
  });
}

function problems(p: ParsedFile): string[] {
  return p.ok ? [] : p.problems.map(formatImportProblem);
}

/** Imports as the options page does: a file's articles in one transaction, or nothing. */
async function importFile(db: LibraryDb, p: ParsedFile) {
  if (!p.ok) return null;
  return putArticles(db, p.articles, TABLES, { exact: /\.jsonl$/.test(p.file) });
}

async function snapshot(db: LibraryDb) {
  return { articles: await allArticles(db), index: (await loadIndexEntries(db)).entries };
}

const record = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: 'lib-1',
    title: 'Envoys meet',
    paragraphs: ['Secretary Rubio met Foreign Minister Wang Yi in Kuala Lumpur on Monday.'],
    publishedAt: '2026-11-30',
    ...over,
  });

const MD = (fm: string, body = 'Officials met today in Lima.\n\nThey talked at length.') =>
  `---\n${fm}\n---\n\n${body}\n`;

describe(
  'bad imports: file:line: field: problem, and the library as it was',
  { timeout: 60_000 },
  () => {
    const cases: [string, string, string | Uint8Array, RegExp][] = [
      [
        'not UTF-8',
        'latin1.jsonl',
        new Uint8Array([...enc(`${record()}\n{"id":"x","title":"caf`), 0xe9, ...enc('"}\n')]),
        /^latin1\.jsonl:2: encoding: not UTF-8 text$/,
      ],
      [
        'a bad JSON line',
        'pack.jsonl',
        `${record()}\n${record({ id: 'lib-2' })}\n{"id": "lib-3", "title": }\n`,
        /^pack\.jsonl:3: json: not valid JSON/,
      ],
      [
        'a missing title',
        'pack.jsonl',
        `${record()}\n${record({ id: 'lib-2', title: undefined })}\n`,
        /^pack\.jsonl:2: title: missing$/,
      ],
      [
        'a bad date',
        'pack.jsonl',
        `${record({ publishedAt: '2026-02-30' })}\n`,
        /^pack\.jsonl:1: publishedAt: not a date \(YYYY-MM-DD\): "2026-02-30"$/,
      ],
      [
        'duplicate ids in one file',
        'pack.jsonl',
        `${record()}\n\n${record({ title: 'Other' })}\n`,
        /^pack\.jsonl:3: id: duplicate of line 1: lib-1$/,
      ],
      [
        'an HTML file with no article',
        'front.html',
        '<html><head><title>Home</title></head><body><nav><a href="/">Home</a></nav><p>Welcome.</p></body></html>',
        /^front\.html:1: html: no article in it \(/,
      ],
      [
        'broken front matter (a quote never closed)',
        'readout.md',
        MD(
          "date: '2024-11-16'\ntitle: \"Readout of a call\nsource_url: https://www.whitehouse.gov/x/",
        ),
        /^readout\.md:3: title: double quote never closed$/,
      ],
      [
        'front matter never closed',
        'readout.md',
        "---\ntitle: A readout\ndate: '2024-11-16'\n\nThe body.\n",
        /^readout\.md:1: front matter: not closed with ---$/,
      ],
      [
        'a Markdown missing title',
        'readout.md',
        MD("date: '2024-11-16'\nsource_url: https://www.whitehouse.gov/x/"),
        /^readout\.md:1: title: missing$/,
      ],
      [
        'a Markdown bad date',
        'readout.md',
        MD("title: A readout\ndate: '16 November 2024'"),
        /^readout\.md:3: date: not a date \(YYYY-MM-DD\): 16 November 2024$/,
      ],
    ];
    for (const [what, name, content, expected] of cases) {
      it(what, async () => {
        const db = await freshDb();
        const good = parse('good.jsonl', `${record({ id: 'lib-good' })}\n`);
        await importFile(db, good);
        const before = await snapshot(db);
        const parsed = parse(name, content);
        expect(parsed.ok).toBe(false);
        const found = problems(parsed);
        expect(
          found.some((p) => expected.test(p)),
          found.join('\n'),
        ).toBe(true);
        expect(await importFile(db, parsed)).toBeNull();
        expect(await snapshot(db)).toEqual(before);
      });
    }

    it('a 50 MB file is refused whole, without reading it', async () => {
      const big = new Uint8Array(50 * 1024 * 1024).fill(0x20);
      const parsed = parse('huge.jsonl', big);
      expect(problems(parsed)).toEqual([
        'huge.jsonl:1: file: 50.0 MB, more than the 32.0 MB a file may have; split it',
      ]);
    });

    it('a bad file among good ones: the others still import', async () => {
      const db = await freshDb();
      const files = [
        parse('one.jsonl', `${record({ id: 'lib-a' })}\n`),
        parse('bad.jsonl', `${record({ id: 'lib-b' })}\n{oops\n`),
        parse('two.md', MD("title: A readout\ndate: '2024-11-16'")),
      ];
      for (const f of files) await importFile(db, f);
      const titles = (await allArticles(db)).map((a) => a.title).sort();
      expect(titles).toEqual(['A readout', 'Envoys meet']);
      expect((await allArticles(db)).map((a) => a.id)).not.toContain('lib-b');
    });
  },
);

describe('good imports', { timeout: 60_000 }, () => {
  it('a saved HTML page reads as the content script reads it, with its address', () => {
    const html = `<!-- saved from url=(0040)https://www.courier.example/hotline.html -->\n${readFileSync(join(FIXTURES, 'outlet-c.html'), 'utf8')}`;
    const parsed = parse('Hotline talks.html', html);
    expect(parsed.ok, problems(parsed).join('\n')).toBe(true);
    if (!parsed.ok) return;
    const a = parsed.articles[0];
    expect(a?.title).toBe('Hotline talks back on: Rubio and Wang Yi pledge to keep channels open');
    expect(a?.urls).toEqual(['https://www.courier.example/hotline.html']);
    expect(a).toMatchObject({
      origin: 'imported',
      importedFrom: 'Hotline talks.html',
      kind: 'news',
    });
    expect(a?.quotes.length).toBeGreaterThanOrEqual(2);
  });
});

describe.skipIf(!existsSync(WH_DIR))('the 96 White House texts', () => {
  it('import as US official readouts; one is "what the governments said" for a Lima article; export → fresh import is deep-equal', async () => {
    const db = await freshDb();
    const files = markdownFiles(WH_DIR);
    expect(files).toHaveLength(96);
    for (const f of files) {
      const parsed = parseImportFile(f.slice(WH_DIR.length + 1), readFileSync(f), { now: NOW });
      expect(problems(parsed)).toEqual([]);
      await importFile(db, parsed);
    }
    const all = await allArticles(db);
    expect(all).toHaveLength(96);
    expect(all.every((a) => a.kind === 'official-readout' && a.government === 'US')).toBe(true);

    const bundled = seedCorpus();
    const live = new LiveIndex(bundled.index.match);
    for (const e of (await loadIndexEntries(db)).entries) live.add(e);
    const page = readPage('lima-meeting.html');
    const analysis = withSources(
      analyzeExtracted(page.extracted, page.detection, { ...bundled, match: live.index }),
      { library: live.sources, bundled: bundled.articles, index: live.index },
    );
    const official = analysis.official ?? [];
    const lima = official.find((o) => /Meeting with President Xi Jinping/.test(o.title));
    expect(lima, JSON.stringify(official.map((o) => o.title))).toBeDefined();
    expect(lima?.publishedAt).toBe('2024-11-16');
    expect(lima?.source).toMatchObject({ origin: 'imported', government: 'US' });
    expect(lima?.sentences.some((s) => /one China policy remains unchanged/.test(s.sentence))).toBe(
      true,
    );

    // Export, then import into a fresh library: identical, records and index alike.
    const exported = toJsonl(all);
    const fresh = await freshDb();
    const back = parse('backstory-library.jsonl', exported);
    expect(problems(back)).toEqual([]);
    await importFile(fresh, back);
    const sortById = <T extends { id: string }>(xs: T[]) =>
      [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(sortById(await allArticles(fresh))).toEqual(sortById(all));
    expect(sortById((await loadIndexEntries(fresh)).entries)).toEqual(
      sortById((await loadIndexEntries(db)).entries),
    );
  }, 120_000);
});

describe('storage faults', { timeout: 60_000 }, () => {
  it('quota exceeded: a clear message and nothing half-written', async () => {
    const db = await freshDb();
    const a = recordFromExtracted(
      readPage('outlet-a.html').extracted,
      'https://a.example/1',
      'saved',
    );
    await putArticles(db, [a], TABLES);
    const before = await snapshot(db);
    const parsed = parse(
      'two.jsonl',
      `${record({ id: 'lib-x' })}\n${record({ id: 'lib-y', title: 'Y' })}\n`,
    );
    if (!parsed.ok) throw new Error('expected a good file');
    // The second article's index entry does not fit.
    const proto = IDBObjectStore.prototype;
    const put = proto.put;
    let calls = 0;
    proto.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      calls += 1;
      if (calls === 4) throw new DOMException('quota', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      await expect(putArticles(db, parsed.articles, TABLES, { exact: true })).rejects.toThrow(
        /no more storage space.*nothing from this was stored/,
      );
    } finally {
      proto.put = put;
    }
    expect(calls).toBe(4);
    expect(await snapshot(db)).toEqual(before);
  });

  it('a corrupt index record is skipped and counted while the rest works', async () => {
    const db = await freshDb();
    const a = recordFromExtracted(
      readPage('outlet-a.html').extracted,
      'https://a.example/1',
      'saved',
    );
    const b = recordFromExtracted(
      readPage('outlet-b.html').extracted,
      'https://b.example/1',
      'saved',
    );
    await putArticles(db, [a, b], TABLES);
    await db.put('index', { id: a.id, doc: { id: a.id, terms: 'garbage' } } as never);
    const { entries, skipped } = await loadIndexEntries(db);
    expect(skipped).toBe(1);
    expect(entries.map((e) => e.id)).toEqual([b.id]);
    const bundled = seedCorpus();
    const live = new LiveIndex(bundled.index.match);
    for (const e of entries) live.add(e);
    const page = readPage('outlet-c.html');
    const related = analyzeExtracted(page.extracted, page.detection, {
      ...bundled,
      match: live.index,
    }).related;
    expect(related.map((r) => r.id)).toContain(b.id);
  });
});
