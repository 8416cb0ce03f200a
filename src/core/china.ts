/**
 * The glance at every page the reader opens: does its text name a Chinese actor anywhere? One
 * regular expression over the page's whole text. Most pages name none and end here, `unrelated`
 * without Readability, detection or even the pre-check; so this module needs only the
 * lexicon's Chinese names, compiled into one pattern (`chinaNamesOf(lexicon)`, or for the
 * every-page script, which carries no lexicon, `builtChinaNames()`: the same pattern computed
 * at build time), and the simplest reading of the page's head.
 */
import { compactAlternation } from './alternation.ts';
import { attr, queryOne, rootOf, textOf, titleOf } from './dom-safe.ts';
import { perLexicon, type Lexicon } from './lexicon.ts';
import { cleanTitle, primaryLang } from './page-head.ts';
import { glanceTextOf, MAX_TEXT_CHARS, xpathString } from './page-text.ts';
import type { ExtractedArticle } from './types.ts';

/**
 * Every Chinese actor's full names, without word boundaries or lookarounds, and with any run of
 * white space where the names have a space: a looser test than detection's own, so that text it
 * fails cannot name a Chinese actor the way detection counts one (names only in short form
 * count only after a full one).
 */
export function chinaNamesSource(lexicon: Lexicon): string {
  return lexicon.cn
    .flatMap((e) => e.full)
    .map((p) => p.replace(/\(\?<?[!=](?:[^()]|\([^()]*\))*\)/g, '').replace(/ /g, '\\s+'))
    .join('|');
}

/**
 * The glance's pattern: chinaNamesSource written smaller (alternation.ts), passing exactly the
 * same texts. Most of the glance's time on a page went into compiling and running the plain
 * alternation of 176 names (about half as long with this one, measured in Chromium).
 */
export function chinaAnywhereSource(lexicon: Lexicon): string {
  return compactAlternation(chinaNamesSource(lexicon));
}

/** The glance's pattern for `lexicon`, compiled once per table. */
export const chinaNamesOf = /* @__PURE__ */ perLexicon(
  (lexicon): RegExp => new RegExp(chinaAnywhereSource(lexicon)),
);

/**
 * The build of the every-page script (vite.config.ts; vitest.config.ts for the tests) puts the
 * glance's source in, computed from the shipped lexicon at build time, so that script does not
 * carry the lexicon.
 */
declare const __BACKSTORY_CHINA_ANYWHERE__: string | undefined;

let built: RegExp | null = null;

/** The glance's pattern as the build computed it; throws where the build put none in. */
export function builtChinaNames(): RegExp {
  if (typeof __BACKSTORY_CHINA_ANYWHERE__ !== 'string') {
    throw new Error('Backstory: the glance pattern is built into the every-page script only');
  }
  return (built ??= new RegExp(__BACKSTORY_CHINA_ANYWHERE__));
}

/**
 * Can this text make an article about China? False when it names no Chinese actor at all
 * (`names`: the glance's pattern), so that extraction can skip the article's text: detection
 * would say `unrelated` regardless.
 */
export function namesChinaAnywhere(text: string, names: RegExp): boolean {
  return names.test(text);
}

export const NO_CHINA_REASON = 'China is not named anywhere on the page';

const content = (doc: Document, property: string): string | null =>
  attr(queryOne(doc, `meta[property="${property}" i]`), 'content');

function host(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** `meta[property="og:title" i]`'s `content` (the first such meta), as XPath 1.0 says it. */
const OG_TITLE =
  'string((//meta[translate(@property,"ABCDEFGHIJKLMNOPQRSTUVWXYZ","abcdefghijklmnopqrstuvwxyz")="og:title"])[1]/@content)';

/**
 * The glance's decision: do the page's title (its `og:title` and `<title>`) and text name a
 * Chinese actor anywhere? The every-page script takes only this at start (content/gate.ts); what
 * the popup shows of a page that names none (unnamedPage) is read when it is asked for.
 */
export function namesChinaOnPage(doc: Document, names: RegExp): boolean {
  // Read as XPath, like the text: the every-page script touches no element (see glanceTextOf).
  const ogTitle = xpathString(doc, OG_TITLE) ?? content(doc, 'og:title');
  // Beyond MAX_TEXT_CHARS a page is not an article (precheck.ts): the rest is not read.
  const text = glanceTextOf(doc).slice(0, MAX_TEXT_CHARS);
  return namesChinaAnywhere(`${ogTitle ?? ''}\n${titleOf(doc)}\n${text}`, names);
}

/**
 * A page that names no Chinese actor, as the analysis describes it: `unrelated` at a glance, with
 * what the popup shows of such a page (its title) and no more: dates, byline and the like are
 * read for articles only.
 */
export function unnamedPage(doc: Document, url: string): ExtractedArticle {
  const ogTitle = content(doc, 'og:title');
  const site = content(doc, 'og:site_name') ?? host(url);
  return {
    meta: {
      url,
      title: cleanTitle(ogTitle || titleOf(doc) || textOf(queryOne(doc, 'h1')), site),
      site,
      publishedAt: null,
      lang: primaryLang(attr(rootOf(doc), 'lang')) ?? 'und',
      wordCount: 0,
      canonicalUrl: null,
      byline: null,
    },
    paragraphs: [],
    skippedReason: NO_CHINA_REASON,
  };
}

/**
 * The page, `unrelated` at a glance, when its title and text name no Chinese actor; null when
 * they do (the first look and extraction follow).
 */
export function glance(doc: Document, url: string, names: RegExp): ExtractedArticle | null {
  return namesChinaOnPage(doc, names) ? null : unnamedPage(doc, url);
}
