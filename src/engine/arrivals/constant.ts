/** Constant-rate arrivals: one request every 1/rate seconds, the k-th at k/rate (k = 0, 1, …). */
import type { ArrivalProcess } from './arrivalProcess.ts';

export function constantArrivals(ratePerS: number, horizonS: number): ArrivalProcess {
  return new ConstantArrivals(ratePerS, horizonS);
}

class ConstantArrivals implements ArrivalProcess {
  private k = 0;
  constructor(
    private readonly ratePerS: number,
    private readonly horizonS: number
  ) {}

  next(): number {
    // k/rate rather than a running sum, so that 10⁹ arrivals do not drift; starting at 0 gives
    // exactly rate × horizon arrivals when that is whole.
    const t = this.k++ / this.ratePerS;
    return t < this.horizonS ? t : Infinity;
  }
}
