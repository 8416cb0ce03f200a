/**
 * The whole pipeline on one document — extract → detect → match → context — for the CLI and the
 * tests. The extension runs the same two halves in two places: classify.ts in the content script,
 * analyze.ts in the service worker. The lexicon comes with the corpus (`corpus.tables`).
 */
import type { LoadedCorpus } from '../corpus/types.ts';
import { analyzeExtracted, type AnalyzeOptions } from './analyze.ts';
import { extractAndDetect } from './classify.ts';
import type { Analysis } from './types.ts';

export function analyzeDocument(
  doc: Document,
  url: string,
  corpus: LoadedCorpus,
  opts: AnalyzeOptions = {},
): Analysis {
  const { extracted, detection } = extractAndDetect(doc, url, corpus.tables.lexicon, {
    full: opts.force,
  });
  return analyzeExtracted(extracted, detection, corpus, opts);
}
