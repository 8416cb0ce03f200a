/** The CLI's pipeline: a file's content → a DOM (jsdom) → the same analysis the extension makes. */
import type { AnalyzeOptions } from '../core/analyze.ts';
import { analyzeExtracted } from '../core/analyze.ts';
import { detectDiplomacy } from '../core/detect.ts';
import { extractArticle, MAX_ELEMENTS, TOO_MANY_ELEMENTS } from '../core/extract.ts';
import { analyzeDocument } from '../core/pipeline.ts';
import { textToHtml } from '../core/text-doc.ts';
import type { Analysis } from '../core/types.ts';
import type { LoadedCorpus } from '../corpus/types.ts';
import { withSources } from '../library/sources.ts';
import { parseHtml } from './dom.ts';
import { countElements } from './element-count.ts';

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
  if (countElements(html, MAX_ELEMENTS) > MAX_ELEMENTS) {
    return { pageUrl: url, ...tooManyElements(html, url, corpus, opts) };
  }
  const dom = parseHtml(html, url);
  try {
    const analysis = analyzeDocument(dom.window.document, url, corpus, opts);
    // As the extension reports it: every item says where it came from (here, the bundled corpus).
    const look = { library: new Map(), bundled: corpus.articles, index: corpus.match };
    return { pageUrl: url, ...withSources(analysis, look) };
  } finally {
    dom.window.close();
  }
}

const BODY_START = /<body[\s>]/i;

/**
 * The extension's verdict on a page over its element limit (Readability refuses it), reached
 * without parsing the page: only the part before `<body>` is parsed, for the title, date and
 * language the verdict carries.
 */
function tooManyElements(
  html: string,
  url: string,
  corpus: LoadedCorpus,
  opts: AnalyzeOptions,
): Analysis {
  const bodyAt = html.search(BODY_START);
  let head = bodyAt < 0 ? '' : html.slice(0, bodyAt);
  if (countElements(head, MAX_ELEMENTS) > MAX_ELEMENTS) head = '';
  const dom = parseHtml(head, url);
  try {
    const unread = extractArticle(dom.window.document, url);
    const extracted = { ...unread, notArticleReason: TOO_MANY_ELEMENTS };
    return analyzeExtracted(
      extracted,
      detectDiplomacy(extracted, corpus.tables.lexicon),
      corpus,
      opts,
    );
  } finally {
    dom.window.close();
  }
}
