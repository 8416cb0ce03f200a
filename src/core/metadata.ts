/**
 * Article metadata from the places publishers put it: JSON-LD, Open Graph and other meta
 * tags, `<link rel=canonical>`, `<time datetime>`, dated URLs and dates written in the text.
 * Every reader here is defensive: malformed markup yields null, never an exception.
 */
import { attr, queryAll, queryOne, rootOf, textOf, textStart, titleOf } from './dom-safe.ts';
import { monthIndex } from './dates.ts';
import { cleanTitle, primaryLang } from './page-head.ts';

export { cleanTitle } from './page-head.ts';

export interface PageMeta {
  title: string;
  site: string | null;
  publishedAt: string | null;
  /** Where the date came from, for tests and reasons ("json-ld", "meta", "time", "url", "text"). */
  publishedFrom: string | null;
  /** Primary language subtag; null only when undeclared and readMeta was asked not to guess. */
  lang: string | null;
  canonicalUrl: string | null;
  byline: string | null;
  /** Open Graph / JSON-LD page type, lower-cased (e.g. "article", "website", "collectionpage"). */
  pageTypes: string[];
}

// ---------------------------------------------------------------- JSON-LD

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ARTICLE_TYPES =
  /^(article|newsarticle|reportagenewsarticle|analysisnewsarticle|opinionnewsarticle|backgroundnewsarticle|reviewnewsarticle|blogposting|liveblogposting|socialmediaposting|scholarlyarticle|techarticle|report)$/i;

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typesOf(node: JsonObject): string[] {
  const t = node['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

/** All JSON-LD nodes of the page, flattened through arrays and @graph. Malformed blocks are skipped. */
export function jsonLdNodes(doc: Document): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (v: Json | undefined, depth: number): void => {
    if (depth > 6 || out.length > 200) return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
    } else if (isObject(v)) {
      out.push(v);
      if (v['@graph']) visit(v['@graph'], depth + 1);
    }
  };
  for (const script of queryAll(doc, 'script[type="application/ld+json" i]').slice(0, 20)) {
    const raw = script.textContent ?? '';
    if (raw.length > 500_000) continue;
    try {
      // Some sites wrap JSON-LD in HTML comments or CDATA.
      const cleaned = raw
        .replace(/^\s*<!--/, '')
        .replace(/-->\s*$/, '')
        .replace(/^\s*\/\/<!\[CDATA\[/, '')
        .replace(/\/\/\]\]>\s*$/, '');
      visit(JSON.parse(cleaned) as Json, 0);
    } catch {
      // malformed JSON-LD: ignore this block
    }
  }
  return out;
}

function str(v: Json | undefined): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return str(v[0]);
  if (isObject(v)) return str(v['name'] ?? v['@value'] ?? v['url'] ?? v['@id']);
  return null;
}

function names(v: Json | undefined): string[] {
  if (typeof v === 'string') return v.trim() ? [v.trim()] : [];
  if (Array.isArray(v)) return v.flatMap((x) => names(x));
  if (isObject(v)) {
    const n = v['name'];
    return typeof n === 'string' && n.trim() ? [n.trim()] : [];
  }
  return [];
}

interface JsonLdMeta {
  headline: string | null;
  datePublished: string | null;
  publisher: string | null;
  authors: string[];
  url: string | null;
  types: string[];
  inLanguage: string | null;
}

export function readJsonLd(doc: Document): JsonLdMeta {
  const nodes = jsonLdNodes(doc);
  const types = nodes.flatMap(typesOf).map((t) => t.toLowerCase());
  const article = nodes.find((n) => typesOf(n).some((t) => ARTICLE_TYPES.test(t)));
  const withPublisher = article?.['publisher'] ? article : nodes.find((n) => n['publisher']);
  const site = nodes.find((n) => typesOf(n).some((t) => /^website$/i.test(t)));
  return {
    headline: str(article?.['headline']) ?? str(article?.['name']),
    datePublished: str(article?.['datePublished']) ?? str(article?.['dateCreated']),
    publisher: str(withPublisher?.['publisher']) ?? str(site?.['name']),
    authors: names(article?.['author']),
    url: str(article?.['url']) ?? str(article?.['mainEntityOfPage']),
    types,
    inLanguage: str(article?.['inLanguage']),
  };
}

// ---------------------------------------------------------------- meta tags

/** Map of lower-cased meta property/name/itemprop → first non-empty content. */
export function metaTags(doc: Document): Map<string, string> {
  const map = new Map<string, string>();
  for (const el of queryAll(doc, 'meta')) {
    const content = attr(el, 'content');
    if (!content) continue;
    for (const keyAttr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = attr(el, keyAttr);
      if (!key) continue;
      // "property" may hold several space-separated names.
      for (const k of key.toLowerCase().split(/\s+/)) {
        if (k && !map.has(k)) map.set(k, content);
      }
    }
  }
  return map;
}

function first(map: Map<string, string>, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = map.get(k);
    if (v) return v;
  }
  return null;
}

// ---------------------------------------------------------------- dates

function ymd(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Normalises a machine or human date string to `YYYY-MM-DD`, or null. */
export function normalizeDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim().slice(0, 200);
  let m = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /(\d{4})\/(\d{1,2})\/(\d{1,2})/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})(?:T|\b)/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  // "November 10, 2021", "Nov. 10 2021"
  m = /\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s);
  if (m) {
    const mon = monthIndex(m[1]!) + 1;
    if (mon) return ymd(Number(m[3]), mon, Number(m[2]));
  }
  // "10 November 2021"
  m = /\b(\d{1,2})\s+([A-Z][a-z]{2,8})\.?,?\s+(\d{4})\b/.exec(s);
  if (m) {
    const mon = monthIndex(m[2]!) + 1;
    if (mon) return ymd(Number(m[3]), mon, Number(m[1]));
  }
  // Epoch milliseconds or seconds
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const n = Number(s);
    const d = new Date(s.length === 13 ? n : n * 1000);
    if (!Number.isNaN(d.getTime())) return d.toISOString().slice(0, 10);
  }
  return null;
}

/** A date in the URL path: /2021/11/10/, /2021-11-10-, /2023-11/17/, /202311/17/. */
export function dateFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  let m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/\-_.]|$)/.exec(path);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /\/((?:19|20)\d{2})(\d{2})\/(\d{2})\//.exec(path);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})[/_.-]/.exec(path);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

const VISIBLE_DATE =
  /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b|\b\d{1,2}\s+(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?,?\s+(?:19|20)\d{2}\b|(?:19|20)\d{2}年\s*\d{1,2}月\s*\d{1,2}日|\b(?:19|20)\d{2}-\d{2}-\d{2}\b/;

/** The first date written in the visible byline area (header, byline, dateline elements). */
export function visibleDate(doc: Document): string | null {
  const candidates = queryAll(
    doc,
    '[class*="date" i], [class*="time" i], [class*="byline" i], [class*="meta" i], [class*="info" i], [class*="pub" i], [itemprop="datePublished"], header, .dateline',
  ).slice(0, 60);
  for (const el of candidates) {
    const text = textStart(el, 300);
    const m = VISIBLE_DATE.exec(text);
    if (m) {
      const d = normalizeDate(m[0]);
      if (d) return d;
    }
  }
  return null;
}

// ---------------------------------------------------------------- language, site, title

/** Guess the language from the text when the page does not declare it (only zh/ja/ko/en). */
export function guessLang(text: string): string {
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let latin = 0;
  const n = Math.min(text.length, 4000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) han++;
    else if (c >= 0x3040 && c <= 0x30ff) kana++;
    else if (c >= 0xac00 && c <= 0xd7af) hangul++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  if (kana > 20 && kana > han / 10) return 'ja';
  if (hangul > 20) return 'ko';
  if (han > 20 && han > latin / 4) return 'zh';
  return 'en';
}

/** The language of the title and the start of the body (see guessLang). */
export function guessBodyLang(doc: Document): string {
  return guessLang(titleOf(doc) + ' ' + textStart(queryOne(doc, 'body'), 4000));
}

function hostOf(url: string): string | null {
  try {
    const host = new URL(url).hostname;
    return host ? host.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

export interface ReadMetaOptions {
  /**
   * Guess the language from the page's text when nothing declares it (default true).
   * Extraction passes false and guesses from the article's paragraphs instead, which is
   * cheaper and reads the article rather than the navigation.
   */
  guessLang?: boolean;
}

export function readMeta(doc: Document, url: string, options: ReadMetaOptions = {}): PageMeta {
  const ld = readJsonLd(doc);
  const tags = metaTags(doc);
  const root = rootOf(doc);

  const site =
    first(tags, ['og:site_name', 'application-name', 'twitter:site']) ??
    ld.publisher ??
    hostOf(url);

  const rawTitle =
    first(tags, ['og:title', 'twitter:title', 'dc.title', 'title']) ??
    ld.headline ??
    titleOf(doc) ??
    '';
  const h1 = textOf(queryOne(doc, 'h1'));
  let title = cleanTitle(rawTitle || titleOf(doc) || h1, site);
  // "Headline_Section_Site": the page's own <h1> is the headline when the title contains it.
  if (!title || (h1.length >= 8 && title !== h1 && title.includes(h1))) title = h1;

  let publishedAt: string | null = null;
  let publishedFrom: string | null = null;
  const sources: [string, () => string | null][] = [
    ['json-ld', () => normalizeDate(ld.datePublished)],
    [
      'meta',
      () =>
        normalizeDate(
          first(tags, [
            'article:published_time',
            'og:article:published_time',
            'datepublished',
            'parsely-pub-date',
            'sailthru.date',
            'dc.date.issued',
            'dc.date',
            'dcterms.created',
            'date',
            'pubdate',
            'publishdate',
            'publish-date',
            'article.published',
            'cxenseparse:recs:publishtime',
          ]),
        ),
    ],
    [
      'time',
      () => {
        const t = queryOne(doc, 'article time[datetime], time[pubdate], time[datetime]');
        return normalizeDate(attr(t, 'datetime')) ?? normalizeDate(textOf(t));
      },
    ],
    ['url', () => dateFromUrl(url)],
    ['text', () => visibleDate(doc)],
  ];
  for (const [from, read] of sources) {
    const d = read();
    if (d) {
      publishedAt = d;
      publishedFrom = from;
      break;
    }
  }

  const lang =
    primaryLang(attr(root, 'lang')) ??
    primaryLang(attr(root, 'xml:lang')) ??
    primaryLang(tags.get('content-language')) ??
    primaryLang(ld.inLanguage) ??
    primaryLang(tags.get('og:locale')) ??
    (options.guessLang === false ? null : guessBodyLang(doc));

  let canonicalUrl: string | null = attr(queryOne(doc, 'link[rel~="canonical" i]'), 'href');
  canonicalUrl ??= tags.get('og:url') ?? ld.url;
  if (canonicalUrl) {
    try {
      canonicalUrl = new URL(canonicalUrl, url).href;
    } catch {
      canonicalUrl = null;
    }
  }

  const byline =
    (ld.authors.length ? ld.authors.join(', ') : null) ??
    first(tags, ['author', 'article:author', 'parsely-author', 'dc.creator', 'byl']) ??
    (textOf(queryOne(doc, '[rel="author"], [itemprop="author"], .byline, .author')) || null);

  const pageTypes = [...ld.types];
  const ogType = tags.get('og:type');
  if (ogType) pageTypes.push(ogType.toLowerCase());

  return {
    title,
    site,
    publishedAt,
    publishedFrom,
    lang,
    canonicalUrl,
    byline: byline && byline.length <= 200 && !/^https?:/.test(byline) ? byline : null,
    pageTypes,
  };
}
