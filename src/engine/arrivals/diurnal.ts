/** Diurnal arrivals: a non-homogeneous Poisson process with a smooth daily cycle, by thinning under a step majorant. */
import { exponential } from '../distributions/ziggurat.ts';
import type { Uniform } from '../rng.ts';
import type { ArrivalProcess } from './arrivalProcess.ts';

const DAY_S = 86_400;

/**
 * Intensity λ(t) = mean · peakToMean · exp(κ(cos θ − 1)), θ = 2π(t/3600 − peakHourUtc)/24: a von Mises
 * shape, always positive, peak exactly mean·peakToMean at peakHourUtc, daily mean exactly `mean`
 * when κ solves peakToMean = e^κ / I0(κ). A sinusoid could not exceed peak/mean = 2.
 */
export function diurnalIntensity(meanRatePerS: number, peakToMean: number, peakHourUtc: number) {
  const kappa = kappaForPeakToMean(peakToMean);
  const peak = meanRatePerS * peakToMean;
  const omega = (2 * Math.PI) / DAY_S;
  const phase = peakHourUtc * 3600;
  return {
    kappa,
    peak,
    /** λ(t), requests/s. */
    rate: (t: number) => peak * Math.exp(kappa * (Math.cos(omega * (t - phase)) - 1))
  };
}

export function diurnalArrivals(
  meanRatePerS: number,
  peakToMean: number,
  peakHourUtc: number,
  horizonS: number,
  source: Uniform
): ArrivalProcess {
  const { peak, kappa } = diurnalIntensity(meanRatePerS, peakToMean, peakHourUtc);
  return new DiurnalArrivals(peak, kappa, peakHourUtc * 3600, horizonS, source);
}

/** Width of the majorant's steps, s: 96 a day. */
const STEP_S = 900;
const STEPS = DAY_S / STEP_S;

/**
 * Thinning (Lewis & Shedler) under a piecewise-constant majorant: the day is cut into 15-minute
 * steps, each with the intensity's maximum over it. Candidates come from that step function by
 * exact inversion and are kept with probability λ(t)/majorant, so about 97 % are kept at
 * peakToMean 4, where a flat majorant at the peak keeps 25 %.
 */
class DiurnalArrivals implements ArrivalProcess {
  private t = 0;
  /** Current step, counted from t = 0, and the time it ends. */
  private step = 0;
  private stepEnd = STEP_S;
  private readonly omega = (2 * Math.PI) / DAY_S;
  /** Majorant of exp(κ(cos θ − 1)) on each step of the day (≤ 1). */
  private readonly bound = new Float64Array(STEPS);

  constructor(
    private readonly peak: number,
    private readonly kappa: number,
    private readonly phaseS: number,
    private readonly horizonS: number,
    private readonly source: Uniform
  ) {
    const peakInDay = ((phaseS % DAY_S) + DAY_S) % DAY_S;
    for (let i = 0; i < STEPS; i++) {
      const a = i * STEP_S;
      const b = a + STEP_S;
      // The shape falls with circular distance from the peak: its maximum on [a, b] is at the peak
      // when inside, else at the nearer end.
      this.bound[i] = peakInDay >= a && peakInDay <= b ? 1 : Math.max(this.shape(a), this.shape(b));
    }
  }

  private shape(t: number): number {
    return Math.exp(this.kappa * (Math.cos(this.omega * (t - this.phaseS)) - 1));
  }

  next(): number {
    let e = exponential(this.source);
    for (;;) {
      const bound = this.bound[this.step % STEPS];
      const rate = this.peak * bound;
      const room = rate * (this.stepEnd - this.t);
      if (e < room) {
        const t = (this.t += e / rate);
        if (t >= this.horizonS) return Infinity;
        if (this.source.next() * bound < this.shape(t)) return t;
        e = exponential(this.source);
        continue;
      }
      e -= room;
      this.t = this.stepEnd;
      if (this.t >= this.horizonS) return Infinity;
      this.step++;
      this.stepEnd = (this.step + 1) * STEP_S;
    }
  }
}

/** e^{-κ} I0(κ) = (1/π) ∫₀^π e^{κ(cos θ − 1)} dθ, by the trapezoid rule (spectrally accurate here). */
export function scaledBesselI0(kappa: number): number {
  const n = 4096;
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    const w = i === 0 || i === n ? 0.5 : 1;
    sum += w * Math.exp(kappa * (Math.cos((Math.PI * i) / n) - 1));
  }
  return sum / n;
}

/** Solves 1 / (e^{-κ} I0(κ)) = peakToMean for κ ≥ 0 by bisection (the left side increases with κ). */
export function kappaForPeakToMean(peakToMean: number): number {
  if (peakToMean <= 1) return 0;
  let lo = 0;
  let hi = 1;
  while (1 / scaledBesselI0(hi) < peakToMean) hi *= 2;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (1 / scaledBesselI0(mid) < peakToMean) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
