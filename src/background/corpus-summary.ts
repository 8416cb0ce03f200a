/**
 * What the UI asks of the loaded corpus beyond one tab's analysis: counts and date ranges for the
 * options page, and the series of PLA aircraft counts near Taiwan for the popup's chart.
 */
import type { EventKind } from '../core/types.ts';
import type { LoadedCorpus, TimelineEvent } from '../corpus/types.ts';
import type { CorpusSummary, IncursionPoint } from '../messages.ts';

function range(dates: Array<string | null>): { from: string; to: string } | null {
  const sorted = dates.filter((d): d is string => typeof d === 'string' && d !== '').sort();
  const from = sorted[0];
  const to = sorted[sorted.length - 1];
  return from && to ? { from, to } : null;
}

export function summarizeCorpus(corpus: LoadedCorpus): CorpusSummary {
  const articles = [...corpus.articles.values()];
  const eventsByKind: Partial<Record<EventKind, number>> = {};
  for (const e of corpus.events) eventsByKind[e.kind] = (eventsByKind[e.kind] ?? 0) + 1;
  return {
    articles: articles.length,
    outlets: new Set(articles.map((a) => a.outlet).filter((o) => o)).size,
    languages: [...new Set(articles.map((a) => a.lang))].sort(),
    articleDates: range(articles.map((a) => a.publishedAt)),
    events: corpus.events.length,
    eventsByKind,
    eventDates: range(corpus.events.map((e) => e.date)),
  };
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * One point per reported day. A multi-day event whose days are events of their own is left out
 * (its days are plotted); one without them is plotted by its peak day when a source gave one,
 * because a total over several days is not comparable with one-day counts.
 */
export function incursionSeries(corpus: LoadedCorpus, until: string | null): IncursionPoint[] {
  const parents = new Set(corpus.events.map((e) => e.partOf).filter((p) => p !== undefined));
  const points: IncursionPoint[] = [];
  for (const e of corpus.events) {
    if (e.kind !== 'taiwan-incursion' || parents.has(e.id)) continue;
    if (until !== null && e.date > until) continue;
    const aircraft = pointCount(e);
    if (aircraft === null) continue;
    const counted = typeof e.figures['counted'] === 'string' ? e.figures['counted'] : '';
    points.push({
      date: e.date,
      aircraft,
      counted,
      wider: counted !== '' && !/entering|entries|entered/i.test(counted),
      title: e.title,
      eventId: e.id,
    });
  }
  return points.sort((a, b) => a.date.localeCompare(b.date));
}

function pointCount(e: TimelineEvent): number | null {
  const multiDay = e.end !== null && e.end !== e.date;
  const peak = num(e.figures['peak day aircraft']);
  if (multiDay && peak !== null) return peak;
  return num(e.figures['aircraft']);
}
