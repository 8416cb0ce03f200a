/**
 * From a page to an ExtractedArticle. The first look (first-look.ts: metadata, the pre-check)
 * turns away pages that are not articles (home pages, section fronts, search results) before
 * Readability runs, on a clone so the live page is never touched; teaser lists are turned away
 * after it. Never throws.
 */
import { Readability } from '@mozilla/readability';
import type { ExtractedArticle } from './types.ts';
import { attr, bodyOf, rootOf, titleOf } from './dom-safe.ts';
import { firstLook, notAnArticle, toArticleMeta } from './first-look.ts';
import { guessLang, type PageMeta } from './metadata.ts';

export { nonArticleUrl, precheck } from './precheck.ts';

/** Readability stops on documents with more elements than this (the CLI checks it before parsing). */
export const MAX_ELEMENTS = 60_000;
export const TOO_MANY_ELEMENTS = 'page has too many elements';

const ORDERED_NODE_SNAPSHOT_TYPE = 7;

/**
 * Elements that hold no article text: scripts, styles, icon sprites, media, menus and form
 * controls. Readability drops them from its result anyway; removing them from the clone first
 * spares it walking and scoring them. Asides, footers, images, tables, forms and embeds stay:
 * Readability weighs them when it picks and cleans the content.
 */
export const NO_ARTICLE_TEXT =
  'script, style, link, noscript, template, svg, canvas, video, audio, nav, select, button, textarea';

/**
 * Readies the (cloned) document for Readability: removes what holds no article text, then
 * inline on* handlers. Readability re-parses HTML (innerHTML) when it retries; run in a page's
 * own world, handlers there trip a strict page CSP and log errors in the page's console.
 * Chromium checks a content script's parsing against the extension's CSP instead (a strict-CSP
 * page stayed quiet with this step switched off), but other callers and browsers may not, and
 * the handlers carry no text.
 */
function prepareClone(doc: Document): void {
  const root = rootOf(doc);
  if (!root) return;
  for (const el of Array.from(root.querySelectorAll(NO_ARTICLE_TEXT))) el.remove();
  dropInlineHandlers(doc, root);
}

/** Removes on* attributes from a (cloned) document; one native XPath query where available. */
function dropInlineHandlers(doc: Document, root: Element): void {
  if (typeof doc.evaluate === 'function') {
    try {
      // The HTML parser lower-cases attribute names, and only lower-case on* names are handlers.
      const found = doc.evaluate(
        "//*[@*[starts-with(name(), 'on')]]",
        doc,
        null,
        ORDERED_NODE_SNAPSHOT_TYPE,
        null,
      );
      for (let i = 0; i < found.snapshotLength; i++) {
        const el = found.snapshotItem(i) as Element | null;
        if (!el) continue;
        for (const a of Array.from(el.attributes))
          if (a.name.startsWith('on')) el.removeAttribute(a.name);
      }
      return;
    } catch {
      // fall back to walking the elements
    }
  }
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const a of Array.from(el.attributes))
      if (a.name.startsWith('on')) el.removeAttribute(a.name);
  }
}

/**
 * Pages with more elements than this are not cloned whole for Readability: only the part that
 * holds the article (see candidateOf), and of it no more than MAX_READ_CHARS of text. On such
 * pages cloning the document and Readability's passes over it take hundreds of milliseconds in
 * one go, which the page feels as a freeze; smaller pages are read as they are.
 */
export const PRUNE_ABOVE_ELEMENTS = 3000;
/** Text read from a pruned page's candidate: about 5,000 words, the length of a long feature. */
export const MAX_READ_CHARS = 30_000;
/** Paragraphs looked at per slice when looking for the candidate. */
const PARAGRAPHS_PER_SLICE = 400;

/**
 * The element that holds the article on a big page, as Readability's own first guess scores it:
 * each paragraph of 25 characters or more gives its length to its parent and half to its
 * grandparent; the best-scored element's parent is the candidate, so the headline, byline and
 * sibling sections next to the body stay in view. Reads the live page and changes nothing.
 */
function* candidateOf(doc: Document): Generator<void, Element | null> {
  const body = bodyOf(doc);
  if (!body) return null;
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
    add(p.parentElement, n);
    add(p.parentElement?.parentElement ?? null, n / 2);
  }
  const found = best as Element | null;
  if (!found) return null;
  const parent = found.parentElement;
  return parent && parent !== body && parent !== rootOf(doc) ? parent : found;
}

/** Child indexes from `root` down to `node`. */
function pathTo(root: Node, node: Node): number[] {
  const path: number[] = [];
  for (let n: Node = node; n !== root && n.parentNode; n = n.parentNode) {
    path.unshift(Array.prototype.indexOf.call(n.parentNode.childNodes, n) as number);
  }
  return path;
}

/**
 * A deep copy of `el` into `doc` up to the text node at `path` (that node included) and nothing
 * after it in document order; all of it when `path` is null.
 */
function copyUpTo(doc: Document, el: Node, path: number[] | null, depth = 0): Node {
  if (!path || depth >= path.length) return doc.importNode(el, true);
  const copy = doc.importNode(el, false);
  const kids = el.childNodes;
  const stop = path[depth]!;
  for (let i = 0; i < stop && i < kids.length; i++)
    copy.appendChild(doc.importNode(kids[i]!, true));
  const next = kids[stop];
  if (next) copy.appendChild(copyUpTo(doc, next, path, depth + 1));
  return copy;
}

/** Where `root`'s text passes MAX_READ_CHARS: the path to that text node; null if it never does. */
function cutPoint(root: Node): number[] | null {
  let chars = 0;
  let node: Node | null = root.firstChild;
  while (node) {
    if (node.nodeType === 3) {
      chars += node.nodeValue?.length ?? 0;
      if (chars > MAX_READ_CHARS) return pathTo(root, node);
    }
    if (node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    if (!node || node === root) return null;
    node = node.nextSibling;
  }
  return null;
}

/**
 * What Readability reads: a clone of the whole page, or on a page with more than
 * PRUNE_ABOVE_ELEMENTS elements a new document holding only the candidate (candidateOf), cut
 * after MAX_READ_CHARS of its text, with the page's title and language. Either way the live page
 * is only read. Yields between slices of the work.
 */
function* cloneForReading(doc: Document): Generator<void, Document> {
  const root = rootOf(doc);
  if (!root || root.getElementsByTagName('*').length <= PRUNE_ABOVE_ELEMENTS) {
    return doc.cloneNode(true) as Document;
  }
  const candidate = yield* candidateOf(doc);
  const from = candidate ?? bodyOf(doc);
  if (!from) return doc.cloneNode(true) as Document;
  yield;
  const cut = cutPoint(from);
  yield;
  try {
    const out = doc.implementation.createHTMLDocument(titleOf(doc));
    const lang = attr(root, 'lang');
    if (lang) out.documentElement.setAttribute('lang', lang);
    out.body.appendChild(copyUpTo(out, from, cut));
    return out;
  } catch {
    // A page that shadows `implementation` with a named element: read a clone of all of it.
    return doc.cloneNode(true) as Document;
  }
}

const BLOCKS = 'p, h2, h3, h4, h5, h6, li, blockquote, pre, dd, figcaption, td';

/** Paragraph texts of Readability's content element, in reading order, whitespace collapsed. */
export function paragraphsOf(content: Element): string[] {
  const out: string[] = [];
  const blocks = Array.from(content.querySelectorAll(BLOCKS));
  // In document order a block's descendants follow it at once: a leaf is a block whose
  // next block is not inside it.
  const leaves = blocks.filter((b, i) => {
    const next = blocks[i + 1];
    return !next || !b.contains(next);
  });
  const all = collapse(content.textContent ?? '');
  if (leaves.length === 0) return all ? [all] : [];
  let covered = 0;
  for (const el of leaves) {
    if (el.tagName === 'FIGCAPTION') continue;
    const t = collapse(el.textContent ?? '');
    if (t.length >= 2) {
      out.push(t);
      covered += t.length + 1;
    }
  }
  // Text sitting directly in divs (e.g. "<div>text<br>text</div>") that no block covered.
  if (covered < 0.5 * all.length) return splitLoose(content);
  return out;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function splitLoose(content: Element): string[] {
  // innerText is not available everywhere; rebuild line breaks from <br> and block ends.
  const parts: string[] = [];
  let current = '';
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) current += child.textContent ?? '';
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName;
        if (tag === 'BR' || /^(P|DIV|H\d|LI|BLOCKQUOTE|PRE|SECTION|ARTICLE|TR)$/.test(tag)) {
          parts.push(current);
          current = '';
          if (tag !== 'BR') {
            walk(child);
            parts.push(current);
            current = '';
          }
        } else walk(child);
      }
    }
  };
  walk(content);
  parts.push(current);
  return parts.map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length >= 2);
}

/**
 * After extraction: does the content look like a list of teasers (many short linked
 * headlines) rather than running text?
 */
export function teaserListReason(content: Element, paragraphs: string[]): string | null {
  const text = paragraphs.join(' ');
  const textLen = text.length;
  if (textLen === 0) return 'no article text';
  let linkLen = 0;
  for (const a of Array.from(content.querySelectorAll('a')))
    linkLen += (a.textContent ?? '').trim().length;
  const linkRatio = linkLen / Math.max(1, (content.textContent ?? '').replace(/\s+/g, ' ').length);
  if (linkRatio > 0.45)
    return `list of links (${Math.round(linkRatio * 100)}% of the text is links)`;
  const headings = content.querySelectorAll('h2, h3, h4').length;
  const long = paragraphs.filter(
    (p) => p.length >= 160 || (/[\u4e00-\u9fff]/.test(p) && p.length >= 60),
  ).length;
  if (headings >= 6 && long < headings)
    return `list of teasers (${headings} headlines, ${long} paragraphs)`;
  return null;
}

const BYLINE_LINE =
  /^(?:by|von|par|por|di|door|av)\s+\S|^(?:published|updated|posted)\b|来源|作者|编辑|记者/i;
const DATE_LINE =
  /\b(?:19|20)\d{2}\b.*\b\d{1,2}\b|\b\d{1,2}\b.*\b(?:19|20)\d{2}\b|(?:19|20)\d{2}年/;

/**
 * Readability keeps the headline, byline and dateline inside the content at times; they are
 * not body text. Drops them from the first few paragraphs only.
 */
function dropHeadAndByline(paragraphs: string[], meta: PageMeta): void {
  for (let i = 0; i < 3 && i < paragraphs.length && paragraphs.length > 1;) {
    const p = paragraphs[i]!;
    const short = p.length <= 120;
    const isHead = p === meta.title;
    const isByline =
      short &&
      (BYLINE_LINE.test(p) ||
        (!!meta.byline && p.includes(meta.byline) && p.length < meta.byline.length + 60));
    const isDate = short && p.length <= 60 && DATE_LINE.test(p) && !/[.!?。]$/.test(p);
    if (isHead || isByline || isDate) paragraphs.splice(i, 1);
    else i++;
  }
}

const isKanaOrHan = (c: number): boolean =>
  (c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff);

/** White space as the regex class \s sees it. */
function isSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** ASCII punctuation, dashes, ellipsis and quotation marks: a token of only these is no word. */
function isPunctuation(c: number): boolean {
  return (
    (c >= 33 && c <= 47) ||
    (c >= 58 && c <= 64) ||
    (c >= 91 && c <= 96) ||
    (c >= 123 && c <= 126) ||
    c === 0x2013 ||
    c === 0x2014 ||
    c === 0x2026 ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0xab ||
    c === 0xbb
  );
}

/**
 * Words in the paragraphs: runs of non-space characters with at least one that is not
 * punctuation, plus one word per two kana or Han characters (each of which also ends a run).
 */
export function countWords(paragraphs: string[]): number {
  let n = 0;
  for (const p of paragraphs) {
    let latin = 0;
    let han = 0;
    let wordy = false;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (isKanaOrHan(c)) {
        han++;
        if (wordy) latin++;
        wordy = false;
      } else if (isSpace(c)) {
        if (wordy) latin++;
        wordy = false;
      } else if (!wordy && !isPunctuation(c)) {
        wordy = true;
      }
    }
    if (wordy) latin++;
    // Two Han characters make about one English word.
    n += latin + Math.round(han / 2);
  }
  return n;
}

/** Guesses from the article's own text (the first few thousand characters suffice). */
function langOfParagraphs(paragraphs: string[]): string {
  let text = '';
  for (const p of paragraphs) {
    text += p + ' ';
    if (text.length >= 4000) break;
  }
  return guessLang(text);
}

/** The page's article: the first look (metadata, the pre-check), then Readability on a clone. */
export function extractArticle(doc: Document, url: string): ExtractedArticle {
  const look = firstLook(doc, url);
  if ('unread' in look) return look.unread;
  return finish(readArticleSteps(doc, url, look.meta));
}

/**
 * Readability's reading of a page that passed the first look, in steps: each `yield` is a point
 * where a caller on the page's main thread may let the page run (see content/slices.ts); run
 * to the end at once with `finish`.
 */
export function* readArticleSteps(
  doc: Document,
  url: string,
  meta: PageMeta,
): Generator<void, ExtractedArticle> {
  const notArticle = (reason: string): ExtractedArticle => notAnArticle(doc, url, meta, reason);
  try {
    const clone = yield* cloneForReading(doc);
    yield;
    prepareClone(clone);
    yield;
    const parsed = new Readability<Element>(clone, {
      serializer: (node) => node as Element,
      charThreshold: 400,
      // metadata.ts has read JSON-LD already
      disableJSONLD: true,
      // paragraphsOf reads tags only; stripping class attributes is work for nothing
      keepClasses: true,
      maxElemsToParse: MAX_ELEMENTS,
    }).parse();
    const content = parsed?.content;
    if (!parsed || !content) return notArticle('no article text found');
    yield;
    const paragraphs = paragraphsOf(content);
    dropHeadAndByline(paragraphs, meta);
    const teaser = teaserListReason(content, paragraphs);
    if (teaser) return notArticle(teaser);
    const words = countWords(paragraphs);
    if (words < 40) return notArticle(`too little article text (${words} words)`);
    if (!meta.title && parsed.title) meta.title = parsed.title.trim();
    if (!meta.byline && parsed.byline) meta.byline = parsed.byline.trim().slice(0, 200);
    if (!meta.site && parsed.siteName) meta.site = parsed.siteName;
    // Undeclared, or "en" from a site-wide og:locale without <html lang>: read the article.
    // (Readability's own `lang` is the <html lang> attribute, which meta.lang has read.)
    let lang = meta.lang;
    if (lang === null || (lang === 'en' && !attr(rootOf(doc), 'lang'))) {
      lang = langOfParagraphs(paragraphs);
    }
    return { meta: toArticleMeta(meta, url, words, lang), paragraphs };
  } catch (err) {
    if (err instanceof Error && /elements found/.test(err.message)) {
      return notArticle(TOO_MANY_ELEMENTS);
    }
    return notArticle(`page could not be read (${err instanceof Error ? err.name : 'error'})`);
  }
}

/** Runs steps to the end without pausing. */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
