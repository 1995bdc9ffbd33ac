/** The memory chart's choices (cheapest, fastest, balanced) and its comparison sentence. */
import type { SweepPoint } from '../../worker/types.ts';
import { fmtMb } from './format.ts';

export interface MemoryPicks {
  cheapest: SweepPoint;
  fastest: SweepPoint;
  /** Lowest cost/minCost + p95/minP95: both counted relative to their best, equally weighted. */
  balanced: SweepPoint;
}

/** The picks among `points` with a finite cost and p95; null when there are none. */
export function memoryPicks(points: readonly SweepPoint[]): MemoryPicks | null {
  const usable = points.filter((p) => Number.isFinite(p.monthlyUsd) && p.p95Ms > 0);
  if (usable.length === 0) return null;
  // Ties go to the smaller size: same price or speed for less memory.
  const bySize = [...usable].sort((a, b) => a.memoryMb - b.memoryMb);
  const minBy = (score: (p: SweepPoint) => number): SweepPoint =>
    bySize.reduce((best, p) => (score(p) < score(best) - 1e-12 ? p : best));
  const cheapest = minBy((p) => p.monthlyUsd);
  const fastest = minBy((p) => p.p95Ms);
  const minCost = Math.max(cheapest.monthlyUsd, 1e-9);
  const balanced = minBy((p) => Math.max(p.monthlyUsd, 1e-9) / minCost + p.p95Ms / fastest.p95Ms);
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
  const cheaper = 1 - point.monthlyUsd / yours.monthlyUsd;
  const faster = 1 - point.p95Ms / yours.p95Ms;
  return `${fmtMb(point.memoryMb)}: ${relative(cheaper, 'cheaper', 'more expensive')} and ${relative(faster, 'faster', 'slower')} than your ${fmtMb(yours.memoryMb)}`;
}
