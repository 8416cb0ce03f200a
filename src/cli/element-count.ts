/**
 * Counting a page's elements from its markup, before any DOM is built: a page over the
 * extension's element limit is turned away without the cost (gigabytes, minutes) of parsing it.
 */
import { NO_ARTICLE_TEXT } from '../core/reading-copy.ts';

/** Elements whose content is text, not markup: a `<b>` inside a script is not an element. */
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
]);
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'param',
]);
/** The elements extraction removes, with what is inside them, before Readability counts. */
const DROPPED = new Set(NO_ARTICLE_TEXT.split(',').map((s) => s.trim()));

const TAG = /<(!--|[a-zA-Z][^\s/>]*)/g;
const tagRe = new Map<string, RegExp>();
/** `<name` or `</name` as a whole tag name, case-insensitive. */
function openOrClose(name: string): RegExp {
  let re = tagRe.get(name);
  if (!re) {
    re = new RegExp(`<(/?)${name}(?=[\\s/>])`, 'gi');
    tagRe.set(name, re);
  }
  return re;
}

/** Index just past the end of `name`'s element starting at `from`, or the text's length. */
function skipElement(html: string, name: string, from: number): number {
  const re = openOrClose(name);
  re.lastIndex = from;
  if (RAW_TEXT.has(name)) {
    // Raw text ends at the first end tag; nothing inside nests.
    for (let m = re.exec(html); m; m = re.exec(html)) if (m[1]) return re.lastIndex;
    return html.length;
  }
  let depth = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return re.lastIndex;
  }
  return html.length;
}

/**
 * The number of elements Readability would count in the extension's prepared copy of the page
 * (start tags, less comments, text inside raw-text elements and the subtrees extraction
 * removes). Stops counting once past `stopAbove`.
 */
export function countElements(html: string, stopAbove = Infinity): number {
  let n = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const token = m[1] ?? '';
    if (token === '!--') {
      const end = html.indexOf('-->', TAG.lastIndex);
      if (end < 0) break;
      TAG.lastIndex = end + 3;
      continue;
    }
    const name = token.toLowerCase();
    if (DROPPED.has(name)) {
      if (!VOID.has(name)) TAG.lastIndex = skipElement(html, name, TAG.lastIndex);
      continue;
    }
    n++;
    if (n > stopAbove) return n;
    if (RAW_TEXT.has(name)) TAG.lastIndex = skipElement(html, name, TAG.lastIndex);
  }
  return n;
}
