/**
 * Reading import files into library records: JSONL in the library's own schema, Markdown with
 * front matter (`title`, `date`, `source_url`, optional `site`, `kind`, `government`), and saved
 * HTML pages (read by the caller with the content script's extraction). A file is all or nothing:
 * either every article of it, or its problems as `file:line: field: problem`.
 * Plain functions: the options page and the CLI both use them.
 */
import type { ExtractedArticle } from '../core/types.ts';
import {
  checkRecord,
  governmentOf,
  hostOf,
  isValidDate,
  makeRecord,
  normalizeUrl,
  textHashOf,
} from './record.ts';
import { extractQuotes } from '../core/quotes.ts';
import { markdownBlocks, readMarkdown } from '../core/markdown.ts';
import {
  ARTICLE_KINDS,
  GOVERNMENTS,
  type ArticleKind,
  type Government,
  type LibraryArticle,
} from './types.ts';

/** A file larger than this is refused whole (a library export of 5,000 articles is ~25 MB). */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

export interface ImportProblem {
  file: string;
  line: number;
  field: string;
  problem: string;
}

export function formatImportProblem(p: ImportProblem): string {
  return `${p.file}:${p.line}: ${p.field}: ${p.problem}`;
}

export type ParsedFile =
  | { ok: true; file: string; articles: LibraryArticle[] }
  | { ok: false; file: string; problems: ImportProblem[] };

export type ImportFormat = 'jsonl' | 'markdown' | 'html';

export function formatOf(name: string): ImportFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'jsonl' || ext === 'ndjson' || ext === 'json') return 'jsonl';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'html' || ext === 'htm') return 'html';
  return null;
}

/** Reads an HTML page into an article: the content script's extraction, given by the caller. */
export type HtmlReader = (html: string, url: string) => ExtractedArticle;

const fail = (file: string, line: number, field: string, problem: string): ParsedFile => ({
  ok: false,
  file,
  problems: [{ file, line, field, problem }],
});

/** Decodes strict UTF-8; a bad byte is reported with its line. */
export function decodeUtf8(
  file: string,
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; parsed: ParsedFile } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text };
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    const at = loose.indexOf('\uFFFD');
    const line = at < 0 ? 1 : loose.slice(0, at).split('\n').length;
    return { ok: false, parsed: fail(file, line, 'encoding', 'not UTF-8 text') };
  }
}

export interface ParseOptions {
  readHtml?: HtmlReader;
  now?: Date;
}

/** The refusal of a file too large to import, judged by its size alone (null: not too large). */
export function tooLarge(file: string, size: number): ParsedFile | null {
  if (size <= MAX_IMPORT_BYTES) return null;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return fail(
    file,
    1,
    'file',
    `${mb(size)} MB, more than the ${mb(MAX_IMPORT_BYTES)} MB a file may have; split it`,
  );
}

/** Parses one import file; never throws. */
export function parseImportFile(
  file: string,
  bytes: Uint8Array,
  opts: ParseOptions = {},
): ParsedFile {
  const big = tooLarge(file, bytes.byteLength);
  if (big) return big;
  const format = formatOf(file);
  if (!format) return fail(file, 1, 'file', 'not a JSONL, Markdown or HTML file');
  const decoded = decodeUtf8(file, bytes);
  if (!decoded.ok) return decoded.parsed;
  try {
    if (format === 'jsonl') return parseJsonl(file, decoded.text);
    if (format === 'markdown') return parseMarkdown(file, decoded.text, opts.now);
    if (!opts.readHtml) return fail(file, 1, 'file', 'HTML pages cannot be read here');
    return parseHtml(file, decoded.text, opts.readHtml, opts.now);
  } catch (err) {
    return fail(file, 1, 'file', `could not be read (${err instanceof Error ? err.message : err})`);
  }
}

/** JSONL in the library's schema; missing optional fields are filled as for a fresh record. */
export function parseJsonl(file: string, text: string): ParsedFile {
  const problems: ImportProblem[] = [];
  const articles: LibraryArticle[] = [];
  const seen = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      problems.push({ file, line, field: 'json', problem: jsonMessage(err) });
      return;
    }
    const found = checkRecord(value);
    for (const p of found) problems.push({ file, line, ...p });
    if (found.length > 0) return;
    const r = value as LibraryArticle;
    const first = seen.get(r.id);
    if (first !== undefined) {
      problems.push({ file, line, field: 'id', problem: `duplicate of line ${first}: ${r.id}` });
      return;
    }
    seen.set(r.id, line);
    articles.push(completeRecord(r, file));
  });
  if (problems.length > 0) return { ok: false, file, problems };
  if (articles.length === 0) return fail(file, 1, 'file', 'no articles in it');
  return { ok: true, file, articles };
}

function jsonMessage(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return `not valid JSON (${m.replace(/\s*in JSON at position \d+.*$/, '').slice(0, 80)})`;
}

/** Fills what a hand-written record may leave out; a complete (exported) record is kept as is. */
function completeRecord(r: LibraryArticle, file: string): LibraryArticle {
  const out: LibraryArticle = {
    ...r,
    urls: r.urls ?? [],
    canonicalUrl: r.canonicalUrl ?? null,
    site: r.site ?? hostOf(r.urls?.[0] ?? r.canonicalUrl ?? null),
    outlet: r.outlet ?? null,
    publishedAt: r.publishedAt ?? null,
    lang: r.lang ?? 'en',
    quotes:
      r.quotes ?? extractQuotes(r.paragraphs).map((q) => ({ text: q.text, speaker: q.speaker })),
    kind: r.kind ?? 'news',
    origin: r.origin ?? 'imported',
    addedAt: r.addedAt ?? new Date().toISOString(),
    textHash: r.textHash ?? textHashOf(r.paragraphs),
  };
  if (r.origin === undefined) out.importedFrom = baseName(file);
  if (out.kind === 'official-readout' && !out.government) out.government = 'other';
  return out;
}

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Markdown with front matter (see markdown.ts), as the White House texts come. */
export function parseMarkdown(file: string, text: string, now?: Date): ParsedFile {
  const doc = readMarkdown(text);
  const fm = doc.frontMatter;
  if (fm === null) return fail(file, 1, 'front matter', 'missing (expected ---)');
  if (fm === 'unclosed') return fail(file, 1, 'front matter', 'not closed with ---');
  if (!fm.ok) return fail(file, fm.line, fm.field, fm.problem);
  const f = (key: string): string | null | undefined => fm.values.get(key);
  const lineOf = (key: string): number => fm.lines.get(key) ?? 1;
  const problems: ImportProblem[] = [];
  const bad = (field: string, problem: string) =>
    problems.push({ file, line: lineOf(field), field, problem });
  const title = f('title');
  if (title === undefined || title === null) bad('title', 'missing');
  else if (title.trim() === '') bad('title', 'empty or not text');
  const dateText = f('date')?.trim();
  if (dateText && !isValidDate(dateText)) bad('date', `not a date (YYYY-MM-DD): ${f('date')}`);
  const url = f('source_url');
  if (url !== undefined && url !== null && !isHttpUrl(url))
    bad('source_url', `not a web address: ${url}`);
  const kind = f('kind');
  if (kind !== undefined && !ARTICLE_KINDS.includes(kind as ArticleKind)) {
    bad('kind', `expected one of ${ARTICLE_KINDS.join(', ')}`);
  }
  const gov = f('government');
  if (gov !== undefined && !GOVERNMENTS.includes(gov as Government)) {
    bad('government', `expected one of ${GOVERNMENTS.join(', ')}`);
  }
  const site = f('site');
  const paragraphs = markdownBlocks(doc.body).map((b) => b.text);
  if (paragraphs.length === 0) {
    problems.push({
      file,
      line: doc.bodyLine,
      field: 'body',
      problem: 'no text after front matter',
    });
  }
  if (problems.length > 0) return { ok: false, file, problems };
  const sourceUrl = url ?? null;
  const government = (gov as Government | undefined) ?? governmentOf(sourceUrl) ?? undefined;
  const record = makeRecord(
    {
      url: sourceUrl,
      canonicalUrl: sourceUrl,
      outlet: site ?? outletOf(sourceUrl),
      title: (title ?? '').replace(/\s+/g, ' '),
      publishedAt: dateText || null,
      lang: f('lang') ?? 'en',
      paragraphs,
      ...(kind ? { kind: kind as ArticleKind } : {}),
      ...(government ? { government } : {}),
      origin: 'imported',
      importedFrom: baseName(file),
    },
    now,
  );
  return { ok: true, file, articles: [record] };
}

function isHttpUrl(s: string): boolean {
  try {
    return /^https?:$/.test(new URL(s).protocol);
  } catch {
    return false;
  }
}

function outletOf(url: string | null): string | null {
  const host = hostOf(url);
  if (!host) return null;
  if (/whitehouse\.gov$|archives\.gov$/.test(host)) return 'The White House';
  if (/state\.gov$/.test(host)) return 'U.S. Department of State';
  if (/fmprc\.gov\.cn$|mfa\.gov\.cn$/.test(host)) return 'PRC Ministry of Foreign Affairs';
  return null;
}

/** A saved page: the address it was saved from, when the file tells it. */
export function savedPageUrl(html: string): string | null {
  const saved = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096))?.[1];
  if (saved && isHttpUrl(saved)) return saved;
  const canonical =
    /<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']/i.exec(html)?.[1] ??
    /<link[^>]+href=["']([^"']+)["'][^>]*rel=["']canonical["']/i.exec(html)?.[1];
  if (canonical && isHttpUrl(canonical)) return canonical;
  const og = /<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']/i.exec(html)?.[1];
  return og && isHttpUrl(og) ? og : null;
}

export function parseHtml(file: string, html: string, read: HtmlReader, now?: Date): ParsedFile {
  const url = savedPageUrl(html);
  const extracted = read(
    html,
    url ?? `https://saved.invalid/${encodeURIComponent(baseName(file))}`,
  );
  if (extracted.notArticleReason || extracted.paragraphs.length === 0) {
    return fail(file, 1, 'html', `no article in it (${extracted.notArticleReason ?? 'no text'})`);
  }
  const m = extracted.meta;
  if (!m.title) return fail(file, 1, 'title', 'missing: the page has no headline');
  const canonical = m.canonicalUrl ?? url;
  return {
    ok: true,
    file,
    articles: [
      makeRecord(
        {
          url,
          canonicalUrl: canonical ? normalizeUrl(canonical) : null,
          outlet: m.site,
          title: m.title,
          publishedAt: m.publishedAt,
          lang: m.lang,
          paragraphs: extracted.paragraphs,
          origin: 'imported',
          importedFrom: baseName(file),
        },
        now,
      ),
    ],
  };
}

/** Articles as JSONL, one a line, in a stable order (oldest first, then id). */
export function toJsonl(articles: readonly LibraryArticle[]): string {
  const sorted = [...articles].sort(
    (a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id),
  );
  return sorted.map((a) => JSON.stringify(a)).join('\n') + (sorted.length ? '\n' : '');
}
