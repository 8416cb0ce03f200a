/**
 * After matching: say where each related item and quote match came from (bundled corpus or the
 * reader's library, with its address), and gather the official readouts of the page's event
 * ("what the governments said") with the readout sentences that match the page's quotes.
 */
import type { IndexedDoc, MatchIndex } from '../core/match-index.ts';
import { contentStems, daysBetween } from '../core/text.ts';
import type {
  Analysis,
  ItemSource,
  OfficialStatement,
  PageQuote,
  RelatedItem,
} from '../core/types.ts';
import type { CorpusArticleEntry } from '../corpus/types.ts';

export interface SourceLookup {
  /** Library articles' sources by id. */
  library: ReadonlyMap<string, ItemSource>;
  /** Bundled corpus articles by id (for their addresses). */
  bundled: ReadonlyMap<string, CorpusArticleEntry>;
  index: MatchIndex;
}

function sourceFor(id: string, look: SourceLookup): ItemSource {
  const lib = look.library.get(id);
  if (lib) return lib;
  return { origin: 'bundled', url: look.bundled.get(id)?.url ?? null, site: null };
}

/** The analysis with origins and addresses on every related item and quote match. */
export function withSources(analysis: Analysis, look: SourceLookup): Analysis {
  const related: RelatedItem[] = analysis.related.map((r) => {
    const source = sourceFor(r.id, look);
    return { ...r, origin: source.origin, url: source.url, source };
  });
  const quotes: PageQuote[] = analysis.quotes.map((q) => ({
    ...q,
    matches: q.matches.map((m) => {
      const source = sourceFor(m.articleId, look);
      return { ...m, origin: source.origin, url: source.url };
    }),
  }));
  const official = officialStatements({ ...analysis, related, quotes }, look);
  return { ...analysis, related, quotes, ...(official.length > 0 ? { official } : {}) };
}

/** Readouts published this close to the page tell of its event even when only "related". */
const EVENT_DAYS = 3;
const MIN_SHARED = 3;

/**
 * Official readouts among the matched articles that cover the page's event: same story, or
 * related and published within three days of the page.
 */
export function officialStatements(analysis: Analysis, look: SourceLookup): OfficialStatement[] {
  const out: OfficialStatement[] = [];
  const pageDate = analysis.article?.publishedAt ?? null;
  for (const r of analysis.related) {
    const source = r.source ?? sourceFor(r.id, look);
    if (source.kind !== 'official-readout') continue;
    const days = daysBetween(pageDate, r.publishedAt);
    if (r.relation !== 'same-story' && (days === null || Math.abs(days) > EVENT_DAYS)) continue;
    const doc = look.index.docs[look.index.byId.get(r.id) ?? -1];
    out.push({
      id: r.id,
      title: r.title,
      publishedAt: r.publishedAt,
      government: source.government ?? 'other',
      outlet: r.outlet ?? null,
      source,
      sentences: doc ? matchingSentences(analysis.quotes, doc) : [],
    });
  }
  return out;
}

/** For each page quote, the readout sentence that shares the most of its content words. */
export function matchingSentences(
  quotes: readonly PageQuote[],
  doc: Pick<IndexedDoc, 'text' | 'sentences'>,
): { quote: string; sentence: string }[] {
  const sentences = doc.sentences.slice(0, 400).map(([s, e]) => {
    const text = doc.text.slice(s, e).trim();
    return { text, stems: new Set(contentStems(text)) };
  });
  const out: { quote: string; sentence: string }[] = [];
  const used = new Set<string>();
  for (const q of quotes.slice(0, 100)) {
    const qs = new Set(contentStems(q.text));
    if (qs.size < MIN_SHARED) continue;
    let best: { text: string; score: number } | null = null;
    for (const s of sentences) {
      let shared = 0;
      for (const w of qs) if (s.stems.has(w)) shared++;
      if (shared < MIN_SHARED) continue;
      const score = shared / Math.min(qs.size, s.stems.size);
      if (score >= 0.5 && (!best || score > best.score)) best = { text: s.text, score };
    }
    if (best && !used.has(best.text)) {
      used.add(best.text);
      out.push({ quote: q.text, sentence: best.text });
    }
  }
  return out;
}
