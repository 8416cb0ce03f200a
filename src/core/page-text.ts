/** The page's whole text (navigation included), read once per look; never throws. */
import { bodyOf } from './dom-safe.ts';

/** Pages with more text than this are not read (a 5 MB log or dump is not a news article). */
export const MAX_TEXT_CHARS = 1_500_000;

export function textContentOf(el: Element | null): string {
  try {
    return el?.textContent ?? '';
  } catch {
    return '';
  }
}

/** The body's text, or '' for a page without one. */
export function pageTextOf(doc: Document): string {
  return textContentOf(bodyOf(doc));
}
