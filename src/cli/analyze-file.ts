/** The CLI's pipeline: a file's content → a DOM (jsdom) → the same analysis the extension makes. */
import { JSDOM, VirtualConsole } from 'jsdom';
import type { AnalyzeOptions } from '../core/analyze.ts';
import { analyzeDocument } from '../core/pipeline.ts';
import { textToHtml } from '../core/text-doc.ts';
import type { Analysis } from '../core/types.ts';
import type { LoadedCorpus } from '../corpus/types.ts';

export type FileKind = 'html' | 'md' | 'txt';

export interface CliAnalysis extends Analysis {
  pageUrl: string;
}

export function analyzeFile(
  content: string,
  kind: FileKind,
  url: string,
  corpus: LoadedCorpus,
  opts: AnalyzeOptions = {},
): CliAnalysis {
  const html = kind === 'html' ? content : textToHtml(content, kind, { url }).html;
  // Page scripts never run and jsdom's own console noise (e.g. CSS it cannot parse) stays quiet.
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  try {
    return { pageUrl: url, ...analyzeDocument(dom.window.document, url, corpus, opts) };
  } finally {
    dom.window.close();
  }
}
