/** The page's text as matching reads it. */
import type { ExtractedArticle } from '../types.ts';

/** The page's paragraphs, whatever a broken extraction left in their place. */
export function pageParagraphs(article: ExtractedArticle): string[] {
  return Array.isArray(article.paragraphs) ? article.paragraphs : [];
}

/** The page's body: its string paragraphs, a blank line apart. */
export function pageText(article: ExtractedArticle): string {
  return pageParagraphs(article)
    .filter((p) => typeof p === 'string')
    .join('\n\n');
}
