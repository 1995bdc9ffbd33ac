/** Chart data for the over-time chart: time axis unit and an aggregated table of the series. */
import type { Series } from '../engine/report.ts';

export interface TimeAxis {
  /** Seconds per axis unit. */
  perUnit: number;
  /** Unit label, e.g. 'h'. */
  unit: string;
}

/** Minutes for runs up to 2 h, hours up to 3 days, days beyond. */
export function timeAxisFor(durationS: number): TimeAxis {
  if (durationS <= 2 * 3600) return { perUnit: 60, unit: 'min' };
  if (durationS <= 3 * 86_400) return { perUnit: 3600, unit: 'h' };
  return { perUnit: 86_400, unit: 'days' };
}

export interface SeriesRow {
  /** Start of the row's span, s. */
  fromS: number;
  toS: number;
  arrivals: number;
  coldStarts: number;
  throttled: number;
  /** Time-averaged busy and live instances over the span. */
  busy: number;
  live: number;
  livePeak: number;
}

/** seriesRows(series, 24) sums (or averages) the intervals into at most `maxRows` equal spans. */
export function seriesRows(series: Series, maxRows: number, coveredS = Infinity): SeriesRow[] {
  const n = series.t.filter((t) => t < coveredS).length;
  const per = Math.max(1, Math.ceil(n / maxRows));
  const rows: SeriesRow[] = [];
  for (let i = 0; i < n; i += per) {
    const end = Math.min(n, i + per);
    const row: SeriesRow = {
      fromS: series.t[i],
      toS: series.t[end - 1] + series.intervalS,
      arrivals: 0,
      coldStarts: 0,
      throttled: 0,
      busy: 0,
      live: 0,
      livePeak: 0
    };
    for (let j = i; j < end; j++) {
      row.arrivals += series.arrivals[j];
      row.coldStarts += series.coldStarts[j];
      row.throttled += series.throttled[j];
      row.busy += series.busy[j] / (end - i);
      row.live += series.live[j] / (end - i);
      row.livePeak = Math.max(row.livePeak, series.livePeak[j]);
    }
    rows.push(row);
  }
  return rows;
}
