/**
 * The verdict on a page whose article text was not read: not an article (the pre-check), or
 * settled at a glance (no Chinese actor named). Detection needs no text for it; the content
 * script's gate, which runs on every page, gives it without loading detection.
 */
import { NO_CHINA_REASON } from './china.ts';
import { pageReason } from './reasons-page.ts';
import type { Detection, ExtractedArticle } from './types.ts';

/** The verdict on a page whose article text was not read (detection needs no text for it). */
export function unreadDetection(article: ExtractedArticle): Detection | null {
  if (article.notArticleReason) {
    return {
      label: 'not-article',
      score: 1,
      reasons: [pageReason('not-article', { why: article.notArticleReason })],
    };
  }
  if (article.skippedReason) {
    const why = article.skippedReason;
    const r =
      why === NO_CHINA_REASON ? pageReason('china-not-named', {}) : pageReason('skipped', { why });
    return { label: 'unrelated', score: 0, reasons: [r] };
  }
  return null;
}
