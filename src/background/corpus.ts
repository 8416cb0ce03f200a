/**
 * Loads the prebuilt corpus index once per service-worker life. The index ships as a JSON file
 * inside the extension (service workers may not `import()` chunks lazily); it is fetched from the
 * extension's own package on first use and parsed natively — never recomputed.
 */
import browser from '../browser.ts';
import { loadCorpus } from '../corpus/load.ts';
import type { CorpusIndex, LoadedCorpus } from '../corpus/types.ts';
import indexUrl from '../corpus/generated/corpus-index.json?url';

let loading: Promise<LoadedCorpus> | null = null;

async function fetchIndex(): Promise<CorpusIndex> {
  const response = await fetch(browser.runtime.getURL(indexUrl.replace(/^\//, '')));
  if (!response.ok) throw new Error(`corpus index missing from the package (${response.status})`);
  return (await response.json()) as CorpusIndex;
}

export function getCorpus(): Promise<LoadedCorpus> {
  loading ??= fetchIndex().then(loadCorpus);
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
