/**
 * Matching over a live index restored from a snapshot: the articles a page is compared with in
 * full (its ranked candidates) get their texts and quotes read from IndexedDB first, then the
 * synchronous analysis runs. A restarted worker so reads a compact snapshot and a few dozen
 * entries for its first match, never every article.
 */
import type { LoadedCorpus } from '../corpus/types.ts';
import { preparePage } from '../core/match/prepared-page.ts';
import type { MatchOptions } from '../core/match/options.ts';
import type { ExtractedArticle } from '../core/types.ts';
import type { LiveIndex } from './live-index.ts';
import { BodiesMissing } from './snapshot.ts';
import { readBodies, type LibraryDb } from './store.ts';

/** Runs after texts arrived but the index changed meanwhile: how many times to read again. */
const RETRIES = 3;

/**
 * Runs `run` over the live index without the articles `exclude`, after reading the texts and
 * quotes of the articles `plan` (run over the same index) says `run` will read. If the index
 * changed while they were read and `run` meets another article without them, those are read and
 * `run` runs again. Returns `run`'s result and how many damaged entries were dropped.
 */
export async function withBodies<T>(
  db: LibraryDb,
  live: LiveIndex,
  exclude: Iterable<string>,
  plan: () => Iterable<number>,
  run: () => T,
): Promise<{ result: T; skipped: number }> {
  const ex = [...exclude];
  let skipped = 0;
  for (let attempt = 0; ; attempt++) {
    const missing = live.bodiless === 0 ? [] : live.without(ex, () => live.missingBodies(plan()));
    if (missing.length > 0) skipped += await readBodies(db, live, missing);
    try {
      return { result: live.without(ex, run), skipped };
    } catch (err) {
      if (!(err instanceof BodiesMissing) || attempt >= RETRIES) throw err;
      skipped += await readBodies(db, live, err.ids);
    }
  }
}

/** The articles an analysis of this page compares in full: those ranked for it. */
export function comparedArticles(
  extracted: ExtractedArticle,
  corpus: LoadedCorpus,
  opts?: MatchOptions,
): number[] {
  return preparePage(extracted, corpus, opts).ranked.map((r) => r.doc);
}
