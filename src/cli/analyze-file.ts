/** The CLI's pipeline: a file's content → a DOM (jsdom) → the same analysis the extension makes. */
import { JSDOM, VirtualConsole } from 'jsdom';
import type { AnalyzeOptions } from '../core/analyze.ts';
import { analyzeDocument } from '../core/pipeline.ts';
import { textToHtml } from '../core/text-doc.ts';
import type { Analysis } from '../core/types.ts';
import type { LoadedCorpus } from '../corpus/types.ts';
import { withSources } from '../library/sources.ts';

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
    const analysis = analyzeDocument(dom.window.document, url, corpus, opts);
    // As the extension reports it: every item says where it came from (here, the bundled corpus).
    const look = { library: new Map(), bundled: corpus.articles, index: corpus.match };
    return { pageUrl: url, ...withSources(analysis, look) };
  } finally {
    dom.window.close();
  }
}
