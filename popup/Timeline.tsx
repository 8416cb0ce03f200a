import { useState } from 'preact/hooks';
import type { ContextItem, ContextSource } from '../src/core/types.ts';
import { formatDate, formatSpan, KIND_LABELS } from './format.ts';
import { KindIcon } from './KindIcon.tsx';

interface Props {
  items: ContextItem[];
  more: ContextItem[];
  /** The article's date, the timeline's end, or null when the page gives none. */
  articleDate: string | null;
}

const MONTH_YEAR = new Intl.DateTimeFormat('en', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "March 2020" for a `YYYY-MM-DD` date. */
function monthYear(iso: string): string {
  return MONTH_YEAR.format(new Date(`${iso.slice(0, 7)}-01T00:00:00Z`));
}

/**
 * When a part of the timeline (`what`, e.g. "timeline") has nothing before the article only
 * because it starts later, says so: "Backstory's timeline starts in November 2016, after this
 * article." Null when `first`, the part's earliest date, is not after the article's date.
 */
export function startsAfterArticle(
  what: string,
  first: string | null | undefined,
  articleDate: string | null,
): string | null {
  if (!first || !articleDate || first.slice(0, 10) <= articleDate.slice(0, 10)) return null;
  return `Backstory's ${what} starts in ${monthYear(first)}, after this article.`;
}

/** Numbers worth a glance, e.g. "56 aircraft"; the `counted` note says what they measure. */
function figureText(item: ContextItem): { numbers: string; counted: string | null } {
  const figures = item.figures ?? {};
  const numbers = Object.entries(figures)
    .filter(([k, v]) => k !== 'counted' && typeof v === 'number')
    .slice(0, 3)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  const counted = typeof figures['counted'] === 'string' ? figures['counted'] : null;
  return { numbers, counted };
}

/** A source as a reader sees it: a link that opens in a new tab, or the outlet and title. */
export function SourceRef({ source }: { source: ContextSource }) {
  const label = source.title ? `${source.publisher}: ${source.title}` : source.publisher;
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
      Source: <SourceRef source={first} />
      {rest.length > 0 && (
        <details class="sources">
          <summary>
            {rest.length} more {rest.length === 1 ? 'source' : 'sources'}
          </summary>
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
  const side = (name: string, r: ContextSource | null | undefined) =>
    r ? (
      <a href={r.url ?? undefined} target="_blank" rel="noopener noreferrer" title={r.title}>
        {name} readout
      </a>
    ) : (
      <span class="muted">no {name} readout on file</span>
    );
  return (
    <p class="readouts">
      {side('US', readouts.us)} · {side('PRC', readouts.prc)}
    </p>
  );
}

export function Entry({ item }: { item: ContextItem }) {
  const { numbers, counted } = figureText(item);
  return (
    <li class={`event kind-${item.kind}${item.planned ? ' planned' : ''}`}>
      <span class="event-icon">
        <KindIcon kind={item.kind} />
      </span>
      <div class="event-body">
        <p class="meta">
          <time dateTime={item.date}>{formatSpan(item.date, item.end)}</time> ·{' '}
          {KIND_LABELS[item.kind]}
          {item.duration && <> · {item.duration}</>}
          {item.planned && <span class="tag">Planned, not confirmed</span>}
          {item.mentioned && <span class="tag">In this article</span>}
        </p>
        <p class="event-title">{item.title}</p>
        {numbers && (
          <p class="figures">
            {numbers}
            {counted && <span class="muted"> ({counted})</span>}
          </p>
        )}
        {item.readouts && <Readouts readouts={item.readouts} />}
        <Sources sources={item.sources} />
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
      <ol class="events" aria-label="Events before the article, newest first">
        <li class="event now">
          <span class="event-icon" aria-hidden="true">
            <span class="now-dot" />
          </span>
          <div class="event-body">
            <p class="meta">
              {articleDate ? (
                <time dateTime={articleDate}>{formatDate(articleDate)}</time>
              ) : (
                'Undated'
              )}
            </p>
            <p class="event-title">This article</p>
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
          {showMore ? 'Show fewer events' : `Show ${more.length} more events`}
        </button>
      )}
    </div>
  );
}
