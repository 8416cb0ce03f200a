/** The snapshot's compact parts: variable-length integers and the entity table read in place. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EntityCounts, isEntityTable } from '../../../src/library/entity-counts.ts';
import {
  ByteWriter,
  readDeltaPairs,
  readDeltas,
  writeDeltaPairs,
  writeDeltas,
} from '../../../src/library/varint.ts';

const int32 = fc.integer({ min: -(2 ** 30), max: 2 ** 30 });
const count = fc.integer({ min: 0, max: 2 ** 31 });

describe('variable-length integers', () => {
  it('read back as written, in order, whatever their signs and sizes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(int32, count)), fc.array(int32), (pairs, values) => {
        const w = new ByteWriter(4);
        writeDeltaPairs(w, pairs.flat());
        const mid = w.length;
        writeDeltas(w, values);
        const bytes = w.done();
        expect(readDeltaPairs(bytes, 0, mid)).toEqual(pairs.flat());
        expect(readDeltas(bytes, mid, bytes.length)).toEqual(values);
      }),
    );
  });

  it('take one byte for a small number, and say so when cut short', () => {
    const w = new ByteWriter();
    writeDeltaPairs(w, [3, 1, 5, 2, 300, 1]);
    const bytes = w.done();
    expect(bytes.length).toBe(7); // 3, 1, +2, 2, +295 (two bytes), 1
    expect(() => readDeltaPairs(bytes, 0, 5)).toThrow(RangeError);
    expect(() => new ByteWriter().uint(-1)).toThrow(RangeError);
  });
});

describe('entity counts', () => {
  it('count as a plain record does, restored from their table or not, after changes', () => {
    const names = fc.constantFrom('xi', 'wang yi', 'biden', 'qin gang', 'año', '王毅', 'a b c');
    fc.assert(
      fc.property(
        fc.dictionary(names, fc.integer({ min: 1, max: 9 })),
        fc.array(fc.tuple(names, fc.constantFrom(1, -1))),
        (start, changes) => {
          const record: Record<string, number> = { ...start };
          const live = new EntityCounts(start);
          const restored = new EntityCounts(new EntityCounts(start).table());
          for (const [e, n] of changes) {
            if ((record[e] ?? 0) + n < 0) continue; // an article is never forgotten twice
            record[e] = (record[e] ?? 0) + n;
            live.add(e, n);
            restored.add(e, n);
          }
          for (const e of ['xi', 'wang yi', 'biden', 'qin gang', 'año', '王毅', 'a b c', 'zz']) {
            expect(live.get(e)).toBe(record[e] ?? 0);
            expect(restored.get(e)).toBe(record[e] ?? 0);
          }
          const kept = Object.fromEntries(Object.entries(record).filter(([, n]) => n > 0));
          expect(restored.record()).toEqual(kept);
          expect(isEntityTable(restored.table())).toBe(true);
        },
      ),
    );
  });

  it('a damaged table is not taken for one', () => {
    const t = new EntityCounts({ xi: 2, biden: 1 }).table();
    expect(isEntityTable(t)).toBe(true);
    expect(isEntityTable({ ...t, text: t.text.slice(1) })).toBe(false);
    expect(isEntityTable({ ...t, counts: new Int32Array(1) })).toBe(false);
    expect(isEntityTable({ ...t, ends: Array.from(t.ends) })).toBe(false);
  });
});
