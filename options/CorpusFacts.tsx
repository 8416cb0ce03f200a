import { kindLabel } from '../popup/format.ts';
import { useBackground } from '../popup/use-background.ts';
import { EVENT_KINDS } from '../src/core/types.ts';
import { formatDate, formatList, formatNumber, languageName, t, tn } from '../src/i18n.ts';

/** What the bundled corpus holds: articles and timeline events, with their date ranges. */
export function CorpusFacts() {
  const summary = useBackground('corpusSummary', {}, 'once');
  if (summary.status === 'loading') return <p class="muted">{t('corpusReading')}</p>;
  if (summary.status === 'error') return <p class="problem">{t('corpusUnreadable')}</p>;
  const s = summary.value;
  const span = (r: { from: string; to: string } | null): string =>
    r ? t('dateRange', formatDate(r.from), formatDate(r.to)) : t('undated');
  const languages = formatList(s.languages.map(languageName)) || t('noLanguage');
  return (
    <dl class="facts">
      <dt>{t('factsArticles')}</dt>
      <dd>
        {s.outlets > 0
          ? tn('factsArticlesOutlets', s.articles, tn('outletCount', s.outlets), languages)
          : tn('factsArticlesOnly', s.articles, languages)}
        {t('factsSpan', span(s.articleDates))}
      </dd>
      <dt>{t('factsEvents')}</dt>
      <dd>
        {tn('factsEventsLine', s.events, span(s.eventDates))}
        <ul class="kinds">
          {EVENT_KINDS.filter((k) => (s.eventsByKind[k] ?? 0) > 0).map((k) => (
            <li key={k}>{t('kindCount', kindLabel(k), formatNumber(s.eventsByKind[k] ?? 0))}</li>
          ))}
        </ul>
      </dd>
    </dl>
  );
}
