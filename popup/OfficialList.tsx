import type { OfficialStatement } from '../src/core/types.ts';
import { formatDate, t, type MessageKey } from '../src/i18n.ts';
import { originLine } from './library-format.ts';

const WHO: Record<OfficialStatement['government'], MessageKey> = {
  US: 'govUS',
  PRC: 'govPRC',
  other: 'govOther',
};

/** "What the governments said": official readouts of the page's event in the reader's library. */
export function OfficialList({ items }: { items: OfficialStatement[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="official-h">
      <h2 id="official-h">
        {t('officialHeading')} <span class="count">{items.length}</span>
      </h2>
      <ul class="cards">
        {items.map((o) => (
          <li key={o.id} class="card">
            <p class="card-title">{o.title}</p>
            <p class="meta">
              {[t(WHO[o.government]), formatDate(o.publishedAt), originLine(o.source, o.outlet)]
                .filter(Boolean)
                .join(' · ')}
            </p>
            {o.sentences.length > 0 ? (
              <ul class="why" aria-label={t('officialSentences')}>
                {o.sentences.map((s, i) => (
                  <li key={i}>
                    <q>{s.sentence}</q>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">{t('officialNoSentence')}</p>
            )}
            {o.source.url && (
              <a href={o.source.url} target="_blank" rel="noopener noreferrer">
                {t('readReadout')}
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
