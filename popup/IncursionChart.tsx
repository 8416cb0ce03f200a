import type { IncursionPoint } from '../src/messages.ts';
import { formatDate } from './format.ts';

export const CHART = { width: 372, height: 120, left: 30, right: 8, top: 10, bottom: 20 };

const monthYear = (iso: string): string => formatDate(iso.slice(0, 7) + '-01').replace(/^1 /, '');

const day = (iso: string): number => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;

/** A round number at or above `n` for the top of the axis. */
function niceMax(n: number): number {
  for (const step of [10, 20, 25, 50, 100]) {
    const top = Math.ceil(n / step) * step;
    if (top / step <= 8) return top;
  }
  return Math.ceil(n / 200) * 200;
}

interface Props {
  points: IncursionPoint[];
  articleDate: string | null;
}

/**
 * PLA aircraft counts near Taiwan over time, up to the article, as an inline SVG lollipop chart.
 * Filled dots count aircraft entering Taiwan's ADIZ; hollow dots are wider counts (aircraft
 * detected around Taiwan, or a dataset value), which are not directly comparable.
 */
export function IncursionChart({ points, articleDate }: Props) {
  const { width, height, left, right, top, bottom } = CHART;
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) {
    return (
      <p class="chart-empty" style={{ height: `${height}px` }}>
        No PLA aircraft counts near Taiwan were reported before this article.
      </p>
    );
  }
  const x0 = day(first.date);
  const x1 = Math.max(day(last.date), articleDate ? day(articleDate) : 0, x0 + 1);
  const peak = points.reduce((a, b) => (b.aircraft > a.aircraft ? b : a));
  const yMax = niceMax(peak.aircraft);
  const x = (iso: string): number => left + ((day(iso) - x0) / (x1 - x0)) * (width - left - right);
  const y = (n: number): number => top + (1 - n / yMax) * (height - top - bottom);
  // Axis labels: the two ends by month, and each new year in between where it does not crowd them.
  const endDate = articleDate && articleDate > last.date ? articleDate : last.date;
  const ends = [
    { at: x(first.date), label: monthYear(first.date), anchor: 'start' },
    { at: x(endDate), label: monthYear(endDate), anchor: 'end' },
  ];
  const years: Array<{ at: number; label: string }> = [];
  for (let yr = Number(first.date.slice(0, 4)) + 1; yr <= Number(endDate.slice(0, 4)); yr++) {
    const at = x(`${yr}-01-01`);
    if (ends.every((e) => Math.abs(e.at - at) > 34)) years.push({ at, label: String(yr) });
  }
  const summary =
    `${points.length} reported counts from ${formatDate(first.date)} to ${formatDate(last.date)}; ` +
    `highest ${peak.aircraft} aircraft on ${formatDate(peak.date)}` +
    (articleDate ? `; the article is dated ${formatDate(articleDate)}.` : '.');
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-labelledby="chart-title chart-desc"
      >
        <title id="chart-title">PLA aircraft near Taiwan</title>
        <desc id="chart-desc">{summary}</desc>
        <line class="axis" x1={left} x2={width - right} y1={y(0)} y2={y(0)} />
        <line class="grid" x1={left} x2={width - right} y1={y(yMax)} y2={y(yMax)} />
        <text class="tick" x={left - 4} y={y(yMax) + 4} text-anchor="end">
          {yMax}
        </text>
        <text class="tick" x={left - 4} y={y(0) + 4} text-anchor="end">
          0
        </text>
        {years.map(({ at, label }) => (
          <g key={label}>
            <line class="grid" x1={at} x2={at} y1={y(0)} y2={y(0) + 4} />
            <text class="tick" x={at} y={height - 4} text-anchor="middle">
              {label}
            </text>
          </g>
        ))}
        {ends.map(({ at, label, anchor }) => (
          <text key={anchor} class="tick" x={at} y={height - 4} text-anchor={anchor}>
            {label}
          </text>
        ))}
        {points.map((p) => (
          <g key={p.eventId} class={p.wider ? 'point wider' : 'point'}>
            <title>{`${formatDate(p.date)}: ${p.aircraft} aircraft — ${p.counted || p.title}`}</title>
            <line x1={x(p.date)} x2={x(p.date)} y1={y(0)} y2={y(p.aircraft)} />
            <circle cx={x(p.date)} cy={y(p.aircraft)} r={3} />
          </g>
        ))}
        {articleDate && (
          <g class="marker">
            <line x1={x(articleDate)} x2={x(articleDate)} y1={top - 6} y2={y(0)} />
            <text
              x={x(articleDate) + (x(articleDate) > width / 2 ? -4 : 4)}
              y={top + 2}
              text-anchor={x(articleDate) > width / 2 ? 'end' : 'start'}
            >
              This article
            </text>
          </g>
        )}
      </svg>
      <figcaption class="legend">
        <span>
          <svg width="10" height="10" aria-hidden="true">
            <circle class="dot" cx="5" cy="5" r="3.5" />
          </svg>{' '}
          aircraft entering the ADIZ
        </span>
        <span>
          <svg width="10" height="10" aria-hidden="true">
            <circle class="dot hollow" cx="5" cy="5" r="3.5" />
          </svg>{' '}
          wider counts (around Taiwan)
        </span>
      </figcaption>
    </figure>
  );
}
