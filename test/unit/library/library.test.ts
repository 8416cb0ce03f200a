/**
 * The library's store and live index with the real matcher: remembered readings are matched
 * with their origin and address, re-reading never duplicates, forgetting removes them from the
 * next analysis, and a reloaded index answers exactly as the incrementally built one.
 */
import { describe, expect, it } from 'vitest';
import { analyzeExtracted } from '../../../src/core/analyze.ts';
import { buildMatchIndex, hydrateMatchIndex } from '../../../src/core/match-index.ts';
import { identifyCorpusArticle } from '../../../src/core/match/identify.ts';
import { prepareQuery } from '../../../src/core/match/retrieval.ts';
import { LiveIndex, indexEntryFor, matchDocOf } from '../../../src/library/live-index.ts';
import { recordFromExtracted } from '../../../src/library/record.ts';
import { withSources } from '../../../src/library/sources.ts';
import {
  allArticles,
  forgetArticles,
  loadIndexEntries,
  putArticles,
  type LibraryDb,
} from '../../../src/library/store.ts';
import type { LoadedCorpus } from '../../../src/corpus/types.ts';
import { seedCorpus } from '../helpers/seed-corpus.ts';
import { freshDb, readPage } from './helpers.ts';
import { bundledMatchTables } from '../../../src/corpus/node.ts';

const TABLES = bundledMatchTables();

async function libraryCorpus(db: LibraryDb): Promise<{ corpus: LoadedCorpus; live: LiveIndex }> {
  const bundled = seedCorpus();
  const live = new LiveIndex(bundled.index.match);
  for (const e of (await loadIndexEntries(db)).entries) live.add(e);
  return { corpus: { ...bundled, match: live.index }, live };
}

function analyse(name: string, url: string, corpus: LoadedCorpus, live: LiveIndex) {
  const page = readPage(name, url);
  const analysis = analyzeExtracted(page.extracted, page.detection, corpus);
  return withSources(analysis, {
    library: live.sources,
    bundled: corpus.articles,
    index: live.index,
  });
}

async function remember(db: LibraryDb, name: string, url: string, live?: LiveIndex) {
  const page = readPage(name, url);
  expect(page.detection.label).toBe('us-china-diplomacy');
  const r = await putArticles(db, [recordFromExtracted(page.extracted, url, 'remembered')], TABLES);
  for (const e of r.entries) live?.add(e);
  return r;
}

const A = 'http://127.0.0.1:9/a/rubio-wang-hotline.html';
const B = 'http://localhost:9/b/us-china-hotline-talks.html';
const C = 'http://127.0.0.1:9/c/hotline-talks-back-on.html';

describe('matching across the bundled corpus and the library', { timeout: 60_000 }, () => {
  it('lists two remembered outlets as the same story, with origin and address, and matches quotes', async () => {
    const db = await freshDb();
    await remember(db, 'outlet-a.html', A);
    await remember(db, 'outlet-b.html', B);
    const { corpus, live } = await libraryCorpus(db);
    const analysis = analyse('outlet-c.html', C, corpus, live);
    const same = analysis.related.filter((r) => r.relation === 'same-story');
    expect(same.map((r) => [r.origin, r.url]).sort()).toEqual([
      ['remembered', A],
      ['remembered', B],
    ]);
    const matched = analysis.quotes.filter((q) => q.matches.some((m) => m.origin === 'remembered'));
    expect(matched.length).toBeGreaterThanOrEqual(2);
    const wordings = matched.flatMap((q) => q.matches.map((m) => m.text));
    expect(wordings.some((w) => /cost of silence is much higher/.test(w))).toBe(true);
    for (const q of matched) for (const m of q.matches) expect([A, B]).toContain(m.url);
  });

  it('bundled items say so', async () => {
    const db = await freshDb();
    const { corpus, live } = await libraryCorpus(db);
    const seedPage = readPage('outlet-a.html');
    const first = [...corpus.articles.values()][0];
    expect(first).toBeDefined();
    const analysis = withSources(
      {
        ...analyzeExtracted(seedPage.extracted, seedPage.detection, corpus),
        related: [
          {
            id: first?.id ?? '',
            title: 't',
            publishedAt: null,
            relation: 'related',
            score: 1,
            why: [],
          },
        ],
      },
      { library: live.sources, bundled: corpus.articles, index: live.index },
    );
    expect(analysis.related[0]?.origin).toBe('bundled');
    expect(analysis.related[0]?.url).toBe(first?.url ?? null);
  });

  it('never lists the page itself, and reading it again updates it without duplicating', async () => {
    const db = await freshDb();
    await remember(db, 'outlet-a.html', A);
    const again = await remember(db, 'outlet-a.html', A);
    expect(again).toMatchObject({ added: 0, updated: 1 });
    // The same text under another address (syndication) is the same article with both addresses.
    const other = 'http://localhost:9/syndicated/a.html';
    await remember(db, 'outlet-a.html', other);
    const all = await allArticles(db);
    expect(all).toHaveLength(1);
    expect(all[0]?.urls.sort()).toEqual([A, other].sort());
    const { corpus, live } = await libraryCorpus(db);
    const analysis = analyse('outlet-a.html', A, corpus, live);
    expect(analysis.related.map((r) => r.id)).not.toContain(all[0]?.id);
  });

  it('reading a page again gives the analysis its first reading gave (its copy left out)', async () => {
    const db = await freshDb();
    const first = await libraryCorpus(db);
    const before = analyse('outlet-a.html', A, first.corpus, first.live);
    const r = await remember(db, 'outlet-a.html', A, first.live);
    const id = r.stored[0]?.id ?? '';
    const page = readPage('outlet-a.html', A);
    const again = first.live.without([id], () =>
      withSources(analyzeExtracted(page.extracted, page.detection, first.corpus), {
        library: first.live.sources,
        bundled: first.corpus.articles,
        index: first.live.index,
      }),
    );
    expect(again).toEqual(before);
    expect(first.live.has(id)).toBe(true);
  });

  it('after forgetting one, it is gone from the next analysis (store and live index)', async () => {
    const db = await freshDb();
    const { live, corpus } = await libraryCorpus(db);
    const a = await remember(db, 'outlet-a.html', A, live);
    await remember(db, 'outlet-b.html', B, live);
    const idA = a.stored[0]?.id ?? '';
    const before = analyse('outlet-c.html', C, corpus, live);
    expect(before.related.map((r) => r.id)).toContain(idA);
    const gone = await forgetArticles(db, { ids: [idA] });
    for (const id of gone) live.remove(id);
    const after = analyse('outlet-c.html', C, corpus, live);
    expect(after.related.map((r) => r.id)).not.toContain(idA);
    expect(after.related.some((r) => r.url === B)).toBe(true);
    for (const q of after.quotes) for (const m of q.matches) expect(m.articleId).not.toBe(idA);
    // A restarted worker sees the same.
    const reloaded = await libraryCorpus(db);
    expect(analyse('outlet-c.html', C, reloaded.corpus, reloaded.live)).toEqual(after);
  });
});

describe('the live index', { timeout: 60_000 }, () => {
  it('after adds and removes, ranks exactly as an index rebuilt from the remaining articles', async () => {
    const bundled = seedCorpus();
    const pages = ['outlet-a.html', 'outlet-b.html', 'outlet-c.html', 'lima-meeting.html'].map(
      (n, i) => recordFromExtracted(readPage(n).extracted, `https://x.example/${i}`, 'remembered'),
    );
    const live = new LiveIndex(bundled.index.match);
    for (const p of pages) live.add(indexEntryFor(p, TABLES));
    live.remove(pages[1]?.id ?? '');
    live.remove(pages[0]?.id ?? '');
    live.add(indexEntryFor(pages[0] as (typeof pages)[number], TABLES));
    const kept = [pages[2], pages[3], pages[0]].filter((p) => p !== undefined);
    const rebuilt = hydrateMatchIndex(
      buildMatchIndex(
        [...bundled.index.match.docs.map((d) => ({ ...d })), ...kept.map(matchDocOf)],
        TABLES,
      ),
    );
    expect(live.index.N).toBe(rebuilt.N);
    expect(live.index.avgLen).toBeCloseTo(rebuilt.avgLen, 9);
    const query = readPage('outlet-b.html');
    const run = (index: typeof rebuilt) =>
      analyzeExtracted(query.extracted, query.detection, { ...bundled, match: index }).related.map(
        (r) => [r.id, r.relation, r.score],
      );
    expect(run(live.index)).toEqual(run(rebuilt));
    expect(run(live.index).length).toBeGreaterThan(0);
  });

  it('weighs terms and articles as the index is now, not as a query before a change saw it', async () => {
    const bundled = seedCorpus();
    const pages = ['outlet-a.html', 'outlet-c.html', 'lima-meeting.html'].map((n, i) =>
      recordFromExtracted(readPage(n).extracted, `https://y.example/${i}`, 'remembered'),
    );
    const query = readPage('outlet-b.html');
    const run = (match: LoadedCorpus['match']) =>
      JSON.stringify(analyzeExtracted(query.extracted, query.detection, { ...bundled, match }));
    const rebuiltFrom = (kept: typeof pages) =>
      hydrateMatchIndex(
        buildMatchIndex(
          [...bundled.index.match.docs.map((d) => ({ ...d })), ...kept.map(matchDocOf)],
          TABLES,
        ),
      );
    const live = new LiveIndex(bundled.index.match);
    for (const p of pages) live.add(indexEntryFor(p, TABLES));
    const before = run(live.index);
    expect(before).toBe(run(rebuiltFrom(pages)));
    // Replacing an article keeps the number of articles but changes the terms' counts.
    const shorter = { ...(pages[0] as (typeof pages)[number]), paragraphs: ['Talks went on.'] };
    live.add(indexEntryFor(shorter, TABLES));
    const after = run(live.index);
    expect(after).toBe(
      run(rebuiltFrom([pages[2], pages[1], shorter].filter((p) => p !== undefined))),
    );
    expect(after).not.toBe(before);
  });

  it('knows a page as a library article by its text from the moment it is added until it is forgotten', () => {
    const bundled = seedCorpus();
    const pages = ['outlet-a.html', 'lima-meeting.html'].map((n, i) => {
      const read = readPage(n);
      return {
        page: read.extracted,
        record: recordFromExtracted(read.extracted, `https://z.example/${i}`, 'remembered'),
      };
    });
    const [a, b] = pages as [(typeof pages)[number], (typeof pages)[number]];
    const live = new LiveIndex(bundled.index.match);
    const corpus = { ...bundled, match: live.index };
    // By the text's fingerprint alone: no near-duplicate candidates (an empty pool).
    const byText = (p: (typeof pages)[number]) =>
      identifyCorpusArticle(p.page, corpus, undefined, prepareQuery(live.index, ''), []);
    // Asked of the same index object before and after adding, and after forgetting (which
    // moves the last article into the forgotten one's place): what it remembers of one state
    // must not answer for the next.
    expect(byText(a)).toBeNull();
    live.add(indexEntryFor(a.record, TABLES));
    live.add(indexEntryFor(b.record, TABLES));
    expect(byText(a)).toBe(a.record.id);
    expect(byText(b)).toBe(b.record.id);
    live.remove(a.record.id);
    expect(byText(a)).toBeNull();
    expect(byText(b)).toBe(b.record.id);
  });
});
