import type { IncursionPoint } from '../src/messages.ts';
import { formatDate, formatMonth, formatNumber, t, tn } from '../src/i18n.ts';
import './explain.css';

/** The plot's size; the explanation, legend and table sit below it. */
export const CHART = { width: 372, height: 140, left: 30, right: 8, top: 30, bottom: 20 };

/** At most this many of the largest counts carry a label with their date and count. */
export const SPIKE_LABELS = 3;

const monthYear = (iso: string): string => formatMonth(iso);

const day = (iso: string): number => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;

/** A round number at or above `n` for the top of the axis. */
function niceMax(n: number): number {
  for (const step of [10, 20, 25, 50, 100]) {
    const top = Math.ceil(n / step) * step;
    if (top / step <= 8) return top;
  }
  return Math.ceil(n / 200) * 200;
}

/** What a count measures, as the data says it, with the ministry's initials spelt out. */
const counted = (p: IncursionPoint): string => (p.counted || p.title).replace(/\bMND\b/g, t('mnd'));

const spikeLabel = (p: IncursionPoint): string => t('spikeLabel', p.aircraft, formatDate(p.date));

/** Where a spike's label is drawn: its text, anchor and box (it sits just above its dot). */
export interface LabelBox {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  lo: number;
  hi: number;
}

/**
 * A label centred above the dot at (`x`, `y`), moved to start or end at it where it would
 * cross the plot's left or right edge. Its width is an estimate for 10px text, on the wide side.
 */
export function labelBox(text: string, x: number, y: number): LabelBox {
  const w = text.length * 6 + 8;
  const { width, left, right } = CHART;
  const anchor = x - w / 2 < left ? 'start' : x + w / 2 > width - right ? 'end' : 'middle';
  const lo = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
  return { text, x, y: y - 7, anchor, lo, hi: lo + w };
}

const LABEL_HEIGHT = 13;

/**
 * The largest counts to label, biggest first: at most `SPIKE_LABELS`, none under half the
 * highest, each clear of the labels already chosen. `place` gives a count's label box.
 */
export function pickSpikes(
  points: IncursionPoint[],
  place: (p: IncursionPoint) => LabelBox,
  max = SPIKE_LABELS,
): Array<{ point: IncursionPoint; box: LabelBox }> {
  const chosen: Array<{ point: IncursionPoint; box: LabelBox }> = [];
  const byCount = [...points].sort(
    (a, b) => b.aircraft - a.aircraft || a.date.localeCompare(b.date),
  );
  const least = (byCount[0]?.aircraft ?? 0) / 2;
  for (const point of byCount) {
    if (chosen.length >= max || point.aircraft < least) break;
    const box = place(point);
    const clear = chosen.every(
      ({ box: c }) => box.hi <= c.lo || box.lo >= c.hi || Math.abs(box.y - c.y) >= LABEL_HEIGHT,
    );
    if (clear) chosen.push({ point, box });
  }
  return chosen;
}

interface Props {
  points: IncursionPoint[];
  articleDate: string | null;
}

/**
 * Chinese military (PLA) aircraft counts near Taiwan over time, up to the article, as an inline
 * SVG lollipop chart with the largest counts labelled, the article's date marked, a line on what
 * the ADIZ is and the same counts as a table (a disclosure, reachable by keyboard). Filled dots
 * count aircraft entering Taiwan's ADIZ; hollow dots are wider counts (aircraft detected around
 * Taiwan, or a dataset value), which are not directly comparable.
 */
export function IncursionChart({ points, articleDate }: Props) {
  const { width, height, left, right, top, bottom } = CHART;
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) {
    return (
      <p class="chart-empty" style={{ height: `${height}px` }}>
        {t('chartNoCounts')}
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
  const spikes = pickSpikes(points, (p) => labelBox(spikeLabel(p), x(p.date), y(p.aircraft)));
  const summary =
    tn(
      'chartSummary',
      points.length,
      formatDate(first.date),
      formatDate(last.date),
      tn('aircraftCount', peak.aircraft),
      formatDate(peak.date),
    ) + (articleDate ? t('chartSummaryArticle', formatDate(articleDate)) : t('fullStop'));
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-labelledby="chart-title chart-desc"
      >
        <title id="chart-title">{t('chartTitle')}</title>
        <desc id="chart-desc">{summary}</desc>
        <line class="axis" x1={left} x2={width - right} y1={y(0)} y2={y(0)} />
        <line class="grid" x1={left} x2={width - right} y1={y(yMax)} y2={y(yMax)} />
        {/* Clear of a dot on the first day, whose radius reaches left of the axis start. */}
        <text class="tick" x={left - 8} y={y(yMax) + 4} text-anchor="end">
          {formatNumber(yMax)}
        </text>
        <text class="tick" x={left - 8} y={y(0) + 4} text-anchor="end">
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
            <title>
              {t('pointTitle', formatDate(p.date), tn('aircraftCount', p.aircraft), counted(p))}
            </title>
            <line x1={x(p.date)} x2={x(p.date)} y1={y(0)} y2={y(p.aircraft)} />
            <circle cx={x(p.date)} cy={y(p.aircraft)} r={3} />
          </g>
        ))}
        {spikes.map(({ point, box }) => (
          <text key={point.eventId} class="spike" x={box.x} y={box.y} text-anchor={box.anchor}>
            {box.text}
          </text>
        ))}
        {articleDate && (
          <g class="marker">
            <line x1={x(articleDate)} x2={x(articleDate)} y1={top - 16} y2={y(0)} />
            <text
              x={x(articleDate) + (x(articleDate) > width / 2 ? -4 : 4)}
              y={10}
              text-anchor={x(articleDate) > width / 2 ? 'end' : 'start'}
            >
              {t('thisArticle')}
            </text>
          </g>
        )}
      </svg>
      <figcaption>
        <span class="legend">
          <span>
            <svg width="10" height="10" aria-hidden="true">
              <circle class="dot" cx="5" cy="5" r="3.5" />
            </svg>{' '}
            {t('legendAdiz')}
          </span>
          <span>
            <svg width="10" height="10" aria-hidden="true">
              <circle class="dot hollow" cx="5" cy="5" r="3.5" />
            </svg>{' '}
            {t('legendWider')}
          </span>
        </span>
        <span class="chart-note">{t('adizNote')}</span>
      </figcaption>
      <details class="chart-table">
        <summary>{t('chartTableShow')}</summary>
        <table>
          <caption>
            {articleDate ? t('chartCaptionUntil', formatDate(articleDate)) : t('chartCaption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('colDate')}</th>
              <th scope="col">{t('colAircraft')}</th>
              <th scope="col">{t('colCounted')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.eventId}>
                <td>{formatDate(p.date)}</td>
                <td class="num">{formatNumber(p.aircraft)}</td>
                <td>{counted(p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
