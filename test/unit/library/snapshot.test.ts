/**
 * The live index snapshot: a worker restarted from the snapshot plus the change log answers
 * exactly as one that read every article's entry; a damaged snapshot, or one built over another
 * bundled corpus, is not used; a snapshot write and the log stay consistent.
 */
import { describe, expect, it } from 'vitest';
import { analyzeExtracted } from '../../../src/core/analyze.ts';
import type { LoadedCorpus } from '../../../src/corpus/types.ts';
import { LiveIndex } from '../../../src/library/live-index.ts';
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

/** The analysis a worker gives with this live index (sources included). */
function analyse(bundled: LoadedCorpus, live: LiveIndex) {
  const page = readPage(QUERY, 'http://127.0.0.1:9/c/hotline-talks-back-on.html');
  const corpus = { ...bundled, match: live.index };
  return withSources(analyzeExtracted(page.extracted, page.detection, corpus), {
    library: live.sources,
    bundled: bundled.articles,
    index: live.index,
  });
}

/** The reference: every stored entry read and added one by one. */
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
    const reference = analyse(bundled, await fromEntries(db, bundled));
    expect(reference.related.filter((r) => r.origin === 'remembered')).toHaveLength(2);
    expect(analyse(bundled, restored.live)).toEqual(reference);

    // Changes after the snapshot: one new article, one read again.
    await store(db, 'lima-meeting.html', 2);
    await store(db, 'outlet-b.html', 1);
    expect(await pendingChanges(db)).toBe(2);
    const replayed = await loadLiveIndex(db, bundled.index.match);
    expect(replayed.from).toBe('snapshot');
    expect(replayed.replayed).toBe(2);
    expect(replayed.live.size).toBe(3);
    expect(analyse(bundled, replayed.live)).toEqual(
      analyse(bundled, await fromEntries(db, bundled)),
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
    const withoutA = analyse(bundled, await fromEntries(db, bundled));
    expect(withoutA.related.some((x) => x.url?.includes('outlet-a'))).toBe(false);
    expect(analyse(bundled, again.live)).toEqual(withoutA);

    // Forgetting drops the snapshot (it held the forgotten text) in the same transaction.
    expect(await db.get('snapshot', 'live')).toBeUndefined();
    const afterForget = await loadLiveIndex(db, bundled.index.match);
    expect(afterForget.from).toBe('entries');
    expect(analyse(bundled, afterForget.live)).toEqual(withoutA);
  });

  it('a damaged snapshot, or one over another bundled corpus, is not used', async () => {
    const bundled = seedCorpus();
    const db = await freshDb();
    for (const [i, name] of PAGES.entries()) await store(db, name, i);
    await saveSnapshot(db, (await loadLiveIndex(db, bundled.index.match)).live);
    const reference = analyse(bundled, await fromEntries(db, bundled));

    const snap = await db.get('snapshot', 'live');
    if (!snap) throw new Error('no snapshot written');
    await db.put('snapshot', { ...snap, postings: [1, 2, 3] } as never, 'live');
    const damaged = await loadLiveIndex(db, bundled.index.match);
    expect(damaged.from).toBe('entries');
    expect(analyse(bundled, damaged.live)).toEqual(reference);

    await db.put('snapshot', { ...snap, bundled: 'another corpus' }, 'live');
    const other = await loadLiveIndex(db, bundled.index.match);
    expect(other.from).toBe('entries');
    expect(analyse(bundled, other.live)).toEqual(reference);
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
    expect(analyse(bundled, restored.live)).toEqual(analyse(bundled, live));
  });
});
