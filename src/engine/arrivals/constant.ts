/** Constant-rate arrivals: one request every 1/rate seconds, the k-th at k/rate. */
import type { ArrivalProcess } from './arrivalProcess.ts';

export function constantArrivals(ratePerS: number, horizonS: number): ArrivalProcess {
  let k = 0;
  return {
    next() {
      // k/rate rather than a running sum, so that 10⁹ arrivals do not drift.
      const t = ++k / ratePerS;
      return t < horizonS ? t : Infinity;
    }
  };
}
