/** The page's whole text (navigation included), read once per look; never throws. */
import { bodyOf, protoMember } from './dom-safe.ts';

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

/** XPathResult.STRING_TYPE */
const STRING_TYPE = 2;

type Evaluate = (
  expression: string,
  context: Node,
  resolver: null,
  type: number,
  result: null,
) => { stringValue: string };

/**
 * The string value of an XPath `expression` over the document, or null where the document cannot
 * answer one (no `evaluate`; not an HTML document, whose elements unprefixed names do not match).
 */
export function xpathString(doc: Document, expression: string): string | null {
  try {
    if (protoMember<string>(doc, 'contentType') !== 'text/html') return null;
    const evaluate = protoMember<Evaluate>(doc, 'evaluate');
    if (typeof evaluate !== 'function') return null;
    const text = evaluate.call(doc, expression, doc, null, STRING_TYPE, null).stringValue;
    return typeof text === 'string' ? text : null;
  } catch {
    return null;
  }
}

/**
 * The body's text for the glance on every page: the same text as pageTextOf (an element's XPath
 * string value is its textContent), read with one XPath query on the document, so that the
 * script that runs on every page touches no element. In Chromium an isolated world's first touch
 * of an element costs its element bindings (about 0.4 ms a page in bench/page-cost.ts' terms).
 * Falls back to pageTextOf where the query gives no text (no body; an XHTML page, whose elements
 * unprefixed XPath names do not match).
 */
export function glanceTextOf(doc: Document): string {
  return xpathString(doc, 'string(/html/body)') || pageTextOf(doc);
}
