/** Homogeneous Poisson arrivals: exponential gaps of mean 1/rate. */
import type { Source } from '../rng.ts';
import type { ArrivalProcess } from './arrivalProcess.ts';

export function poissonArrivals(ratePerS: number, horizonS: number, source: Source): ArrivalProcess {
  let t = 0;
  const mean = 1 / ratePerS;
  return {
    next() {
      t -= mean * Math.log(1 - source());
      return t < horizonS ? t : Infinity;
    }
  };
}
