/** The memory chart's choices (cheapest, fastest, balanced) and its comparison sentence. */
import type { SweepPoint } from '../../worker/types.ts';
import { fmtMb, fmtUsd } from '../../charts/format.ts';

export interface MemoryPicks {
  cheapest: SweepPoint;
  fastest: SweepPoint;
  /** Lowest cost/minCost + p95/minP95: both counted relative to their best, equally weighted. */
  balanced: SweepPoint;
}

/** Costs are compared in whole cents: sizes a cent apart cost the same, and $0 (free tier) is a cent. */
const cents = (usd: number): number => Math.max(1, Math.round(usd * 100));

/** The picks among `points` with a finite cost and p95; null when there are none. */
export function memoryPicks(points: readonly SweepPoint[]): MemoryPicks | null {
  const usable = points.filter((p) => Number.isFinite(p.monthlyUsd) && p.p95Ms > 0);
  if (usable.length === 0) return null;
  // Ties go to the smaller size: same price or speed for less memory.
  const bySize = [...usable].sort((a, b) => a.memoryMb - b.memoryMb);
  const minBy = (score: (p: SweepPoint) => number): SweepPoint =>
    bySize.reduce((best, p) => (score(p) < score(best) - 1e-12 ? p : best));
  const cheapest = minBy((p) => cents(p.monthlyUsd));
  const fastest = minBy((p) => p.p95Ms);
  const minCost = cents(cheapest.monthlyUsd);
  const balanced = minBy((p) => cents(p.monthlyUsd) / minCost + p.p95Ms / fastest.p95Ms);
  return { cheapest, fastest, balanced };
}

function relative(change: number, better: string, worse: string): string {
  const pct = Math.round(Math.abs(change) * 100);
  if (pct === 0) return `the same ${better === 'cheaper' ? 'price' : 'speed'}`;
  return `${pct} % ${change > 0 ? better : worse}`;
}

/**
 * compareSentence(p, yours): "1024 MB: 23 % cheaper and 41 % faster than your 512 MB", on p95 latency
 * and monthly cost.
 */
export function compareSentence(point: SweepPoint, yours: SweepPoint): string {
  if (point.memoryMb === yours.memoryMb) return `${fmtMb(point.memoryMb)}: your current size`;
  const faster = 1 - point.p95Ms / yours.p95Ms;
  // A bill under a cent (free tier) has no meaningful percentage: say the amount instead.
  const price =
    cents(yours.monthlyUsd) === 1
      ? cents(point.monthlyUsd) === 1
        ? 'the same price'
        : `${fmtUsd(point.monthlyUsd)} a month instead of nothing`
      : relative(
          1 - cents(point.monthlyUsd) / cents(yours.monthlyUsd),
          'cheaper',
          'more expensive'
        );
  return `${fmtMb(point.memoryMb)}: ${price} and ${relative(faster, 'faster', 'slower')} than your ${fmtMb(yours.memoryMb)}`;
}
