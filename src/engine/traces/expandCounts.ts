/** Spreads per-interval counts uniformly at random within their intervals, in time order. */
import type { ArrivalProcess } from '../arrivals/arrivalProcess.ts';

/**
 * countsCursor(counts, intervalS, source, startS = 0) yields the arrival times of `counts[i]`
 * invocations uniform on [startS + i·intervalS, startS + (i+1)·intervalS), ascending, then
 * Infinity. It allocates nothing: the sorted uniforms of one interval are drawn directly as order
 * statistics (the minimum of m uniforms on (x, 1) is x + (1 − x)(1 − V^(1/m)), V uniform, and the
 * other m − 1 are uniform above it), one source() call each, so no buffer or sort is needed.
 * Exactly one source() call per arrival keeps runs reproducible from the seed.
 */
export function countsCursor(
  counts: ArrayLike<number>,
  intervalS: number,
  source: () => number,
  startS = 0
): ArrivalProcess & { readonly remaining: number } {
  let i = -1;
  let left = 0; // arrivals still to draw in interval i
  let x = 0; // last order statistic in interval i, as a fraction of the interval
  let remaining = 0;
  for (let k = 0; k < counts.length; k++) remaining += counts[k];
  return {
    next() {
      while (left === 0) {
        if (++i >= counts.length) return Infinity;
        left = counts[i];
        x = 0;
      }
      // 1 − V^(1/m) = −expm1(ln V / m): no cancellation when m is large. V = 1 − source() is in
      // (0, 1], so x stays in [0, 1).
      x -= (1 - x) * Math.expm1(Math.log(1 - source()) / left);
      left--;
      remaining--;
      return startS + (i + x) * intervalS;
    },
    get remaining() {
      return remaining;
    }
  };
}

/** expandCounts(counts, intervalS, source) is every arrival of countsCursor in one Float64Array. */
export function expandCounts(counts: ArrayLike<number>, intervalS: number, source: () => number, startS = 0): Float64Array {
  const cursor = countsCursor(counts, intervalS, source, startS);
  const out = new Float64Array(cursor.remaining);
  for (let k = 0; k < out.length; k++) out[k] = cursor.next();
  return out;
}

/** timesCursor(timesS) walks sorted arrival times, then returns Infinity. */
export function timesCursor(timesS: Float64Array): ArrivalProcess {
  let k = 0;
  return { next: () => (k < timesS.length ? timesS[k++] : Infinity) };
}
