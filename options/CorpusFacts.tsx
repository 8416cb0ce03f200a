import { KIND_LABELS, formatDate, plural } from '../popup/format.ts';
import { useBackground } from '../popup/use-background.ts';
import { EVENT_KINDS } from '../src/core/types.ts';

const languageName = (tag: string): string => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
};

/** What the bundled corpus holds: articles and timeline events, with their date ranges. */
export function CorpusFacts() {
  const summary = useBackground('corpusSummary', {}, 'once');
  if (summary.status === 'loading') return <p class="muted">Reading the corpus…</p>;
  if (summary.status === 'error') return <p class="problem">The corpus could not be read.</p>;
  const s = summary.value;
  const span = (r: { from: string; to: string } | null): string =>
    r ? `${formatDate(r.from)} – ${formatDate(r.to)}` : 'undated';
  return (
    <dl class="facts">
      <dt>Articles</dt>
      <dd>
        {plural(s.articles, 'article')}
        {s.outlets > 0 && <> from {plural(s.outlets, 'named outlet')}</>}, in{' '}
        {s.languages.map(languageName).join(', ') || 'no language'}; {span(s.articleDates)}
      </dd>
      <dt>Timeline events</dt>
      <dd>
        {plural(s.events, 'event')}, {span(s.eventDates)}
        <ul class="kinds">
          {EVENT_KINDS.filter((k) => (s.eventsByKind[k] ?? 0) > 0).map((k) => (
            <li key={k}>
              {KIND_LABELS[k]}: {s.eventsByKind[k]}
            </li>
          ))}
        </ul>
      </dd>
    </dl>
  );
}
