/** Chart data for the keep-alive comparison: one point per policy and the Pareto frontier through them. */
import type { KeepAliveRow } from '../../engine/compareKeepAlive.ts';

export interface PolicyPoint {
  /** Short label drawn beside the point, e.g. "5 min". */
  short: string;
  row: KeepAliveRow;
}

/** "fixed 5 min" → "5 min", "none (always cold)" → "none", "hybrid histogram" → "hybrid". */
export function shortPolicyLabel(label: string): string {
  if (label.startsWith('fixed ')) return label.slice(6);
  if (label.startsWith('none')) return 'none';
  if (label.startsWith('hybrid')) return 'hybrid';
  return label;
}

export function policyPoints(rows: readonly KeepAliveRow[]): PolicyPoint[] {
  return rows.map((row) => ({ short: shortPolicyLabel(row.label), row }));
}

/** Whose cold starts the chart plots: all requests, or the 75th-percentile function (Shahrad et al.). */
export type ColdMetric = 'all' | 'p75';

export function coldOf(r: KeepAliveRow, metric: ColdMetric): number {
  return metric === 'all' ? r.coldStartRatio : r.p75FunctionColdStartRatio;
}

export function onFrontier(r: KeepAliveRow, metric: ColdMetric): boolean {
  return metric === 'all' ? r.pareto : r.paretoP75Function;
}

/**
 * The Pareto frontier as a line: the rows no other row beats on both cold starts and wasted
 * memory, by increasing wasted memory (so the line steps down as more memory is kept warm).
 */
export function paretoFrontier(
  rows: readonly KeepAliveRow[],
  metric: ColdMetric = 'all'
): KeepAliveRow[] {
  return rows
    .filter((r) => onFrontier(r, metric))
    .sort((a, b) => a.wastedGbSeconds - b.wastedGbSeconds || coldOf(b, metric) - coldOf(a, metric));
}
