/** Diurnal arrivals: a non-homogeneous Poisson process with a smooth daily cycle, by thinning. */
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

class DiurnalArrivals implements ArrivalProcess {
  private t = 0;
  private readonly meanGapS: number;
  private readonly omega = (2 * Math.PI) / DAY_S;
  constructor(
    private readonly peak: number,
    private readonly kappa: number,
    private readonly phaseS: number,
    private readonly horizonS: number,
    private readonly source: Uniform
  ) {
    this.meanGapS = 1 / peak;
  }

  next(): number {
    // Lewis–Shedler thinning: candidates at the peak rate, each kept with probability λ(t)/peak.
    for (;;) {
      const t = (this.t += this.meanGapS * exponential(this.source));
      if (t >= this.horizonS) return Infinity;
      if (
        this.source.next() < Math.exp(this.kappa * (Math.cos(this.omega * (t - this.phaseS)) - 1))
      )
        return t;
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
