/** Library test helpers: fixture pages read as the content script reads them, a fresh database. */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractAndDetect } from '../../../src/core/classify.ts';
import { extractArticle } from '../../../src/core/extract.ts';
import type { Detection, ExtractedArticle } from '../../../src/core/types.ts';
import { openLibrary, type LibraryDb } from '../../../src/library/store.ts';
import { bundledLexicon } from '../../../src/corpus/node.ts';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const FIXTURES = join(ROOT, 'test/fixtures/library');

export function readPage(
  name: string,
  url = `https://news.example/${name}`,
): { extracted: ExtractedArticle; detection: Detection; url: string } {
  const html = readFileSync(join(FIXTURES, name), 'utf8');
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  try {
    return { ...extractAndDetect(dom.window.document, url, bundledLexicon(), { full: true }), url };
  } finally {
    dom.window.close();
  }
}

/** The content script's extraction on an HTML string (what import uses for saved pages). */
export function readHtml(html: string, url: string): ExtractedArticle {
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  try {
    return extractArticle(dom.window.document, url);
  } finally {
    dom.window.close();
  }
}

let n = 0;
/** A database of its own for each test. */
export function freshDb(): Promise<LibraryDb> {
  n += 1;
  return openLibrary(`test-library-${process.pid}-${n}`);
}
