/**
 * The cheap verdict before any real work: is this page an article at all? Metadata and URL
 * first, then Readability's own isProbablyReaderable (its small readerable module only, not the
 * parser). Runs on every page the reader opens, so it stays small and quick. Never throws.
 */
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import { attr, bodyOf, queryOne, rootOf, titleOf } from './dom-safe.ts';
import { readJsonLd } from './metadata.ts';
import { MAX_TEXT_CHARS, textContentOf } from './page-text.ts';

export interface Verdict {
  ok: boolean;
  reason?: string;
}

const NON_ARTICLE_TYPES =
  /^(collectionpage|searchresultspage|itemlist|profilepage|faqpage|product)$/;
const ARTICLE_TYPES = /article|posting|report/;

/** Why a URL looks like a home page, section front or search page, or null. */
export function nonArticleUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(u.protocol)) return null;
  const path = u.pathname.replace(/\/+$/, '');
  if (path === '' || /^\/(index|default|home)(\.\w+)?$/i.test(path)) return 'home page';
  if (
    /(^|\/)(search|tag|tags|topics?|category|categories|author|archive)(\/|$)/i.test(path) ||
    u.searchParams.has('q')
  ) {
    if (/(^|\/)search(\/|$)/i.test(path) || u.searchParams.has('q')) return 'search results';
  }
  const segments = path.split('/').filter(Boolean);
  // A section front: one or two short segments, no digits, no slug-like hyphenation.
  if (
    segments.length <= 2 &&
    segments.every((s) => /^[a-z]{2,20}$/i.test(s)) &&
    !/\.\w{2,5}$/.test(path)
  ) {
    return 'section front';
  }
  return null;
}

function textLength(el: Element | null): number {
  return textContentOf(el).length;
}

/**
 * Cheap verdict before real work: metadata and URL first, then Readability's own
 * isProbablyReaderable. `ok: false` means Backstory should not extract this page.
 */
export function precheck(doc: Document, url: string): Verdict {
  return precheckWith(doc, url, null, null);
}

/**
 * The pre-check, reusing what extraction has read already: the page types (JSON-LD is parsed
 * once) and the body's text.
 */
export function precheckWith(
  doc: Document,
  url: string,
  knownTypes: string[] | null,
  bodyText: string | null,
): Verdict {
  try {
    const root = rootOf(doc);
    const body = bodyOf(doc);
    if (!root || !body) return { ok: false, reason: 'page has no body' };
    const len = bodyText?.length ?? textLength(body);
    if (len < 200) return { ok: false, reason: 'page has almost no text' };
    if (len > MAX_TEXT_CHARS) return { ok: false, reason: 'page is too large to be an article' };

    // knownTypes: JSON-LD @types and og:type, lower-cased (see readMeta's pageTypes).
    const ldTypes =
      knownTypes ??
      [
        ...readJsonLd(doc).types,
        attr(queryOne(doc, 'meta[property="og:type" i]'), 'content')?.toLowerCase() ?? '',
      ].filter(Boolean);
    const declaredArticle = ldTypes.some((t) => ARTICLE_TYPES.test(t));
    const declaredList = ldTypes.find((t) => NON_ARTICLE_TYPES.test(t));
    if (declaredList && !declaredArticle)
      return { ok: false, reason: `page declares itself a ${declaredList}` };

    const urlReason = nonArticleUrl(url);
    if (urlReason && !declaredArticle) return { ok: false, reason: urlReason };

    // Chinese, Japanese and Korean say in 50 characters what English says in 150.
    const cjk =
      /^(zh|ja|ko)/i.test(attr(root, 'lang') ?? '') ||
      /[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/.test(titleOf(doc));
    if (
      !declaredArticle &&
      !isProbablyReaderable(doc, {
        minContentLength: cjk ? 50 : 100,
        minScore: cjk ? 10 : 18,
        visibilityChecker: () => true,
      })
    ) {
      return { ok: false, reason: 'no block of article text' };
    }
    return { ok: true };
  } catch (err) {
    return {
      ok: false,
      reason: `page could not be read (${err instanceof Error ? err.name : 'error'})`,
    };
  }
}
