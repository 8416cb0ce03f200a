/**
 * From a page to an ExtractedArticle. The first look (first-look.ts: metadata, the pre-check)
 * turns away pages that are not articles (home pages, section fronts, search results) before
 * Readability runs, on a pruned copy of the part that holds the article, so the live page is
 * never touched; teaser lists are turned away after it. Never throws.
 */
import { Readability } from '@mozilla/readability';
import type { ExtractedArticle } from './types.ts';
import { attr, bodyOf, rootOf, titleOf } from './dom-safe.ts';
import { firstLook, notAnArticle, toArticleMeta } from './first-look.ts';
import { guessLang, type PageMeta } from './metadata.ts';
import { textContentOf } from './page-text.ts';

export { nonArticleUrl, precheck } from './precheck.ts';

/** Readability stops on documents with more elements than this (the CLI checks it before parsing). */
export const MAX_ELEMENTS = 60_000;
export const TOO_MANY_ELEMENTS = 'page has too many elements';

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
function* copyForReading(doc: Document): Generator<void, Document | null> {
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

/** Article text shorter than this makes Readability try again, less strictly. */
const CHAR_THRESHOLD = 400;
/**
 * Readability's own attempts, strictest first: it drops "unlikely" elements, weighs class names
 * and cleans conditionally (its FLAG_ bits 1, 2 and 4), then tries again without each in turn
 * while the text it found is shorter than CHAR_THRESHOLD, and keeps the longest if none reaches
 * it. Inside one parse() that is up to four passes in one synchronous call; here each attempt is
 * its own parse of its own copy, one per slice.
 */
const ATTEMPTS = [0b111, 0b110, 0b100, 0b000];

type Parsed = NonNullable<ReturnType<Readability<Element>['parse']>>;

/** Readability on `copy`, one attempt per slice (ATTEMPTS). Rewrites `copy`. */
function* readability(copy: Document): Generator<void, Parsed | null> {
  const tried: { parsed: Parsed; length: number }[] = [];
  for (const [i, flags] of ATTEMPTS.entries()) {
    yield;
    // Readability rewrites what it reads: all but the last attempt read a clone.
    const doc = i < ATTEMPTS.length - 1 ? (copy.cloneNode(true) as Document) : copy;
    const reader = new Readability<Element>(doc, {
      serializer: (node) => node as Element,
      // One attempt per parse: it retries by itself only when it found no text at all.
      charThreshold: 1,
      // metadata.ts has read JSON-LD already
      disableJSONLD: true,
      // paragraphsOf reads tags only; stripping class attributes is work for nothing
      keepClasses: true,
      maxElemsToParse: MAX_ELEMENTS,
    });
    const internal = reader as unknown as { _flags?: unknown };
    if (typeof internal._flags !== 'number') {
      throw new Error('Readability has no _flags: check readability() against its version');
    }
    internal._flags = flags;
    const parsed = reader.parse();
    if (!parsed) continue;
    // As Readability measures it: the text, trimmed, runs of white space as one.
    const length = (parsed.textContent ?? '').trim().replace(/\s{2,}/g, ' ').length;
    if (length >= CHAR_THRESHOLD) return parsed;
    tried.push({ parsed, length });
  }
  const longest = tried.sort((a, b) => b.length - a.length)[0];
  return longest && longest.length > 0 ? longest.parsed : null;
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
    const copy = yield* copyForReading(doc);
    if (!copy) return notArticle('no article text found');
    const parsed = yield* readability(copy);
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
