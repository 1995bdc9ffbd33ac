/**
 * Keep-alive policies side by side on one workload (Shahrad et al., "Serverless in the Wild",
 * Fig. 15–16 style): for each policy, the cold-start ratio overall and of the 75th-percentile
 * function, the wasted memory time (GB-s of idle warm instances the provider keeps) and the bill.
 */
import type { KeepAliveSpec, Scenario } from '../scenario/schema.ts';
import type { Report } from './report.ts';
import type { TraceReport } from './simulateTrace.ts';

export interface KeepAliveRow {
  label: string;
  keepAlive: KeepAliveSpec;
  /** Fixed keep-alive, s (null for the other policies). */
  keepAliveS: number | null;
  coldStartRatio: number;
  /** Cold-start ratio of the function at the 75th percentile across functions (= overall for one pool). */
  p75FunctionColdStartRatio: number;
  /** GB-s of idle warm instances: memory the provider keeps loaded without a request. */
  wastedGbSeconds: number;
  totalUsd: number | null;
  /** True when no other row has both fewer cold starts and less wasted memory. */
  pareto: boolean;
  /** The same, judged on the 75th-percentile function's cold-start ratio (the paper's measure). */
  paretoP75Function: boolean;
}

/** Fixed keep-alive values compared by default, minutes (the paper's sweep). */
export const FIXED_KEEPALIVE_MINUTES = [1, 5, 10, 20, 60] as const;

/** The policies compared: none, fixed at each of `minutes`, and the hybrid histogram. */
export function keepAliveVariants(
  minutes: readonly number[] = FIXED_KEEPALIVE_MINUTES
): { label: string; keepAlive: KeepAliveSpec; keepAliveS: number | null }[] {
  return [
    { label: 'none (always cold)', keepAlive: { policy: 'none' }, keepAliveS: null },
    ...minutes.map((m) => ({
      label: `fixed ${m} min`,
      keepAlive: { policy: 'fixed' } as KeepAliveSpec,
      keepAliveS: m * 60
    })),
    { label: 'hybrid histogram', keepAlive: { policy: 'hybrid-histogram' }, keepAliveS: null }
  ];
}

/** compareKeepAlive(scenario, run) runs the workload once per policy with `run` (simulate or a trace replay). */
export function compareKeepAlive(
  scenario: Scenario,
  run: (s: Scenario) => Report,
  minutes: readonly number[] = FIXED_KEEPALIVE_MINUTES
): KeepAliveRow[] {
  const rows = keepAliveVariants(minutes).map((v) => {
    const s: Scenario = {
      ...scenario,
      platform: {
        ...scenario.platform,
        keepAlive: v.keepAlive,
        keepAliveS: v.keepAliveS ?? scenario.platform.keepAliveS
      }
    };
    const r = run(s);
    return {
      label: v.label,
      keepAlive: v.keepAlive,
      keepAliveS: v.keepAliveS,
      coldStartRatio: r.coldStartRatio,
      p75FunctionColdStartRatio: p75Function(r),
      wastedGbSeconds: r.idleGbSeconds,
      totalUsd: r.cost?.totalUsd ?? null,
      pareto: false,
      paretoP75Function: false
    };
  });
  for (const row of rows) {
    row.pareto = undominated(rows, row, (r) => r.coldStartRatio);
    row.paretoP75Function = undominated(rows, row, (r) => r.p75FunctionColdStartRatio);
  }
  return rows;
}

/** No other row is at least as good on both cold starts and wasted memory, and better on one. */
function undominated(
  rows: KeepAliveRow[],
  row: KeepAliveRow,
  cold: (r: KeepAliveRow) => number
): boolean {
  return !rows.some(
    (o) =>
      o !== row &&
      cold(o) <= cold(row) &&
      o.wastedGbSeconds <= row.wastedGbSeconds &&
      (cold(o) < cold(row) || o.wastedGbSeconds < row.wastedGbSeconds)
  );
}

/** The 75th percentile of per-function cold-start ratios (functions with at least one request). */
function p75Function(r: Report): number {
  if (!('functions' in r)) return r.coldStartRatio;
  const ratios = (r as TraceReport).functions
    .filter((f) => f.invocations > 0)
    .map((f) => f.coldStartRatio)
    .sort((a, b) => a - b);
  if (ratios.length === 0) return 0;
  return ratios[Math.min(ratios.length - 1, Math.ceil(0.75 * ratios.length) - 1)];
}
