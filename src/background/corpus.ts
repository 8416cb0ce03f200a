/**
 * Loads the prebuilt corpus index once per service-worker life. The index is its own chunk
 * (a JSON.parse of a string, see vite.config.ts), loaded on first use, not at worker start.
 */
import { loadCorpus } from '../corpus/load.ts';
import type { CorpusIndex, LoadedCorpus } from '../corpus/types.ts';

let loading: Promise<LoadedCorpus> | null = null;

export function getCorpus(): Promise<LoadedCorpus> {
  loading ??= import('../corpus/generated/corpus-index.json').then((m) =>
    loadCorpus(m.default as unknown as CorpusIndex),
  );
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
