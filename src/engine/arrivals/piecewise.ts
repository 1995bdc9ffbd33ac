/** Poisson arrivals with a piecewise-constant, periodic rate, by inversion of the cumulative rate. */
import { exponential } from '../distributions/ziggurat.ts';
import type { Uniform } from '../rng.ts';
import type { ArrivalProcess } from './arrivalProcess.ts';

/** One period of a rate profile: rate[i] holds on [start[i], start[i+1]), the last until periodS. */
export interface RateProfile {
  periodS: number;
  start: number[];
  ratePerS: number[];
}

/**
 * Exact non-homogeneous Poisson: draw E ~ Exp(1) and walk the segments, spending r·Δt of E in
 * each, so no candidate is rejected (unlike thinning) and zero-rate segments cost nothing.
 */
export function piecewiseArrivals(
  profile: RateProfile,
  horizonS: number,
  source: Uniform
): ArrivalProcess {
  return new PiecewiseArrivals(profile, horizonS, source);
}

class PiecewiseArrivals implements ArrivalProcess {
  private t = 0;
  /** Current segment and the absolute start of its period. */
  private seg = 0;
  private periodBase = 0;
  private segEnd: number;
  private readonly anyPositive: boolean;
  constructor(
    private readonly profile: RateProfile,
    private readonly horizonS: number,
    private readonly source: Uniform
  ) {
    this.segEnd = profile.start.length > 1 ? profile.start[1] : profile.periodS;
    this.anyPositive = profile.ratePerS.some((r) => r > 0);
  }

  next(): number {
    if (!this.anyPositive) return Infinity;
    const { periodS, start, ratePerS } = this.profile;
    const n = start.length;
    let e = exponential(this.source);
    for (;;) {
      const r = ratePerS[this.seg];
      const room = r * (this.segEnd - this.t);
      if (e < room) {
        this.t += e / r;
        return this.t < this.horizonS ? this.t : Infinity;
      }
      e -= room;
      this.t = this.segEnd;
      if (this.t >= this.horizonS) return Infinity;
      if (++this.seg === n) {
        this.seg = 0;
        this.periodBase += periodS;
      }
      this.segEnd = this.periodBase + (this.seg + 1 < n ? start[this.seg + 1] : periodS);
    }
  }
}

/** The rate profile of the 'bursts' traffic kind: bursts on [offset + k·every, offset + k·every + length). */
export function burstProfile(
  baseRatePerS: number,
  burstRatePerS: number,
  burstEveryS: number,
  burstLengthS: number,
  burstOffsetS: number
): RateProfile {
  const period = burstEveryS;
  const mod = (x: number) => ((x % period) + period) % period;
  const offset = mod(burstOffsetS);
  const inBurst = (s: number) => mod(s - offset) < burstLengthS;
  const start = [...new Set([0, offset, mod(offset + burstLengthS)])].sort((a, b) => a - b);
  return {
    periodS: period,
    start,
    ratePerS: start.map((s) => (inBurst(s) ? burstRatePerS : baseRatePerS))
  };
}
