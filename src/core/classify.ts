/**
 * The content script's part of the pipeline: what can be decided from the page alone. Kept apart
 * from analyze.ts so the content script bundle does not carry the matcher and its data.
 */
import { detectDiplomacy } from './detect.ts';
import { extractArticle } from './extract.ts';
import type { Detection, ExtractedArticle } from './types.ts';

export function extractAndDetect(
  doc: Document,
  url: string,
): { extracted: ExtractedArticle; detection: Detection } {
  const extracted = extractArticle(doc, url);
  return { extracted, detection: detectDiplomacy(extracted) };
}
