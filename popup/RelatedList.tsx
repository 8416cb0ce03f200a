import type { RelatedItem } from '../src/core/types.ts';
import { formatDate, t } from '../src/i18n.ts';
import { originLine } from './library-format.ts';
import { useNameOf } from './names.ts';
import { reasonText } from './reason-text.ts';

interface Props {
  id: string;
  heading: string;
  items: RelatedItem[];
  empty: string;
  /** The reader says an item is not the same story; null while nothing can be corrected. */
  onReject: ((item: RelatedItem) => void) | null;
  /** Ids whose correction is being saved. */
  pending: ReadonlySet<string>;
}

/**
 * Corpus coverage of the page's story, or of related stories, with the reasons it matched: each
 * item leads with its outlet (or "Unknown outlet"), then its headline.
 */
export function RelatedList({ id, heading, items, empty, onReject, pending }: Props) {
  const nameOf = useNameOf();
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {heading} <span class="count">{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <p class="empty">{empty}</p>
      ) : (
        <ul class="cards">
          {items.map((item) => (
            <li key={item.id} class="card">
              <p class="meta card-outlet">
                {[item.outlet || t('unknownOutlet'), formatDate(item.publishedAt)]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <p class="card-title">{item.title}</p>
              <OriginLine item={item} />
              {item.why.length > 0 && (
                <ul class="why" aria-label={t('whyMatched')}>
                  {item.why.map((w, i) => (
                    <li key={i}>{reasonText(w, nameOf)}</li>
                  ))}
                </ul>
              )}
              {onReject && (
                <button
                  type="button"
                  class="link"
                  disabled={pending.has(item.id)}
                  onClick={() => onReject(item)}
                  aria-label={t('notSameStoryLabel', item.title)}
                >
                  {pending.has(item.id) ? t('saving') : t('notSameStory')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Where a library item came from, linked to its address. */
function OriginLine({ item }: { item: RelatedItem }) {
  const line = originLine(item.source, item.outlet);
  if (!line) return null;
  return (
    <p class="meta origin">
      {item.url ? (
        <a href={item.url} target="_blank" rel="noopener noreferrer">
          {line}
        </a>
      ) : (
        line
      )}
    </p>
  );
}
