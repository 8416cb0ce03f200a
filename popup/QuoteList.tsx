import type { PageQuote, RelatedItem } from '../src/core/types.ts';
import { formatDate, strengthTip, strengthWords, t, tn } from '../src/i18n.ts';
import { quoteReasonText } from '../src/quote-reason-text.ts';
import { useNameOf } from './names.ts';
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
  const nameOf = useNameOf();
  const titles = new Map(related.map((r) => [r.id, r.title]));
  const matched = quotes.map((q, index) => ({ q, index })).filter(({ q }) => q.matches.length > 0);
  return (
    <section aria-labelledby="quotes-h">
      <h2 id="quotes-h">
        {t('quotesHeading')} <span class="count">{matched.length}</span>
      </h2>
      {matched.length === 0 ? (
        <p class="empty">{t('quotesEmpty')}</p>
      ) : (
        <>
          <p class="section-hint">{t('quotesHint')}</p>
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
                      ? t('revealBusy')
                      : state === 'missing'
                        ? t('revealMissing')
                        : state === 'shown'
                          ? t('revealShown')
                          : ''}
                  </p>
                  <p class="sub">{tn('otherWordings', q.matches.length)}</p>
                  <ul class="wordings">
                    {q.matches.map((m, i) => (
                      <li key={`${m.articleId}-${i}`}>
                        <p class="meta clamp">
                          {formatDate(m.publishedAt)} ·{' '}
                          {m.outlet || titles.get(m.articleId) || t('corpusArticle')} ·{' '}
                          <span class="strength" title={strengthTip()}>
                            {strengthWords(m.score, q.text, m.text)}
                          </span>
                        </p>
                        <Wording page={q.text} other={m.text} />
                        {m.why && m.why.length > 0 && (
                          <ul class="why" aria-label={t('whyMatched')}>
                            {m.why.map((w, j) => (
                              <li key={j}>{quoteReasonText(w, nameOf)}</li>
                            ))}
                          </ul>
                        )}
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
