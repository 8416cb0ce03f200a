import { useState } from 'preact/hooks';
import type { ContextItem, ContextSource } from '../src/core/types.ts';
import { formatDate, formatMonth, formatSpan, t, tn } from '../src/i18n.ts';
import { eventText, kindLabel } from './format.ts';
import { KindIcon } from './KindIcon.tsx';
import { reasonText } from './reason-text.ts';

interface Props {
  items: ContextItem[];
  more: ContextItem[];
  /** The article's date, the timeline's end, or null when the page gives none. */
  articleDate: string | null;
}

/**
 * When a part of the timeline (the aircraft `chart` or the `timeline` of events) has nothing
 * before the article only because it starts later, says so: "Backstory's timeline starts in
 * November 2016, after this article." Null when `first`, the part's earliest date, is not after
 * the article's date.
 */
export function startsAfterArticle(
  what: 'chart' | 'timeline',
  first: string | null | undefined,
  articleDate: string | null,
): string | null {
  if (!first || !articleDate || first.slice(0, 10) <= articleDate.slice(0, 10)) return null;
  return t(what === 'chart' ? 'chartStartsAfter' : 'timelineStartsAfter', formatMonth(first, true));
}

/** A source as a reader sees it: a link that opens in a new tab, or the outlet and title. */
export function SourceRef({ source }: { source: ContextSource }) {
  const label =
    source.publisher === null
      ? source.title
        ? t('sourceUnknownOutlet', source.title)
        : t('unknownOutlet')
      : source.title
        ? t('sourceWithTitle', source.publisher, source.title)
        : source.publisher;
  return source.url ? (
    <a href={source.url} target="_blank" rel="noopener noreferrer">
      {label}
    </a>
  ) : (
    <span>{label}</span>
  );
}

/** The first source in full; the others behind a disclosure, so an entry stays short. */
function Sources({ sources }: { sources: ContextSource[] }) {
  const [first, ...rest] = sources;
  if (!first) return null;
  return (
    <div class="source">
      {t('source')}
      <SourceRef source={first} />
      {rest.length > 0 && (
        <details class="sources">
          <summary>{tn('moreSources', rest.length)}</summary>
          <ul>
            {rest.map((s, i) => (
              <li key={i}>
                <SourceRef source={s} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** "US readout · PRC readout": each government's own account, or that none is on file. */
export function Readouts({ readouts }: { readouts: NonNullable<ContextItem['readouts']> }) {
  const side = (who: 'US' | 'PRC', r: ContextSource | null | undefined) =>
    r ? (
      <a href={r.url ?? undefined} target="_blank" rel="noopener noreferrer" title={r.title}>
        {t(who === 'US' ? 'readoutUS' : 'readoutPRC')}
      </a>
    ) : (
      <span class="muted">{t(who === 'US' ? 'noReadoutUS' : 'noReadoutPRC')}</span>
    );
  return (
    <p class="readouts">
      {side('US', readouts.us)} · {side('PRC', readouts.prc)}
    </p>
  );
}

export function Entry({ item }: { item: ContextItem }) {
  const text = eventText(item);
  const { numbers, counted } = text;
  return (
    <li class={`event kind-${item.kind}${item.planned ? ' planned' : ''}`}>
      <span class="event-icon">
        <KindIcon kind={item.kind} />
      </span>
      <div class="event-body">
        <p class="meta">
          <time dateTime={item.date}>{formatSpan(item.date, item.end)}</time> ·{' '}
          {kindLabel(item.kind)}
          {text.duration && <> · {text.duration}</>}
          {item.planned && <span class="tag">{t('tagPlanned')}</span>}
          {item.mentioned && <span class="tag">{t('tagMentioned')}</span>}
        </p>
        <p class="event-title" title={text.summary ?? undefined}>
          {text.title}
        </p>
        {numbers.length > 0 && (
          <p class="figures">
            {numbers.join(t('listSeparator'))}
            {counted && <span class="muted">{t('figuresCounted', counted)}</span>}
          </p>
        )}
        {item.readouts && <Readouts readouts={item.readouts} />}
        <Sources sources={item.sources} />
        {item.why && item.why.length > 0 && (
          <details class="why-here">
            <summary>{t('whyInContext')}</summary>
            <ul class="why">
              {item.why.map((w, i) => (
                <li key={i}>{reasonText(w)}</li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </li>
  );
}

/**
 * The run-up to the article, newest first: the article, then the calls, meetings, talks,
 * incursions and arms sales before it; older or weaker events on request.
 */
export function Timeline({ items, more, articleDate }: Props) {
  // With nothing listed first, the section's events are shown at once rather than behind a button.
  const [showMore, setShowMore] = useState(items.length === 0);
  const shown = [...items, ...(showMore ? more : [])].sort(
    (a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id),
  );
  return (
    <div class="timeline">
      <ol class="events" aria-label={t('timelineList')}>
        <li class="event now">
          <span class="event-icon" aria-hidden="true">
            <span class="now-dot" />
          </span>
          <div class="event-body">
            <p class="meta">
              {articleDate ? (
                <time dateTime={articleDate}>{formatDate(articleDate)}</time>
              ) : (
                t('undatedArticle')
              )}
            </p>
            <p class="event-title">{t('thisArticle')}</p>
          </div>
        </li>
        {shown.map((item) => (
          <Entry key={item.id} item={item} />
        ))}
      </ol>
      {more.length > 0 && (
        <button
          type="button"
          class="link"
          aria-expanded={showMore}
          onClick={() => setShowMore((v) => !v)}
        >
          {showMore ? t('showFewer') : tn('showMore', more.length)}
        </button>
      )}
    </div>
  );
}
