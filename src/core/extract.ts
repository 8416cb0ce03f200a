/**
 * From a page to an ExtractedArticle. The first look (first-look.ts: metadata, the pre-check)
 * turns away pages that are not articles (home pages, section fronts, search results) before
 * Readability runs, on a pruned copy of the part that holds the article (reading-copy.ts), so
 * the live page is never touched; its paragraphs are read (article-paragraphs.ts) and teaser
 * lists turned away after it (teaser-list.ts). Never throws.
 */
import { Readability } from '@mozilla/readability';
import type { ExtractedArticle } from './types.ts';
import { dropHeadAndByline, paragraphsOf } from './article-paragraphs.ts';
import { attr, rootOf } from './dom-safe.ts';
import { firstLook, notAnArticle, toArticleMeta } from './first-look.ts';
import { guessLang, type PageMeta } from './metadata.ts';
import { copyForReading } from './reading-copy.ts';
import { teaserListReason } from './teaser-list.ts';
import { countWords } from './word-count.ts';

export { nonArticleUrl, precheck } from './precheck.ts';

/** Readability stops on documents with more elements than this (the CLI checks it before parsing). */
export const MAX_ELEMENTS = 60_000;
export const TOO_MANY_ELEMENTS = 'page has too many elements';

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
