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
  return new CountsCursor(counts, intervalS, source, startS);
}

// A class, not a closure: its double fields are updated in place, not boxed per arrival.
class CountsCursor implements ArrivalProcess {
  private i = -1;
  /** Arrivals still to draw in interval i. */
  private left = 0;
  /** Last order statistic in interval i, as a fraction of the interval. */
  private x = 0;
  remaining = 0;
  constructor(
    private readonly counts: ArrayLike<number>,
    private readonly intervalS: number,
    private readonly source: () => number,
    private readonly startS: number
  ) {
    for (let k = 0; k < counts.length; k++) this.remaining += counts[k];
  }

  next(): number {
    while (this.left === 0) {
      if (++this.i >= this.counts.length) return Infinity;
      this.left = this.counts[this.i];
      this.x = 0;
    }
    // 1 − V^(1/m) = −expm1(ln V / m): no cancellation when m is large. V = 1 − source() is in
    // (0, 1], so x stays in [0, 1).
    this.x -= (1 - this.x) * Math.expm1(Math.log(1 - this.source()) / this.left);
    this.left--;
    this.remaining--;
    return this.startS + (this.i + this.x) * this.intervalS;
  }
}

/** expandCounts(counts, intervalS, source) is every arrival of countsCursor in one Float64Array. */
export function expandCounts(
  counts: ArrayLike<number>,
  intervalS: number,
  source: () => number,
  startS = 0
): Float64Array {
  const cursor = countsCursor(counts, intervalS, source, startS);
  const out = new Float64Array(cursor.remaining);
  for (let k = 0; k < out.length; k++) out[k] = cursor.next();
  return out;
}

/** timesCursor(timesS) walks sorted arrival times, then returns Infinity. */
export function timesCursor(timesS: Float64Array): ArrivalProcess {
  return new TimesCursor(timesS);
}

class TimesCursor implements ArrivalProcess {
  private k = 0;
  constructor(private readonly timesS: Float64Array) {}

  next(): number {
    return this.k < this.timesS.length ? this.timesS[this.k++] : Infinity;
  }
}
