import { STRENGTH_TIP, strengthWords } from '../src/core/match-strength.ts';
import type { PageQuote, RelatedItem } from '../src/core/types.ts';
import { formatDate } from './format.ts';
import { bareQuote, Wording, WordingLegend } from './Wording.tsx';

export type RevealState = 'busy' | 'shown' | 'missing';

interface Props {
  quotes: PageQuote[];
  related: RelatedItem[];
  /** Scroll the page to the quote with this index in `quotes`. */
  onReveal: (index: number) => void;
  reveal: ReadonlyMap<number, RevealState>;
}

/** Quotes of the page that other coverage also carries, with the other wordings compared. */
export function QuoteList({ quotes, related, onReveal, reveal }: Props) {
  const titles = new Map(related.map((r) => [r.id, r.title]));
  const matched = quotes.map((q, index) => ({ q, index })).filter(({ q }) => q.matches.length > 0);
  return (
    <section aria-labelledby="quotes-h">
      <h2 id="quotes-h">
        Quotes on this page <span class="count">{matched.length}</span>
      </h2>
      {matched.length === 0 ? (
        <p class="empty">No quote of this page appears in other coverage in the corpus.</p>
      ) : (
        <>
          <p class="section-hint">Choose a quote to see it on the page.</p>
          <ul class="cards">
            {matched.map(({ q, index }) => {
              const state = reveal.get(index);
              return (
                <li key={index} class="card quote">
                  <button
                    type="button"
                    class="quote-pick"
                    onClick={() => onReveal(index)}
                    aria-describedby={`quote-status-${index}`}
                  >
                    <span class="quote-text">“{bareQuote(q.text)}”</span>
                    {q.speaker && <span class="speaker"> — {q.speaker}</span>}
                  </button>
                  <p id={`quote-status-${index}`} class="hint" role="status">
                    {state === 'busy'
                      ? 'Finding it on the page…'
                      : state === 'missing'
                        ? 'Could not find this quote on the page.'
                        : state === 'shown'
                          ? 'Shown on the page.'
                          : ''}
                  </p>
                  <p class="sub">
                    {q.matches.length === 1
                      ? 'Another wording'
                      : `${q.matches.length} other wordings`}
                  </p>
                  <ul class="wordings">
                    {q.matches.map((m, i) => (
                      <li key={`${m.articleId}-${i}`}>
                        <p class="meta clamp">
                          {formatDate(m.publishedAt)} ·{' '}
                          {m.outlet || titles.get(m.articleId) || 'Corpus article'} ·{' '}
                          <span class="strength" title={STRENGTH_TIP}>
                            {strengthWords(m.score, q.text, m.text)}
                          </span>
                        </p>
                        <Wording page={q.text} other={m.text} />
                      </li>
                    ))}
                  </ul>
                  <WordingLegend page={q.text} others={q.matches.map((m) => m.text)} />
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
