/** Per-interval series layout: a nice interval width giving a few hundred points, coarse latency bins. */
import { BINS, binLower } from './logHistogram.ts';

const NICE_S = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400,
  172_800, 604_800
];

/** Most points a series may have. */
export const MAX_POINTS = 400;

/** chooseInterval(durationS) picks the smallest nice width giving at most MAX_POINTS intervals. */
export function chooseInterval(durationS: number): number {
  for (const s of NICE_S) if (durationS / s <= MAX_POINTS) return s;
  return Math.ceil(durationS / MAX_POINTS / 86_400) * 86_400;
}

/** Per-interval latency histograms merge 16 fine bins: 8 per power of two (≈ 9 % wide). */
export const COARSE_SHIFT = 4;
export const COARSE_BINS = BINS >> COARSE_SHIFT;

/**
 * Quantile q of counts over coarse bins: the geometric middle of the bin holding the rank (the
 * resolution is the bin's, ≈ 9 %); 0 without data.
 */
export function coarseQuantile(counts: ArrayLike<number>, total: number, q: number): number {
  if (total === 0) return 0;
  const rank = q * total;
  let cum = 0;
  for (let b = 0; b < COARSE_BINS; b++) {
    cum += counts[b];
    if (cum >= rank)
      return Math.sqrt(binLower(b << COARSE_SHIFT) * binLower((b + 1) << COARSE_SHIFT));
  }
  return binLower(BINS - 1);
}
