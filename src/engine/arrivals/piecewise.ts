/** Poisson arrivals with a piecewise-constant, periodic rate, by inversion of the cumulative rate. */
import type { Source } from '../rng.ts';
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
export function piecewiseArrivals(profile: RateProfile, horizonS: number, source: Source): ArrivalProcess {
  const { periodS, start, ratePerS } = profile;
  const n = start.length;
  let t = 0;
  // Segment index and the absolute end of the current segment.
  let seg = 0;
  let periodBase = 0;
  let segEnd = n > 1 ? start[1] : periodS;
  const anyPositive = ratePerS.some((r) => r > 0);
  return {
    next() {
      if (!anyPositive) return Infinity;
      let e = -Math.log(1 - source());
      for (;;) {
        const r = ratePerS[seg];
        const room = r * (segEnd - t);
        if (e < room) {
          t += e / r;
          return t < horizonS ? t : Infinity;
        }
        e -= room;
        t = segEnd;
        if (t >= horizonS) return Infinity;
        seg++;
        if (seg === n) {
          seg = 0;
          periodBase += periodS;
        }
        segEnd = periodBase + (seg + 1 < n ? start[seg + 1] : periodS);
      }
    }
  };
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
  return { periodS: period, start, ratePerS: start.map((s) => (inBurst(s) ? burstRatePerS : baseRatePerS)) };
}
