import type { ContextItem } from '../src/core/types.ts';
import { t } from '../src/i18n.ts';
import { Entry } from './Timeline.tsx';

/**
 * What happened after the article's date — the next leaders' contacts, talks and Taiwan
 * events — collapsed by default, after the prior context. Planned events say so.
 */
export function SinceThisArticle({ items }: { items: ContextItem[] }) {
  if (items.length === 0) return null;
  return (
    <details class="since">
      <summary>
        {t('sinceHeading')} <span class="count">{items.length}</span>
      </summary>
      <ol class="events" aria-label={t('sinceList')}>
        {items.map((item) => (
          <Entry key={item.id} item={item} />
        ))}
      </ol>
    </details>
  );
}
