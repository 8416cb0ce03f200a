import type { IndexedDoc } from '../../../src/core/match-index.ts';
import { quoteCandidates } from '../../../src/core/match/quote-candidates.ts';
import { prepareQuote, sharesRoot, type PreparedQuote } from '../../../src/core/match/remark.ts';
import { extractQuotes } from '../../../src/core/quotes.ts';
import { asPage, seedArticles, seedCorpus } from '../helpers/seed-corpus.ts';

const corpus = seedCorpus();
const tables = corpus.tables;

/** What `compareQuote`'s pre-filter lets through: a shared word or root, or near, the speaker. */
function mayMatch(q: PreparedQuote, d: IndexedDoc, near: boolean): number[] {
  return d.quotes.flatMap((cq, k) =>
    sharesRoot(tables, q.stems, cq) || (near && q.speaker !== null && q.speaker === cq.speakerKey)
      ? [k]
      : [],
  );
}

describe('quote candidates', () => {
  it('are the quotes the pre-filter lets through, for one page quote or several, every time', () => {
    const docs = corpus.match.docs.filter((d) => d.quotes.length > 0);
    let compared = 0;
    for (const a of seedArticles().slice(0, 6)) {
      const page = asPage(a);
      const quotes = extractQuotes(page.paragraphs).map((q) =>
        prepareQuote(tables, q, page.paragraphs),
      );
      for (const d of docs) {
        for (const near of [true, false]) {
          for (const q of quotes) {
            const want = mayMatch(q, d, near);
            // Twice: the page quote's keys are made once and reused.
            expect(quoteCandidates(tables, d, [q], near)).toEqual(want);
            expect(quoteCandidates(tables, d, [q], near)).toEqual(want);
            compared += want.length;
          }
          // Several quotes at once: the union, ascending.
          const union = [...new Set(quotes.flatMap((q) => mayMatch(q, d, near)))].sort(
            (x, y) => x - y,
          );
          expect(quoteCandidates(tables, d, quotes, near)).toEqual(union);
        }
      }
    }
    expect(compared).toBeGreaterThan(0);
  });
});
