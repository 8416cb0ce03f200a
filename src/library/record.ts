/**
 * Building, checking and merging library records: one place for what makes two readings the same
 * article (same address, same canonical address, or the same text) and for what a valid record is.
 */
import { extractQuotes } from '../core/quotes.ts';
import { clip as clipText, hash32, normalizeText, tokenize } from '../core/text.ts';
import type { ExtractedArticle } from '../core/types.ts';
import {
  ARTICLE_KINDS,
  GOVERNMENTS,
  LIBRARY_ORIGINS,
  type ArticleKind,
  type Government,
  type LibraryArticle,
  type LibraryOrigin,
} from './types.ts';

/** Hash of an article's text: its words, lower-cased, whatever the spacing and punctuation. */
export function textHashOf(paragraphs: readonly string[]): string {
  const words = tokenize(normalizeText(paragraphs.join('\n\n'))).map((t) => t.word);
  const joined = words.join(' ');
  return `${hash32(joined).toString(16).padStart(8, '0')}${hash32(joined, 0x1234567)
    .toString(16)
    .padStart(8, '0')}`;
}

/** An address without its fragment, for comparison. */
export function normalizeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url.trim();
  }
}

export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname;
    return host || null;
  } catch {
    return null;
  }
}

/** Official government sources recognised by their address when a file does not say its kind. */
const GOVERNMENT_HOSTS: [RegExp, Government][] = [
  [/(^|\.)(whitehouse\.gov|state\.gov|defense\.gov|treasury\.gov|ustr\.gov)$/, 'US'],
  [/(^|\.)(archives\.gov)$/, 'US'],
  [/(^|\.)(fmprc\.gov\.cn|mfa\.gov\.cn|gov\.cn|mofcom\.gov\.cn)$/, 'PRC'],
];

/** The government behind an address, when it is an official site Backstory knows. */
export function governmentOf(url: string | null): Government | null {
  const host = hostOf(url);
  if (!host) return null;
  for (const [re, g] of GOVERNMENT_HOSTS) if (re.test(host)) return g;
  return null;
}

export interface NewArticle {
  url: string | null;
  canonicalUrl?: string | null;
  outlet?: string | null;
  title: string;
  publishedAt: string | null;
  lang: string;
  paragraphs: string[];
  kind?: ArticleKind;
  government?: Government;
  origin: LibraryOrigin;
  importedFrom?: string;
}

/** A fresh library record (quotes found with the same extraction the matcher uses). */
export function makeRecord(a: NewArticle, now: Date = new Date()): LibraryArticle {
  const paragraphs = a.paragraphs.map((p) => p.trim()).filter((p) => p.length > 0);
  const textHash = textHashOf(paragraphs);
  const urls = a.url ? [normalizeUrl(a.url)] : [];
  const canonicalUrl = a.canonicalUrl ? normalizeUrl(a.canonicalUrl) : null;
  const government = a.government ?? governmentOf(canonicalUrl ?? a.url);
  const kind: ArticleKind = a.kind ?? (government ? 'official-readout' : 'news');
  return {
    id: `lib-${textHash}`,
    urls,
    canonicalUrl,
    site: hostOf(urls[0] ?? canonicalUrl),
    outlet: a.outlet ?? null,
    title: a.title.trim(),
    publishedAt: a.publishedAt,
    lang: a.lang || 'en',
    paragraphs,
    quotes: extractQuotes(paragraphs).map((q) => ({ text: q.text, speaker: q.speaker })),
    kind,
    ...(kind === 'official-readout' ? { government: government ?? 'other' } : {}),
    origin: a.origin,
    ...(a.importedFrom ? { importedFrom: a.importedFrom } : {}),
    addedAt: now.toISOString(),
    textHash,
  };
}

/** A record from a page the content script extracted. */
export function recordFromExtracted(
  extracted: ExtractedArticle,
  pageUrl: string,
  origin: LibraryOrigin,
  now?: Date,
): LibraryArticle {
  const m = extracted.meta;
  return makeRecord(
    {
      url: pageUrl || m.url,
      canonicalUrl: m.canonicalUrl ?? null,
      outlet: m.site,
      title: m.title || pageUrl,
      publishedAt: m.publishedAt,
      lang: m.lang,
      paragraphs: extracted.paragraphs,
      origin,
    },
    now,
  );
}

/** The lookup keys that make two records the same article. */
export function identityKeys(a: Pick<LibraryArticle, 'urls' | 'canonicalUrl' | 'textHash'>): {
  urls: string[];
  canonical: string | null;
  textHash: string;
} {
  return { urls: a.urls, canonical: a.canonicalUrl, textHash: a.textHash };
}

const ORIGIN_RANK: Record<LibraryOrigin, number> = { remembered: 0, imported: 1, saved: 2 };

/**
 * A new reading of an article already in the library: the stored one keeps its id and first
 * date, gains the new address, and takes the newer text and metadata. An explicit "save" or an
 * import outranks a remembered reading as the origin.
 */
export function mergeRecord(old: LibraryArticle, next: LibraryArticle): LibraryArticle {
  const urls = [...new Set([...old.urls, ...next.urls])];
  const keepOld = ORIGIN_RANK[old.origin] >= ORIGIN_RANK[next.origin];
  const merged: LibraryArticle = {
    ...next,
    id: old.id,
    urls,
    canonicalUrl: next.canonicalUrl ?? old.canonicalUrl,
    site: old.site ?? next.site,
    outlet: next.outlet ?? old.outlet,
    publishedAt: next.publishedAt ?? old.publishedAt,
    origin: keepOld ? old.origin : next.origin,
    addedAt: old.addedAt,
    updatedAt: next.addedAt,
  };
  delete merged.importedFrom;
  const from = keepOld ? old.importedFrom : next.importedFrom;
  if (from) merged.importedFrom = from;
  return merged;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isValidDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Problems of one record read from JSONL, as `field: problem` (empty when valid). */
export function checkRecord(value: unknown): { field: string; problem: string }[] {
  const out: { field: string; problem: string }[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ field: 'record', problem: 'expected a JSON object' }];
  }
  const r = value as Record<string, unknown>;
  const str = (k: string, required: boolean) => {
    const v = r[k];
    if (v === undefined || v === null) {
      if (required) out.push({ field: k, problem: 'missing' });
      return;
    }
    if (typeof v !== 'string') out.push({ field: k, problem: 'expected text' });
    else if (required && v.trim() === '') out.push({ field: k, problem: 'empty' });
  };
  str('id', true);
  str('title', true);
  str('lang', false);
  str('textHash', false);
  str('canonicalUrl', false);
  str('site', false);
  str('outlet', false);
  str('importedFrom', false);
  str('updatedAt', false);
  const pub = r['publishedAt'];
  if (pub !== null && pub !== undefined && (typeof pub !== 'string' || !isValidDate(pub))) {
    out.push({ field: 'publishedAt', problem: `not a date (YYYY-MM-DD): ${clip(pub)}` });
  }
  const added = r['addedAt'];
  if (added !== undefined && (typeof added !== 'string' || Number.isNaN(Date.parse(added)))) {
    out.push({ field: 'addedAt', problem: `not a timestamp: ${clip(added)}` });
  }
  const strings = (k: string, required: boolean) => {
    const v = r[k];
    if (v === undefined && !required) return;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      out.push({ field: k, problem: v === undefined ? 'missing' : 'expected a list of texts' });
    } else if (required && !v.some((x: string) => x.trim() !== '')) {
      out.push({ field: k, problem: 'empty' });
    }
  };
  strings('urls', false);
  strings('paragraphs', true);
  const quotes = r['quotes'];
  if (
    quotes !== undefined &&
    (!Array.isArray(quotes) ||
      quotes.some(
        (q) =>
          typeof q !== 'object' ||
          q === null ||
          typeof (q as { text?: unknown }).text !== 'string' ||
          !['string', 'object'].includes(typeof (q as { speaker?: unknown }).speaker),
      ))
  ) {
    out.push({ field: 'quotes', problem: 'expected a list of { text, speaker }' });
  }
  const oneOf = (k: string, allowed: readonly string[]) => {
    const v = r[k];
    if (v !== undefined && !allowed.includes(v as string)) {
      out.push({ field: k, problem: `expected one of ${allowed.join(', ')}` });
    }
  };
  oneOf('kind', ARTICLE_KINDS);
  oneOf('government', GOVERNMENTS);
  oneOf('origin', LIBRARY_ORIGINS);
  return out;
}

function clip(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return clipText(s, 40);
}
