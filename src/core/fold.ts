/**
 * The one text-folding module: the quote marks we recognise, their fold (with dashes and
 * apostrophes) to ASCII for comparison, and escaping text for a regular expression.
 */

/** Opening and closing double quote marks we recognise (curly, low, guillemet, CJK, full-width, straight). */
export const OPENING_QUOTES = '\u201C\u201E\u00AB\u300C\u300E\uFF02"';
export const CLOSING_QUOTES = '\u201D\u00BB\u300D\u300F\uFF02"';
/** Any double quote mark: a sentence holding one is quoted, not reported, speech. */
export const QUOTE_MARK = new RegExp(`[${OPENING_QUOTES}${CLOSING_QUOTES}]`);

/** Every double and single quote mark and every dash as its ASCII form ("“ok”" → '"ok"'). */
export function foldMarks(text: string): string {
  return text
    .replace(/[\u201C\u201D\u201E\u201F\u00AB\u00BB\u300C\u300D\u300E\u300F\uFF02\u2033]/g, '"')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u2039\u203A]/g, "'")
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-');
}

/** `text` as a literal inside a regular expression. */
export function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
