/**
 * The background's half of the pipeline (match → context) as one plain function over plain data.
 * The content script's half (extract → detect) is in classify.ts; pipeline.ts joins both for the
 * CLI and the tests.
 */
import type { LoadedCorpus } from '../corpus/types.ts';
import { collectContext } from './context.ts';
import { preparePage } from './match/prepared-page.ts';
import { quoteMatchesFor } from './match/quote-match.ts';
import { relatedFor } from './match/related.ts';
import { pageDate, pageMentions } from './mentions.ts';
import { chineseNamesFor } from './name-forms.ts';
import { extractQuotes } from './quotes.ts';
import type { Analysis, Detection, ExtractedArticle } from './types.ts';

export const NO_TABLES =
  'the corpus has no tables (the lexicon, synonym and Chinese dictionary tables load with it)';

export interface AnalyzeOptions {
  /** Corpus articles to leave out (leave-one-out evaluation). */
  exclude?: ReadonlySet<string>;
  /** Corpus articles the reader marked "not the same story" for this page. */
  rejected?: ReadonlySet<string>;
  /** Match and collect context even when detection did not flag the page. */
  force?: boolean;
}

/** Matching and context for an article already extracted and classified (the background's part). */
export function analyzeExtracted(
  extracted: ExtractedArticle,
  detection: Detection,
  corpus: LoadedCorpus,
  opts: AnalyzeOptions = {},
): Analysis {
  // Nothing here catches: a failure is the caller's. Matching without its tables would find
  // nothing rather than fail, so a corpus that lacks them is an error here.
  if (!corpus.tables) throw new Error(NO_TABLES);
  const { lexicon } = corpus.tables;
  const article = extracted.notArticleReason ? null : extracted.meta;
  const engaged = article !== null && (detection.label === 'us-china-diplomacy' || opts.force);
  if (!engaged) {
    const idle = { article, detection, related: [], quotes: [], context: [] };
    return { ...idle, names: chineseNamesFor(idle, corpus.events, lexicon) };
  }
  const matchOpts = { exclude: opts.exclude, rejected: opts.rejected };
  // Prepared once, then shared: the page's own article, its profile, the corpus ranking and
  // its quotes serve both matchers.
  const page = preparePage(extracted, corpus, matchOpts);
  const self = page.self;
  const pageQuotes = extractQuotes(page.paragraphs);
  // Resolved once: related coverage reads the events' ids, the context the mentions.
  const mentions = pageMentions(extracted, pageDate(extracted), corpus.events, lexicon);
  const events = new Set(mentions.map((m) => m.eventId));
  const related = relatedFor(page, pageQuotes, events, corpus, matchOpts);
  const quotes = quoteMatchesFor(page, pageQuotes, corpus);
  const { context, moreContext, since } = collectContext(extracted, related, corpus, {
    mentions,
  });
  const entry = self === null ? undefined : corpus.articles.get(self);
  const corpusArticle = entry
    ? { id: entry.id, title: entry.title, publishedAt: entry.publishedAt, outlet: entry.outlet }
    : null;
  const found = { article, detection, corpusArticle, related, quotes, context, moreContext, since };
  return { ...found, names: chineseNamesFor(found, corpus.events, lexicon) };
}
