/**
 * The content script's part of the pipeline: what can be decided from the page alone. Kept apart
 * from analyze.ts so the content script bundle does not carry the matcher and its data.
 */
import { detectDiplomacy, namesChinaAnywhere, NO_CHINA_REASON } from './detect.ts';
import { extractArticle } from './extract.ts';
import type { Detection, ExtractedArticle } from './types.ts';

export interface ClassifyOptions {
  /**
   * Extract the article's text even from a page that names no Chinese actor anywhere (the
   * reader asked to analyse it anyway). Otherwise such a page is `unrelated` at once, without
   * the cost of Readability: most pages a reader opens are.
   */
  full?: boolean;
}

export function extractAndDetect(
  doc: Document,
  url: string,
  options: ClassifyOptions = {},
): { extracted: ExtractedArticle; detection: Detection } {
  const extracted = extractArticle(
    doc,
    url,
    options.full ? {} : { readIf: { test: namesChinaAnywhere, reason: NO_CHINA_REASON } },
  );
  return { extracted, detection: detectDiplomacy(extracted) };
}
