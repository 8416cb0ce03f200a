/**
 * The labelled real pages of ../shared/data (see its README) and the project's own
 * fixtures, as one list, for the detection evaluation and the extraction benchmark.
 * Node only.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { textToHtml } from '../src/core/text-doc.ts';
import type { Label } from '../src/core/types.ts';

export interface LabelledPage {
  /** Collection and file, e.g. "wh-briefings/statements-releases/…md". */
  id: string;
  collection: string;
  /** Absolute path of the .html/.md/.txt file. */
  path: string;
  /** URL the page was served at (or a neutral local one when unknown). */
  url: string;
  gold: Exclude<Label, 'not-article'> | 'not-article';
  note: string;
  /** Title from the manifest, used for Markdown/text documents. */
  title: string;
}

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '..');
export const SHARED_DATA = resolve(ROOT, '../shared/data');
export const FIXTURES = resolve(ROOT, 'test/fixtures/pages');
/** The 96 White House texts (Markdown with front matter), for import tests and benchmarks. */
export const WH_DIR = resolve(SHARED_DATA, 'wh-briefings');

/** Every Markdown file under `dir`, sorted by path (the White House texts by default). */
export function markdownFiles(dir: string = WH_DIR): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...markdownFiles(p));
    else if (name.endsWith('.md')) out.push(p);
  }
  return out.sort();
}

/** Minimal RFC 4180 CSV parser (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.some((f) => f !== ''));
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

function goldOf(topic: string): LabelledPage['gold'] {
  if (topic === 'usdiplomacy') return 'us-china-diplomacy';
  if (topic === 'china-other') return 'china-other';
  return 'unrelated';
}

function canonicalFromHtml(html: string): string | null {
  const m =
    /<link[^>]+rel=["']?canonical["']?[^>]*href=["']([^"']+)["']/i.exec(html) ??
    /<link[^>]+href=["']([^"']+)["'][^>]*rel=["']?canonical/i.exec(html) ??
    /<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']/i.exec(html);
  const u = m?.[1];
  return u && /^https?:\/\//.test(u) ? u : null;
}

function localUrl(id: string): string {
  return `http://127.0.0.1/${encodeURI(id)}`;
}

/** Labelled pages from ../shared/data; [] when the folder is absent. */
export function sharedPages(): LabelledPage[] {
  if (!existsSync(SHARED_DATA)) return [];
  const out: LabelledPage[] = [];
  for (const collection of [
    'newspaper4k-testdata',
    'postlight-parser-fixtures',
    'trafilatura-eval',
    'wh-briefings',
  ]) {
    const manifest = join(SHARED_DATA, collection, 'manifest.csv');
    if (!existsSync(manifest)) continue;
    for (const r of parseCsv(readFileSync(manifest, 'utf8'))) {
      const file = r['file'] ?? '';
      const path = join(SHARED_DATA, collection, file);
      if (!file || !existsSync(path)) continue;
      const id = `${collection}/${file}`;
      out.push({
        id,
        collection,
        path,
        url: r['source_url'] || localUrl(id),
        gold: goldOf(r['topic_label'] ?? ''),
        note: r['note'] ?? '',
        title: r['title'] ?? '',
      });
    }
  }
  const labels = join(SHARED_DATA, 'readability-pages', 'labels.csv');
  if (existsSync(labels)) {
    for (const r of parseCsv(readFileSync(labels, 'utf8'))) {
      const name = r['name'] ?? '';
      const path = join(SHARED_DATA, 'readability-pages', name, 'source.html');
      if (!name || !existsSync(path)) continue;
      const id = `readability-pages/${name}`;
      const html = readFileSync(path, 'utf8');
      out.push({
        id,
        collection: 'readability-pages',
        path,
        url: canonicalFromHtml(html) ?? localUrl(`${id}/source.html`),
        gold:
          r['us_china_diplomacy'] === 'yes'
            ? 'us-china-diplomacy'
            : r['china_related'] === 'yes' || r['china_related'] === 'partial'
              ? 'china-other'
              : 'unrelated',
        note: r['note'] ?? '',
        title: r['title'] ?? '',
      });
    }
  }
  return out;
}

/** The project's own fixtures with their expected labels (test/fixtures/pages/<name>/expected.json). */
export function fixturePages(): LabelledPage[] {
  if (!existsSync(FIXTURES)) return [];
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(FIXTURES, e.name, 'expected.json')))
    .map((e) => {
      const x = JSON.parse(readFileSync(join(FIXTURES, e.name, 'expected.json'), 'utf8')) as {
        url: string;
        label: LabelledPage['gold'];
        note?: string;
        title?: string | null;
      };
      return {
        id: `fixtures/${e.name}`,
        collection: 'fixtures',
        path: join(FIXTURES, e.name, 'page.html'),
        url: x.url,
        gold: x.label,
        note: x.note ?? '',
        title: x.title ?? '',
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The page as HTML (Markdown and text documents converted as the CLI converts them). */
export function pageHtml(page: LabelledPage): string {
  const raw = readFileSync(page.path, 'utf8');
  const kind = /\.(md|txt)$/i.exec(page.path)?.[1]?.toLowerCase();
  return kind === 'md' || kind === 'txt'
    ? textToHtml(raw, kind, { fallbackTitle: page.title }).html
    : raw;
}
