/**
 * The library's offline side of the corpus CLI:
 *   `corpus import FILE_OR_DIR... --out PACK.jsonl` reads JSONL, Markdown (front matter) and saved
 *   HTML files as the options page does and writes one pack the options page imports;
 *   `corpus validate PACK.jsonl` checks a pack. Problems print as `file:line: field: problem`;
 *   a bad file is left out whole, the others are written; exit 1 when any file had problems.
 */
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../core/extract.ts';
import type { ExtractedArticle } from '../core/types.ts';
import { formatImportProblem, formatOf, parseImportFile, toJsonl } from '../library/import.ts';
import type { LibraryArticle } from '../library/types.ts';

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** The content script's extraction over jsdom (page scripts never run). */
export function readHtmlNode(html: string, url: string): ExtractedArticle {
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  try {
    return extractArticle(dom.window.document, url);
  } finally {
    dom.window.close();
  }
}

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  const out: string[] = [];
  for (const name of readdirSync(path).sort()) {
    const p = join(path, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else if (formatOf(name)) out.push(p);
  }
  return out;
}

export function runImport(paths: string[], outPath: string, io: Io): number {
  const missing = paths.find((p) => !existsSync(p));
  if (missing) {
    io.err(`backstory corpus: ${missing}: no such file or folder`);
    return 2;
  }
  const byId = new Map<string, LibraryArticle>();
  let bad = 0;
  let files = 0;
  for (const file of paths.flatMap(filesUnder)) {
    const shown = relative(process.cwd(), file) || file;
    const parsed = parseImportFile(shown, readFileSync(file), { readHtml: readHtmlNode });
    if (!parsed.ok) {
      bad += 1;
      for (const p of parsed.problems) io.err(formatImportProblem(p));
      continue;
    }
    files += 1;
    for (const a of parsed.articles) if (!byId.has(a.id)) byId.set(a.id, a);
  }
  writeFileSync(outPath, toJsonl([...byId.values()]));
  io.out(`wrote ${byId.size} articles from ${files} files to ${outPath}`);
  if (bad > 0) io.err(`${bad} file(s) with problems left out`);
  return bad > 0 ? 1 : 0;
}

export function runValidatePack(paths: string[], io: Io): number {
  let code = 0;
  for (const path of paths) {
    if (!existsSync(path)) {
      io.err(`backstory corpus: ${path}: no such file`);
      return 2;
    }
    const parsed = parseImportFile(path, readFileSync(path));
    if (parsed.ok) io.out(`ok: ${parsed.articles.length} articles in ${path}`);
    else {
      for (const p of parsed.problems) io.err(formatImportProblem(p));
      io.err(`${parsed.problems.length} problem(s) in ${path}`);
      code = 1;
    }
  }
  return code;
}
