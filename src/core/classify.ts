/**
 * The content script's part of the pipeline: what can be decided from the page alone. Kept apart
 * from analyze.ts so the content script bundle does not carry the matcher and its data.
 *
 * In order: the glance (china.ts: a page that names no Chinese actor is `unrelated` at once),
 * the first look (first-look.ts: metadata and the pre-check), Readability (extract.ts), then
 * detection (detect.ts). The glance and detection read the lexicon they are given.
 */
import { chinaNamesOf, glance } from './china.ts';
import { detectDiplomacy } from './detect.ts';
import { finish, readArticleSteps } from './extract.ts';
import { firstLookSteps } from './first-look.ts';
import type { Lexicon } from './lexicon.ts';
import { unreadDetection } from './unread.ts';
import type { Detection, ExtractedArticle } from './types.ts';

export interface ClassifyOptions {
  /**
   * Extract the article's text even from a page that names no Chinese actor anywhere (the
   * reader asked to analyse it anyway). Otherwise such a page is `unrelated` at once, without
   * the cost of Readability: most pages a reader opens are.
   */
  full?: boolean;
  /** The glance was taken already and found a Chinese actor named (the content script's gate). */
  glanced?: boolean;
}

export interface Classified {
  extracted: ExtractedArticle;
  detection: Detection;
}

function settled(extracted: ExtractedArticle, lexicon: Lexicon): Classified {
  return {
    extracted,
    detection: unreadDetection(extracted) ?? detectDiplomacy(extracted, lexicon),
  };
}

/**
 * Glance, first look, extraction and detection in steps (see readArticleSteps): each `yield`
 * is a point where the content script lets the page run.
 */
export function* extractAndDetectSteps(
  doc: Document,
  url: string,
  lexicon: Lexicon,
  options: ClassifyOptions = {},
): Generator<void, Classified> {
  if (!options.full && !options.glanced) {
    const unrelated = glance(doc, url, chinaNamesOf(lexicon));
    if (unrelated) return settled(unrelated, lexicon);
    yield;
  }
  const look = yield* firstLookSteps(doc, url);
  if ('unread' in look) return settled(look.unread, lexicon);
  yield;
  const extracted = yield* readArticleSteps(doc, url, look.meta);
  yield;
  return { extracted, detection: detectDiplomacy(extracted, lexicon) };
}

export function extractAndDetect(
  doc: Document,
  url: string,
  lexicon: Lexicon,
  options: ClassifyOptions = {},
): Classified {
  return finish(extractAndDetectSteps(doc, url, lexicon, options));
}
