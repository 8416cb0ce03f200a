/**
 * Loads the corpus once per service-worker life: the prebuilt index, and the lexicon, synonym
 * table and Chinese dictionary (CC-CEDICT glosses) that detection, names, event mentions and
 * quote matching need, which travel in the corpus (`corpus.tables`). All ship as JSON files
 * inside the extension (service workers may not `import()` chunks lazily, and data kept out of the code keeps the worker's start cheap); they
 * are fetched from the extension's own package on first use and parsed natively, never
 * recomputed.
 */
import browser from '../browser.ts';
import { fetchLexicon } from '../core/lexicon.ts';
import type { SynonymTable } from '../core/synonyms.ts';
import type { ZhGlossTable } from '../core/zh-gloss.ts';
import { loadCorpus } from '../corpus/load.ts';
import type { CorpusIndex, LoadedCorpus } from '../corpus/types.ts';
import indexUrl from '../corpus/generated/corpus-index.json?url';
import synonymsUrl from '../core/generated/synonyms.json?url';
import zhGlossUrl from '../core/generated/zh-gloss.json?url';

let loading: Promise<LoadedCorpus> | null = null;

async function fetchPackaged<T>(path: string, what: string): Promise<T> {
  const response = await fetch(browser.runtime.getURL(path.replace(/^\//, '')));
  if (!response.ok) throw new Error(`${what} missing from the package (${response.status})`);
  return (await response.json()) as T;
}

async function load(): Promise<LoadedCorpus> {
  const [index, synonyms, zhGloss, lexicon] = await Promise.all([
    fetchPackaged<CorpusIndex>(indexUrl, 'corpus index'),
    fetchPackaged<SynonymTable>(synonymsUrl, 'synonym table'),
    fetchPackaged<ZhGlossTable>(zhGlossUrl, 'Chinese dictionary'),
    fetchLexicon(),
  ]);
  return loadCorpus(index, { lexicon, synonyms, zhGloss });
}

export function getCorpus(): Promise<LoadedCorpus> {
  loading ??= load();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
