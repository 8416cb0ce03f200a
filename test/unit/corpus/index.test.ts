import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  buildCorpusIndex,
  corpusSourceHash,
  serializeCorpusIndex,
} from '../../../src/corpus/build-index.ts';
import { loadCorpus } from '../../../src/corpus/load.ts';
import {
  readBundledCorpus,
  bundledMatchTables,
  readBundledTables,
  readCorpusSources,
  readGeneratedIndexText,
} from '../../../src/corpus/node.ts';
import type { CorpusIndex } from '../../../src/corpus/types.ts';
import { parseDurationMinutes } from '../../../src/core/mentions/quantities.ts';

const sources = readCorpusSources();
const SEEDS = resolve(__dirname, '../../../../shared/seeds');

describe('bundled corpus sources', () => {
  it('are valid', () => {
    expect(sources.problems).toEqual([]);
  });

  it('hold the five seeds with titles and dates, inferred ones marked', () => {
    const byId = new Map(sources.articles.map((a) => [a.id, a]));
    expect([...byId.keys()]).toEqual([
      '000_413b31f82552ca23',
      '001_2fdb69479703806e',
      '002_ce92c921e6648354',
      '003_7d48d964e4f786ed',
      '004_869f1232419da740',
    ]);
    for (const a of sources.articles) {
      expect(a.title.length).toBeGreaterThan(10);
      expect(a.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(a.text.length).toBeGreaterThan(1000);
      // A date is either stated (a marker line) or inferred with its reason.
      expect(a.dateMarker ?? a.inferred.publishedAt).toBeTruthy();
    }
    expect(byId.get('004_869f1232419da740')?.inferred.publishedAt).toMatch(/567 million.*Sunday/);
    expect(byId.get('000_413b31f82552ca23')?.inferred.title).toBeTruthy();
    expect(byId.get('002_ce92c921e6648354')?.inferred.title).toBeUndefined();
  });

  it('name the outlet of every seed whose text names one, with the evidence for each', () => {
    const outlets = Object.fromEntries(sources.articles.map((a) => [a.id, a.outlet]));
    // 000 is CNN's report in translation; the others name no publisher of their own.
    expect(outlets).toEqual({
      '000_413b31f82552ca23': 'CNN',
      '001_2fdb69479703806e': null,
      '002_ce92c921e6648354': null,
      '003_7d48d964e4f786ed': null,
      '004_869f1232419da740': null,
    });
    for (const a of sources.articles) {
      // Every seed says why its outlet is what it is, or why it is unknown.
      expect(a.outletEvidence, a.id).toMatch(a.outlet ? /CNN/ : /^unknown outlet: /);
    }
    const index = buildCorpusIndex(sources.articles, sources.events, bundledMatchTables());
    const entry = index.articles.find((a) => a.id === '000_413b31f82552ca23');
    expect(entry?.outlet).toBe('CNN');
    expect(index.match.docs.find((d) => d.id === '000_413b31f82552ca23')?.outlet).toBe('CNN');
  });

  it.skipIf(!existsSync(SEEDS))('keep each seed text verbatim apart from the date marker', () => {
    for (const a of sources.articles) {
      const seed = readFileSync(join(SEEDS, `${a.id}.txt`), 'utf8').replace(
        /^\s*date \d{4}-\d{2}-\d{2}\s?/,
        '',
      );
      expect(seed.trim()).toBe(a.text.trim());
    }
  });

  it('hold the timeline the issue asks for, every event with a source', () => {
    const count = (pred: (k: string) => boolean) =>
      sources.events.filter((e) => pred(e.kind)).length;
    expect(count((k) => k === 'leader-call' || k === 'leader-meeting')).toBeGreaterThanOrEqual(14);
    expect(count((k) => k === 'senior-talks')).toBeGreaterThanOrEqual(12);
    expect(count((k) => k === 'taiwan-incursion')).toBeGreaterThanOrEqual(12);
    expect(count((k) => k === 'arms-sale')).toBeGreaterThanOrEqual(1);
    for (const e of sources.events) {
      expect(e.sources.length, e.id).toBeGreaterThan(0);
      for (const s of e.sources)
        if (!('corpusId' in s)) expect(new URL(s.url).protocol, e.id).toMatch(/^https?:$/);
    }
    const leaderDates = sources.events
      .filter((e) => e.kind.startsWith('leader-') && !e.partOf)
      .map((e) => e.date);
    for (const d of [
      '2021-02-10',
      '2021-09-09',
      '2021-11-15',
      '2022-03-18',
      '2022-07-28',
      '2022-11-14',
      '2023-11-15',
      '2024-04-02',
      '2024-11-16',
      '2025-01-17',
      '2025-06-05',
      '2025-09-19',
      '2025-10-30',
      '2025-11-24',
    ])
      expect(leaderDates).toContain(d);
    for (const e of sources.events.filter((x) => x.kind === 'taiwan-incursion'))
      expect(typeof e.figures.counted, e.id).toBe('string');
  });
  it('write durations the mention resolver can read', () => {
    for (const e of sources.events.filter((x) => x.duration !== null))
      expect(parseDurationMinutes(e.duration as string), `${e.id}: ${e.duration}`).not.toBeNull();
  });

  it('give every event its title and summary in Chinese, with its duration and figures', () => {
    const han = /\p{Script=Han}/u;
    // Three Latin words in a row would be an English sentence left untranslated.
    const english = /[A-Za-z]{2,}(?:[\s,]+[A-Za-z]{2,}){2,}/;
    const missing = sources.events.filter((e) => e.zh === undefined).map((e) => e.id);
    expect(missing).toEqual([]);
    for (const e of sources.events) {
      const zh = e.zh;
      if (!zh) continue;
      for (const text of [zh.title, zh.summary, zh.duration, ...Object.values(zh.figures ?? {})])
        if (text !== undefined) {
          expect(text, e.id).toMatch(han);
          expect(text, e.id).not.toMatch(english);
        }
      expect(zh.duration !== undefined, e.id).toBe(e.duration !== null);
      expect(Object.keys(zh.figures ?? {}), e.id).toEqual(Object.keys(e.figures));
    }
    // The index the service worker loads carries the Chinese text.
    const index = JSON.parse(readGeneratedIndexText()) as CorpusIndex;
    expect(index.events.filter((e) => !e.zh?.title || !e.zh.summary)).toEqual([]);
  });

  it('keep parts inside their larger event', () => {
    const byId = new Map(sources.events.map((e) => [e.id, e]));
    for (const e of sources.events.filter((x) => x.partOf !== undefined)) {
      const whole = byId.get(e.partOf as string);
      expect(whole, e.id).toBeDefined();
      expect(e.date >= (whole?.date ?? ''), e.id).toBe(true);
      expect((e.end ?? e.date) <= (whole?.end ?? whole?.date ?? ''), e.id).toBe(true);
    }
  });
});

describe('generated corpus index', () => {
  it('is up to date with its sources', () => {
    const fresh = serializeCorpusIndex(
      buildCorpusIndex(sources.articles, sources.events, bundledMatchTables()),
    );
    const committed = readGeneratedIndexText();
    expect(
      committed === fresh,
      'src/corpus/generated/corpus-index.json is out of date with its sources or builder: run `npx tsx scripts/build-index.ts`',
    ).toBe(true);
  });

  it('is deterministic and records the source hash', () => {
    const a = buildCorpusIndex(sources.articles, sources.events, bundledMatchTables());
    const b = buildCorpusIndex(
      [...sources.articles].reverse(),
      [...sources.events].reverse(),
      bundledMatchTables(),
    );
    expect(serializeCorpusIndex(a)).toBe(serializeCorpusIndex(b));
    expect(a.sourceHash).toBe(corpusSourceHash(sources.articles, sources.events));
    const changed = sources.events.map((e, i) =>
      i === 0 ? { ...e, summary: `${e.summary} ` } : e,
    );
    expect(corpusSourceHash(sources.articles, changed)).not.toBe(a.sourceHash);
  });

  it('loads into lookups without recomputing', () => {
    const corpus = readBundledCorpus();
    expect(corpus.articles.size).toBe(5);
    expect(corpus.eventsById.get('2021-09-09-biden-xi-call')?.duration).toBe('about 90 minutes');
    const dates = corpus.events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(corpus.match.docs).toHaveLength(5);
    expect(corpus.index.articles[0]).not.toHaveProperty('text');
  });

  it('refuses an index of another version', () => {
    const index = JSON.parse(readGeneratedIndexText()) as CorpusIndex;
    expect(() => loadCorpus({ ...index, version: 999 }, readBundledTables())).toThrow(/rebuild/);
  });

  it('links the seed mentions the issue names to the right events', () => {
    const { index } = readBundledCorpus();
    const linked = (articleId: string, sentencePart: string) =>
      (index.mentions[articleId] ?? [])
        .filter((m) => m.sentence.includes(sentencePart))
        .map((m) => m.eventId);
    expect(linked('000_413b31f82552ca23', 'lasted about 90 minutes')).toEqual([
      '2021-09-09-biden-xi-call',
    ]);
    expect(linked('000_413b31f82552ca23', 'two hours in February')).toEqual([
      '2021-02-10-biden-xi-call',
    ]);
    expect(linked('000_413b31f82552ca23', 'six-hour meeting')).toEqual([
      '2021-10-06-sullivan-yang-zurich',
      '2021-10-01-pla-national-day-surge',
    ]);
    expect(linked('001_2fdb69479703806e', 'six-hour meeting')).toEqual([
      '2021-10-06-sullivan-yang-zurich',
      '2021-10-01-pla-national-day-surge',
    ]);
    expect(linked('002_ce92c921e6648354', 'the October meeting in Zurich').sort()).toEqual([
      '2021-03-18-anchorage',
      '2021-10-06-sullivan-yang-zurich',
    ]);
    expect(linked('003_7d48d964e4f786ed', 'record number of incursions')).toEqual([
      '2021-10-01-pla-national-day-surge',
    ]);
    expect(linked('004_869f1232419da740', 'last conversation in April 2024').sort()).toEqual([
      '2023-11-15-biden-xi-woodside',
      '2024-04-02-biden-xi-call',
    ]);
    expect(linked('004_869f1232419da740', 'approved $567 million')).toEqual([
      '2024-09-29-taiwan-drawdown-567m',
    ]);
  });
});
