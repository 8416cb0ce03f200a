import type { OfficialStatement } from '../src/core/types.ts';
import { formatDate } from './format.ts';
import { originLine } from './library-format.ts';

const WHO: Record<OfficialStatement['government'], string> = {
  US: 'United States',
  PRC: 'China',
  other: 'Government',
};

/** "What the governments said": official readouts of the page's event in the reader's library. */
export function OfficialList({ items }: { items: OfficialStatement[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="official-h">
      <h2 id="official-h">
        What the governments said <span class="count">{items.length}</span>
      </h2>
      <ul class="cards">
        {items.map((o) => (
          <li key={o.id} class="card">
            <p class="card-title">{o.title}</p>
            <p class="meta">
              {[WHO[o.government], formatDate(o.publishedAt), originLine(o.source, o.outlet)]
                .filter(Boolean)
                .join(' · ')}
            </p>
            {o.sentences.length > 0 ? (
              <ul class="why" aria-label="Sentences that match the page's quotes">
                {o.sentences.map((s, i) => (
                  <li key={i}>
                    <q>{s.sentence}</q>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">No sentence of it matches the page’s quotes.</p>
            )}
            {o.source.url && (
              <a href={o.source.url} target="_blank" rel="noopener noreferrer">
                Read the readout
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
