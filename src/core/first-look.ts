/**
 * The first look at a page that may be about China (see china.ts for the glance that comes
 * before it on every page): the page's metadata and the pre-check (is it an article?). Either
 * the look settles the page (not an article) or it hands the metadata on to extraction
 * (extract.ts), which only then runs Readability. Never throws.
 */
import { guessBodyLang, readMeta, type PageMeta } from './metadata.ts';
import { pageTextOf } from './page-text.ts';
import { precheckWith } from './precheck.ts';
import type { ArticleMeta, ExtractedArticle } from './types.ts';

/** The page is settled (`unread`), or worth reading with the metadata read so far. */
export type FirstLook = { unread: ExtractedArticle } | { meta: PageMeta };

export function toArticleMeta(
  m: PageMeta,
  url: string,
  wordCount: number,
  lang: string,
): ArticleMeta {
  return {
    url,
    title: m.title,
    site: m.site,
    publishedAt: m.publishedAt,
    lang,
    wordCount,
    canonicalUrl: m.canonicalUrl,
    byline: m.byline,
  };
}

/** A result without the article's text: the page is not an article. */
export function notAnArticle(
  doc: Document,
  url: string,
  meta: PageMeta,
  reason: string,
): ExtractedArticle {
  return {
    meta: toArticleMeta(meta, url, 0, meta.lang ?? guessBodyLang(doc)),
    paragraphs: [],
    notArticleReason: reason,
  };
}

function pageMeta(doc: Document, url: string): PageMeta {
  try {
    return readMeta(doc, url, { guessLang: false });
  } catch {
    return {
      title: '',
      site: null,
      publishedAt: null,
      publishedFrom: null,
      lang: null,
      canonicalUrl: null,
      byline: null,
      pageTypes: [],
    };
  }
}

/**
 * The first look in two steps, metadata | pre-check: each reads the whole page, so a caller on
 * the page's main thread may let the page run in between (content/slices.ts).
 */
export function* firstLookSteps(doc: Document, url: string): Generator<void, FirstLook> {
  const meta = pageMeta(doc, url);
  yield;
  const check = precheckWith(doc, url, meta.pageTypes, pageTextOf(doc));
  if (!check.ok) return { unread: notAnArticle(doc, url, meta, check.reason ?? 'not an article') };
  return { meta };
}

export function firstLook(doc: Document, url: string): FirstLook {
  const steps = firstLookSteps(doc, url);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
