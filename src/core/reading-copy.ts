/**
 * The copy of a page that Readability reads: a new document holding a pruned copy of the page's
 * body (no scripts, styles, menus or other furniture), cut at MAX_READ_CHARS of text or
 * MAX_READ_ELEMENTS elements, or, on a page too big for all of it, of the element that holds the
 * article. The live page is only read, never changed; the work yields between slices.
 */
import { attr, bodyOf, rootOf, titleOf } from './dom-safe.ts';
import { textContentOf } from './page-text.ts';

/**
 * Elements that hold no article text: scripts, styles, icon sprites, media, menus and form
 * controls. Readability drops them from its result anyway; leaving them out of its copy spares
 * it walking and scoring them (the CLI's early element count leaves them out too).
 */
export const NO_ARTICLE_TEXT =
  'script, style, link, noscript, template, svg, canvas, video, audio, nav, select, button, textarea';

/**
 * Elements not copied for Readability, with what is inside them: NO_ARTICLE_TEXT, and the page
 * furniture Readability removes from its result anyway (asides, footers, frames and embeds);
 * their text would only add to its scoring.
 */
const NOT_COPIED = new Set(
  [...NO_ARTICLE_TEXT.split(','), 'aside', 'iframe', 'object', 'embed'].map((s) => s.trim()),
);

/**
 * What Readability reads is a copy of the element that holds the article (candidateOf), without
 * NOT_COPIED, and of it no more than MAX_READ_CHARS of text and MAX_READ_ELEMENTS elements: so
 * Readability's parse, one synchronous call, stays short on any page (on a 1 MB page the whole
 * page took hundreds of milliseconds). Longer articles are read up to there.
 */
export const MAX_READ_CHARS = 200_000;
/** Elements copied at most (wiki pages have a link or a span every few words). */
export const MAX_READ_ELEMENTS = 1_000;
/** Paragraphs looked at per slice when looking for the candidate. */
const PARAGRAPHS_PER_SLICE = 400;
/** Nodes of the page copied per slice. */
const NODES_PER_SLICE = 1_500;

/**
 * The element that holds the article, as Readability's own first guess scores it, and the text
 * of the page's paragraphs (those it scores) in all: each
 * paragraph of 25 characters or more gives its length to its parent and half to its
 * grandparent; the best-scored element's parent is the candidate, so the headline, byline and
 * sibling sections next to the body stay in view. Reads the live page and changes nothing.
 */
function* candidateOf(doc: Document): Generator<void, { el: Element; text: number } | null> {
  const body = bodyOf(doc);
  if (!body) return null;
  let text = 0;
  const paragraphs = body.getElementsByTagName('p');
  const score = new Map<Element, number>();
  let best: Element | null = null;
  let bestScore = 0;
  const add = (el: Element | null, n: number): void => {
    if (!el || el === body) return;
    const s = (score.get(el) ?? 0) + n;
    score.set(el, s);
    if (s > bestScore) {
      bestScore = s;
      best = el;
    }
  };
  for (let i = 0; i < paragraphs.length; i++) {
    if (i > 0 && i % PARAGRAPHS_PER_SLICE === 0) yield;
    const p = paragraphs[i]!;
    const n = (p.textContent ?? '').length;
    if (n < 25) continue;
    text += n;
    add(p.parentElement, n);
    add(p.parentElement?.parentElement ?? null, n / 2);
  }
  const found = best as Element | null;
  if (!found) return null;
  const parent = found.parentElement;
  return { el: parent && parent !== body && parent !== rootOf(doc) ? parent : found, text };
}

/** A shallow copy of `el` into `out`, without inline on* handlers. */
function shallowCopy(out: Document, el: Element): Element {
  const copy = out.importNode(el, false);
  // Readability re-parses HTML (innerHTML) when it retries; in a page's own world, handlers
  // there trip a strict page CSP and log errors in the page's console. They carry no text.
  const attrs = copy.attributes;
  for (let i = attrs.length - 1; i >= 0; i--) {
    const name = attrs[i]!.name;
    if (name.length > 2 && name.charCodeAt(0) === 111 && name.charCodeAt(1) === 110)
      copy.removeAttribute(name);
  }
  return copy;
}

/**
 * Copies what is under `from` into `into` (a node of another document), in document order, leaving out NOT_COPIED elements and comments, until MAX_READ_CHARS of text or
 * MAX_READ_ELEMENTS elements are copied. Reads the live page only; yields every NODES_PER_SLICE
 * nodes. Should the page remove the node being read meanwhile, the copy ends there. True when
 * all of it was copied.
 */
function* copyPruned(out: Document, from: Element, into: Node): Generator<void, boolean> {
  const top = into;
  let chars = 0;
  let elements = 0;
  let visited = 0;
  let node: Node | null = from.firstChild;
  let parent: Node = top;
  while (node) {
    if (++visited % NODES_PER_SLICE === 0) yield;
    const type = node.nodeType;
    if (type === 3 || type === 4) {
      const text = (node as CharacterData).data;
      parent.appendChild(out.createTextNode(text));
      chars += text.length;
      if (chars > MAX_READ_CHARS) return false;
    } else if (type === 1) {
      const el = node as Element;
      if (!NOT_COPIED.has(el.localName)) {
        const copy = shallowCopy(out, el);
        parent.appendChild(copy);
        if (++elements > MAX_READ_ELEMENTS) return false;
        if (el.firstChild) {
          parent = copy;
          node = el.firstChild;
          continue;
        }
      }
    }
    // The next node: a sibling, else up (never above `from`) and on.
    while (!node.nextSibling) {
      const up: Node | null = node.parentNode;
      if (up === from) return true;
      if (!up || parent === top || !parent.parentNode) return false;
      node = up;
      parent = parent.parentNode;
    }
    node = node.nextSibling;
  }
  return true;
}

/** A new document with the page's title, language and `<meta>` tags (Readability reads them). */
function emptyCopy(doc: Document): Document {
  const title = titleOf(doc);
  const out = doc.implementation.createHTMLDocument(title);
  // (Not every DOM implementation writes the title element: happy-dom does not.)
  if (title && !out.querySelector('title')) {
    out.head.appendChild(out.createElement('title')).textContent = title;
  }
  const root = rootOf(doc);
  const lang = attr(root, 'lang');
  if (lang) out.documentElement.setAttribute('lang', lang);
  const head = root?.querySelector('head');
  if (head)
    for (const meta of Array.from(head.querySelectorAll('meta')))
      out.head.appendChild(shallowCopy(out, meta));
  return out;
}

/**
 * What Readability reads: a new document holding a pruned copy of the page's body, cut at
 * MAX_READ_CHARS or MAX_READ_ELEMENTS (copyPruned). On a page too big for all of it, the element
 * that holds the article (candidateOf) is read instead, unless the page's paragraphs hold less
 * than a fifth of its text (its text is in other elements: the body's first part is read).
 * The live page is only read. Yields between slices of the work.
 */
export function* copyForReading(doc: Document): Generator<void, Document | null> {
  const body = bodyOf(doc);
  if (!body) return null;
  const whole = emptyCopy(doc);
  if (yield* copyPruned(whole, body, whole.body)) return whole;
  yield;
  const candidate = yield* candidateOf(doc);
  if (!candidate || candidate.text * 5 < textContentOf(body).length) return whole;
  yield;
  const part = emptyCopy(doc);
  const top = part.body.appendChild(shallowCopy(part, candidate.el));
  yield* copyPruned(part, candidate.el, top);
  return part;
}
