/**
 * The fixed tune/test rule of the fresh labelled sets (`eval/data/*-fresh.jsonl`), decided
 * before any tuning on them: the first byte of SHA-256("fresh-split:" + id), even → tune,
 * odd → test. Each row also carries its `split`; the evaluations check that the two agree, so
 * no row can move between halves after the fact.
 */
import { createHash } from 'node:crypto';

export type Half = 'tune' | 'test';

export function freshSplit(id: string): Half {
  const first = createHash('sha256').update(`fresh-split:${id}`).digest()[0] ?? 0;
  return first % 2 === 0 ? 'tune' : 'test';
}

/** Throws when a fresh row's stored split is not the rule's. */
export function checkFreshSplit(file: string, rows: { id: string; split: Half }[]): void {
  for (const r of rows) {
    if (r.split !== freshSplit(r.id)) {
      throw new Error(
        `${file}: row ${r.id} is in the ${r.split} half, the rule puts it in ${freshSplit(r.id)}`,
      );
    }
  }
}
