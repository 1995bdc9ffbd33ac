/** Homogeneous Poisson arrivals: exponential gaps of mean 1/rate. */
import { exponential } from '../distributions/ziggurat.ts';
import type { Uniform } from '../rng.ts';
import type { ArrivalProcess } from './arrivalProcess.ts';

export function poissonArrivals(
  ratePerS: number,
  horizonS: number,
  source: Uniform
): ArrivalProcess {
  return new PoissonArrivals(1 / ratePerS, horizonS, source);
}

// A class, not a closure: its double field `t` is updated in place instead of boxed per write.
class PoissonArrivals implements ArrivalProcess {
  private t = 0;
  constructor(
    private readonly meanGapS: number,
    private readonly horizonS: number,
    private readonly source: Uniform
  ) {}

  next(): number {
    const t = (this.t += this.meanGapS * exponential(this.source));
    return t < this.horizonS ? t : Infinity;
  }
}
