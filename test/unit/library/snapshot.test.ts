/**
 * The live index snapshot: a worker restarted from the snapshot plus the change log answers
 * exactly as one that read every article's entry; a damaged snapshot, or one built over another
 * bundled corpus, is not used; a snapshot write and the log stay consistent.
 */
import { describe, expect, it } from 'vitest';
import { analyzeExtracted } from '../../../src/core/analyze.ts';
import type { LoadedCorpus } from '../../../src/corpus/types.ts';
import { preparePage } from '../../../src/core/match/prepared-page.ts';
import { comparedArticles, withBodies } from '../../../src/library/bodies.ts';
import { LiveIndex } from '../../../src/library/live-index.ts';
import { BodiesMissing, SNAPSHOT_FORMAT } from '../../../src/library/snapshot.ts';
import { recordFromExtracted } from '../../../src/library/record.ts';
import { withSources } from '../../../src/library/sources.ts';
import {
  forgetArticles,
  loadIndexEntries,
  loadLiveIndex,
  pendingChanges,
  putArticles,
  saveSnapshot,
  type LibraryDb,
} from '../../../src/library/store.ts';
import { seedCorpus } from '../helpers/seed-corpus.ts';
import { freshDb, readPage } from './helpers.ts';
import { bundledMatchTables } from '../../../src/corpus/node.ts';

const TABLES = bundledMatchTables();

const PAGES = ['outlet-a.html', 'outlet-b.html', 'lima-meeting.html'];
const QUERY = 'outlet-c.html';

async function store(db: LibraryDb, name: string, i: number) {
  const page = readPage(name, `https://site-${i}.example/${name}`);
  return putArticles(
    db,
    [recordFromExtracted(page.extracted, `https://site-${i}.example/${name}`, 'remembered')],
    TABLES,
  );
}

/**
 * The analysis a worker gives with this live index (sources included), the texts of the
 * articles it compares read first as the worker reads them.
 */
async function analyse(db: LibraryDb, bundled: LoadedCorpus, live: LiveIndex) {
  const page = readPage(QUERY, 'http://127.0.0.1:9/c/hotline-talks-back-on.html');
  const corpus = { ...bundled, match: live.index };
  const { result } = await withBodies(
    db,
    live,
    [],
    () => comparedArticles(page.extracted, corpus),
    () =>
      withSources(analyzeExtracted(page.extracted, page.detection, corpus), {
        library: live.sources,
        bundled: bundled.articles,
        index: live.index,
      }),
  );
  return result;
}

/** The reference: every stored entry read and added one by one. */
/** A library of the three PAGES over the seed corpus, with its index snapshot written. */
async function snapshotOfThePages(): Promise<{ bundled: LoadedCorpus; db: LibraryDb }> {
  const bundled = seedCorpus();
  const db = await freshDb();
  for (const [i, name] of PAGES.entries()) await store(db, name, i);
  await saveSnapshot(db, (await loadLiveIndex(db, bundled.index.match)).live);
  return { bundled, db };
}

async function fromEntries(db: LibraryDb, bundled: LoadedCorpus): Promise<LiveIndex> {
  const live = new LiveIndex(bundled.index.match);
  for (const e of (await loadIndexEntries(db)).entries) live.add(e);
  return live;
}

describe('the live index snapshot', { timeout: 60_000 }, () => {
  it('a restart from the snapshot and the log after it answers as reading every entry', async () => {
    const bundled = seedCorpus();
    const db = await freshDb();
    await store(db, 'outlet-a.html', 0);
    await store(db, 'outlet-b.html', 1);
    const first = await loadLiveIndex(db, bundled.index.match);
    expect(first.from).toBe('entries');
    await saveSnapshot(db, first.live);
    expect(await pendingChanges(db)).toBe(0);

    const restored = await loadLiveIndex(db, bundled.index.match);
    expect(restored.from).toBe('snapshot');
    expect(restored.live.packed).toBe(2);
    const reference = await analyse(db, bundled, await fromEntries(db, bundled));
    expect(reference.related.filter((r) => r.origin === 'remembered')).toHaveLength(2);
    expect(await analyse(db, bundled, restored.live)).toEqual(reference);

    // Changes after the snapshot: one new article, one read again.
    await store(db, 'lima-meeting.html', 2);
    await store(db, 'outlet-b.html', 1);
    expect(await pendingChanges(db)).toBe(2);
    const replayed = await loadLiveIndex(db, bundled.index.match);
    expect(replayed.from).toBe('snapshot');
    expect(replayed.replayed).toBe(2);
    expect(replayed.live.size).toBe(3);
    expect(await analyse(db, bundled, replayed.live)).toEqual(
      await analyse(db, bundled, await fromEntries(db, bundled)),
    );

    // A snapshot of a restored index (packed articles repacked) is the same again, and adding to
    // and forgetting from a restored index works as on a fresh one.
    await saveSnapshot(db, replayed.live);
    const again = await loadLiveIndex(db, bundled.index.match);
    expect(again.replayed).toBe(0);
    expect(again.live.packed).toBe(3);
    const r = await store(db, 'outlet-a.html', 9);
    for (const e of r.entries) again.live.add(e);
    const [idA] = await forgetArticles(db, { ids: [r.entries[0]?.id ?? ''] });
    again.live.remove(idA ?? '');
    const withoutA = await analyse(db, bundled, await fromEntries(db, bundled));
    expect(withoutA.related.some((x) => x.url?.includes('outlet-a'))).toBe(false);
    expect(await analyse(db, bundled, again.live)).toEqual(withoutA);

    // Forgetting drops the snapshot (it held the forgotten titles and names) in the same transaction.
    expect(await db.get('snapshot', 'live')).toBeUndefined();
    const afterForget = await loadLiveIndex(db, bundled.index.match);
    expect(afterForget.from).toBe('entries');
    expect(await analyse(db, bundled, afterForget.live)).toEqual(withoutA);
  });

  it('a restart reads no article text from the snapshot, only those of the articles compared', async () => {
    const { bundled, db } = await snapshotOfThePages();
    const snap = await db.get('snapshot', 'live');
    if (!snap) throw new Error('no snapshot written');
    const entries = (await loadIndexEntries(db)).entries;
    const sentence = entries[0]?.doc.text.slice(0, 60) ?? '';
    expect(sentence.length).toBe(60);
    expect(new TextDecoder().decode(snap.strings)).not.toContain(sentence);

    const restored = await loadLiveIndex(db, bundled.index.match);
    expect(restored.live.bodiless).toBe(3);
    // The matcher never works on an article whose text it has not got: it says so.
    const page = readPage(QUERY);
    const corpus = { ...bundled, match: restored.live.index };
    expect(() => analyzeExtracted(page.extracted, page.detection, corpus)).toThrow(BodiesMissing);
    const compared = comparedArticles(page.extracted, corpus);
    const fromLibrary = compared.filter((di) => di >= bundled.index.match.docs.length);
    expect(restored.live.missingBodies(compared)).toHaveLength(fromLibrary.length);
    const analysis = await analyse(db, bundled, restored.live);
    expect(restored.live.missingBodies(compared)).toHaveLength(0);
    expect(restored.live.bodiless).toBe(3 - fromLibrary.length);
    expect(analysis).toEqual(await analyse(db, bundled, await fromEntries(db, bundled)));
  });

  it('an entry damaged after the snapshot is left out when its text is read, the rest works', async () => {
    const { bundled, db } = await snapshotOfThePages();
    const outletA = (await loadIndexEntries(db)).entries.find((e) =>
      e.source.url?.includes('outlet-a'),
    );
    if (!outletA) throw new Error('outlet-a not stored');
    await db.put('index', { ...outletA, doc: { ...outletA.doc, text: 42 } } as never);

    const restored = await loadLiveIndex(db, bundled.index.match);
    const page = readPage(QUERY, 'http://127.0.0.1:9/c/hotline-talks-back-on.html');
    const corpus = { ...bundled, match: restored.live.index };
    const { result, skipped } = await withBodies(
      db,
      restored.live,
      [],
      () => comparedArticles(page.extracted, corpus),
      () => analyzeExtracted(page.extracted, page.detection, corpus),
    );
    expect(skipped).toBe(1);
    expect(restored.live.has(outletA.id)).toBe(false);
    const remembered = result.related.filter((r) => r.id !== outletA.id && r.id.length > 0);
    expect(result.related.some((r) => r.id === outletA.id)).toBe(false);
    expect(remembered.length).toBeGreaterThan(0);
    // As a worker that read every entry (and skipped the damaged one) answers.
    const reference = await fromEntries(db, bundled);
    expect(reference.has(outletA.id)).toBe(false);
    expect(result).toEqual(
      analyzeExtracted(page.extracted, page.detection, { ...bundled, match: reference.index }),
    );
  });

  it('a damaged snapshot, or one over another bundled corpus, is not used', async () => {
    const { bundled, db } = await snapshotOfThePages();
    const reference = await analyse(db, bundled, await fromEntries(db, bundled));

    const snap = await db.get('snapshot', 'live');
    if (!snap) throw new Error('no snapshot written');
    await db.put('snapshot', { ...snap, postings: [1, 2, 3] } as never, 'live');
    const damaged = await loadLiveIndex(db, bundled.index.match);
    expect(damaged.from).toBe('entries');
    expect(await analyse(db, bundled, damaged.live)).toEqual(reference);

    await db.put('snapshot', { ...snap, bundled: 'another corpus' }, 'live');
    const other = await loadLiveIndex(db, bundled.index.match);
    expect(other.from).toBe('entries');
    expect(await analyse(db, bundled, other.live)).toEqual(reference);
  });

  it('a snapshot of the former format is not read: the library loads from its entries, and the next one is read', async () => {
    const { bundled, db } = await snapshotOfThePages();
    const reference = await analyse(db, bundled, await fromEntries(db, bundled));
    const snap = await db.get('snapshot', 'live');
    if (!snap) throw new Error('no snapshot written');
    expect(snap.format).toBe(SNAPSHOT_FORMAT);
    // Format 2: the same record with 32-bit postings and entity names as JSON.
    const former = {
      ...snap,
      format: 2,
      postings: new Int32Array(4),
      entityNames: '[]',
      entityCounts: new Int32Array(0),
    };
    await db.put('snapshot', former as never, 'live');
    const old = await loadLiveIndex(db, bundled.index.match);
    expect(old.from).toBe('entries');
    expect(await analyse(db, bundled, old.live)).toEqual(reference);
    // The worker writes a new snapshot after such a load; a restart then reads it.
    await saveSnapshot(db, old.live);
    expect((await db.get('snapshot', 'live'))?.format).toBe(SNAPSHOT_FORMAT);
    const next = await loadLiveIndex(db, bundled.index.match);
    expect(next.from).toBe('snapshot');
    expect(await analyse(db, bundled, next.live)).toEqual(reference);
  });

  it('a restart decodes the postings of the terms its first match reads, not all of them', async () => {
    const { bundled, db } = await snapshotOfThePages();
    const restored = await loadLiveIndex(db, bundled.index.match);
    const postings = restored.live.index.data.postings;
    const decoded = () => Object.keys(postings).length;
    expect(decoded()).toBe(0);
    await analyse(db, bundled, restored.live);
    expect(decoded()).toBeGreaterThan(0);
    expect(decoded()).toBeLessThan(postings.length / 2);
  });

  it('the ranking made to plan which texts to read serves the analysis, while the index stays the same', async () => {
    const bundled = seedCorpus();
    const db = await freshDb();
    await store(db, PAGES[0] as string, 0);
    const { live } = await loadLiveIndex(db, bundled.index.match);
    const page = readPage(QUERY);
    const corpus = { ...bundled, match: live.index };
    const planned = preparePage(page.extracted, corpus);
    expect(preparePage(page.extracted, corpus)).toBe(planned);
    // Another state of the index (an article added) is ranked anew, and finds the new article.
    const r = await store(db, PAGES[1] as string, 1);
    for (const e of r.entries) live.add(e);
    const after = preparePage(page.extracted, corpus);
    expect(after).not.toBe(planned);
    const ids = (p: typeof after) => p.ranked.map((x) => live.index.docs[x.doc]?.id);
    expect(ids(after)).toContain(r.entries[0]?.id);
    expect(ids(planned)).not.toContain(r.entries[0]?.id);
    // Other options are ranked anew too.
    expect(preparePage(page.extracted, corpus, { exclude: new Set(['x']) })).not.toBe(after);
  });

  it('a failed snapshot write leaves the old snapshot and the whole log', async () => {
    const bundled = seedCorpus();
    const db = await freshDb();
    await store(db, PAGES[0] as string, 0);
    const { live } = await loadLiveIndex(db, bundled.index.match);
    await saveSnapshot(db, live);
    const r = await store(db, PAGES[1] as string, 1);
    for (const e of r.entries) live.add(e);
    const broken = Object.create(live) as LiveIndex;
    broken.snapshot = () => {
      throw new Error('simulated failure while packing');
    };
    await expect(saveSnapshot(db, broken)).rejects.toThrow('simulated failure');
    expect(await pendingChanges(db)).toBe(1);
    const restored = await loadLiveIndex(db, bundled.index.match);
    expect(restored.from).toBe('snapshot');
    expect(restored.replayed).toBe(1);
    expect(await analyse(db, bundled, restored.live)).toEqual(await analyse(db, bundled, live));
  });
});
