/** Chart data for latency: cumulative shares from the report's log-binned histogram. */
import type { LatencyHistogram } from '../engine/report.ts';

export interface Cdf {
  /** Upper bin edges, ms. */
  xs: number[];
  /** Share of the group's requests at or below xs[i], in [0, 1]. */
  ys: number[];
  total: number;
}

/**
 * cdfOf(edgesMs, counts): cumulative share at each bin's upper edge, starting at the first bin's
 * lower edge with 0. Empty when the group has no requests.
 */
export function cdfOf(edgesMs: readonly number[], counts: readonly number[]): Cdf {
  let total = 0;
  for (const c of counts) total += c;
  if (total === 0) return { xs: [], ys: [], total };
  const first = counts.findIndex((c) => c > 0);
  let last = counts.length - 1;
  while (last > first && counts[last] === 0) last--;
  const xs = [edgesMs[first]];
  const ys = [0];
  let running = 0;
  for (let i = first; i <= last; i++) {
    running += counts[i];
    xs.push(edgesMs[i + 1]);
    ys.push(running / total);
  }
  return { xs, ys, total };
}

/** The three cumulative curves the latency chart draws. */
export function latencyCdfs(h: LatencyHistogram): { all: Cdf; cold: Cdf; warm: Cdf } {
  const all = h.cold.map((c, i) => c + (h.warm[i] ?? 0));
  return {
    all: cdfOf(h.edgesMs, all),
    cold: cdfOf(h.edgesMs, h.cold),
    warm: cdfOf(h.edgesMs, h.warm)
  };
}
