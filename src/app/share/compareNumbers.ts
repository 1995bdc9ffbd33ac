/** Headline numbers of two runs side by side, each with its difference in words ("p99 −38 %"). */
import type { Report } from '../../engine/report.ts';
import { fmtInt, fmtMs, fmtPct, fmtUsd } from '../../charts/format.ts';

export interface HeadlineDiff {
  /** Stable id, e.g. 'p99'. */
  id: string;
  label: string;
  a: number;
  b: number;
  aText: string;
  bText: string;
  /** B relative to A, e.g. '−38 %', '+$12.40/month', '+1.2 pts', 'same'. */
  change: string;
  /** Whether B is better (true), worse (false) or the same / not comparable (null); lower is better for all. */
  better: boolean | null;
}

/** Monthly cost of a report: its monthly projection, or the run's total when it covers a month. */
export function monthlyCost(report: Report): number | null {
  if (!report.cost) return null;
  return report.cost.monthly?.totalUsd ?? report.cost.totalUsd;
}

/** '−' (U+2212) for negatives, '+' for positives: signs people read in a sentence. */
function signed(text: string, delta: number): string {
  return `${delta < 0 ? '−' : '+'}${text}`;
}

/** B's change against A as a percentage, '+∞ %' from zero, 'same' when equal. */
export function relativeChange(a: number, b: number): string {
  if (a === b) return 'same';
  if (a === 0) return b > 0 ? 'new (A was 0)' : 'same';
  const pct = ((b - a) / Math.abs(a)) * 100;
  const rounded =
    Math.abs(pct) >= 10 ? Math.round(Math.abs(pct)).toString() : Math.abs(pct).toFixed(1);
  return rounded === '0.0' ? 'same' : signed(`${rounded} %`, pct);
}

const betterOf = (a: number, b: number): boolean | null => (a === b ? null : b < a);

/** headlineDiffs(a, b): monthly cost, p50/p95/p99 latency, cold starts and throttled requests, A → B. */
export function headlineDiffs(a: Report, b: Report): HeadlineDiff[] {
  const rows: HeadlineDiff[] = [];
  const costA = monthlyCost(a);
  const costB = monthlyCost(b);
  if (costA !== null && costB !== null) {
    const d = costB - costA;
    const cents = Math.round(d * 100) / 100;
    rows.push({
      id: 'cost',
      label: 'cost',
      a: costA,
      b: costB,
      aText: `${fmtUsd(costA)}/month`,
      bText: `${fmtUsd(costB)}/month`,
      change:
        cents === 0
          ? 'same'
          : `${signed(fmtUsd(Math.abs(d)), d)}/month (${relativeChange(costA, costB)})`,
      better: cents === 0 ? null : d < 0
    });
  }
  for (const q of ['p50', 'p95', 'p99'] as const) {
    const x = a.latencyMs[q];
    const y = b.latencyMs[q];
    rows.push({
      id: q,
      label: q,
      a: x,
      b: y,
      aText: fmtMs(x),
      bText: fmtMs(y),
      change: relativeChange(x, y),
      better: betterOf(x, y)
    });
  }
  const pts = (b.coldStartRatio - a.coldStartRatio) * 100;
  const ptsText =
    Math.abs(pts) < 0.005
      ? 'same'
      : signed(
          `${Math.abs(pts) >= 1 ? Math.abs(pts).toFixed(1) : Math.abs(pts).toFixed(2)} pts`,
          pts
        );
  rows.push({
    id: 'cold',
    label: 'cold starts',
    a: a.coldStartRatio,
    b: b.coldStartRatio,
    aText: fmtPct(a.coldStartRatio),
    bText: fmtPct(b.coldStartRatio),
    change: ptsText,
    better: ptsText === 'same' ? null : pts < 0
  });
  const dt = b.throttled - a.throttled;
  rows.push({
    id: 'throttled',
    label: 'throttled',
    a: a.throttled,
    b: b.throttled,
    aText: fmtInt(a.throttled),
    bText: fmtInt(b.throttled),
    change: dt === 0 ? 'same' : signed(fmtInt(Math.abs(dt)), dt),
    better: betterOf(a.throttled, b.throttled)
  });
  return rows;
}

/** One sentence of the differences that matter: "p99 −38 %, cost +$12.40/month (+8.1 %)". */
export function diffSentence(rows: HeadlineDiff[]): string {
  const order = ['p99', 'cost', 'cold'];
  const changed = order.flatMap((id) => rows.filter((r) => r.id === id && r.change !== 'same'));
  if (changed.length === 0) return 'B and A give the same p99, cost and cold starts.';
  return changed.map((r) => `${r.label} ${r.change}`).join(', ');
}
