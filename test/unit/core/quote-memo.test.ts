import { preparePage } from '../../../src/core/match/prepared-page.ts';
import { compareQuote } from '../../../src/core/match/quote-compare.ts';
import { matchQuotes, quoteMatchesFor } from '../../../src/core/match/quote-match.ts';
import { comparePageQuote, preparedPageQuote } from '../../../src/core/match/quote-memo.ts';
import { findRelated, relatedFor } from '../../../src/core/match/related.ts';
import { pageDate, pageMentions } from '../../../src/core/mentions.ts';
import { extractQuotes } from '../../../src/core/quotes.ts';
import { asPage, seed, seedArticles, seedCorpus } from '../helpers/seed-corpus.ts';

const corpus = seedCorpus();

describe('quote work shared by the two matchers of one analysis', () => {
  it('gives what each matcher gives on its own, page by page', () => {
    for (const a of seedArticles()) {
      const page = asPage(a);
      const opts = { exclude: new Set([a.id]) };
      const quotes = extractQuotes(page.paragraphs);
      const events = new Set(
        pageMentions(page, pageDate(page), corpus.events, corpus.tables.lexicon).map(
          (m) => m.eventId,
        ),
      );
      // One prepared page for both, as the analysis does…
      const prepared = preparePage(page, corpus, opts);
      const related = relatedFor(prepared, quotes, events, corpus, opts);
      const matched = quoteMatchesFor(prepared, quotes, corpus);
      // …and each on its own page, as before.
      expect(related).toEqual(findRelated(page, corpus, opts));
      expect(matched).toEqual(matchQuotes(quotes, page, corpus, opts));
    }
  });

  it('compares a pair once for the same arguments, again for others', () => {
    const a = seed('002');
    const page = asPage(a);
    const prepared = preparePage(page, corpus, { exclude: new Set([a.id]) });
    const q = extractQuotes(page.paragraphs)[0];
    const cq = corpus.match.docs.find((d) => d.id !== a.id && d.quotes.length > 0)?.quotes[0];
    if (!q || !cq) throw new Error('the seed corpus has no quotes');
    const pq = preparedPageQuote(prepared, corpus.tables, q);
    expect(preparedPageQuote(prepared, corpus.tables, q)).toBe(pq);
    const first = comparePageQuote(prepared, corpus.match, corpus.tables, pq, cq, 1, 0.5);
    expect(first).toEqual(compareQuote(corpus.match, corpus.tables, pq, cq, 1, 0.5));
    expect(comparePageQuote(prepared, corpus.match, corpus.tables, pq, cq, 1, 0.5)).toBe(first);
    // Other days: compared again (the date changes the score), never the remembered result.
    const later = comparePageQuote(prepared, corpus.match, corpus.tables, pq, cq, 900, 0.5);
    expect(later).toEqual(compareQuote(corpus.match, corpus.tables, pq, cq, 900, 0.5));
    if (first !== null) expect(later).not.toBe(first);
  });
});
