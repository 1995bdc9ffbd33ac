/** Diurnal arrivals: a non-homogeneous Poisson process with a smooth daily cycle, by thinning. */
import type { Source } from '../rng.ts';
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
  source: Source
): ArrivalProcess {
  const { peak, rate } = diurnalIntensity(meanRatePerS, peakToMean, peakHourUtc);
  const meanGap = 1 / peak;
  let t = 0;
  return {
    next() {
      // Lewis–Shedler thinning: candidates at the peak rate, kept with probability λ(t)/peak.
      for (;;) {
        t -= meanGap * Math.log(1 - source());
        if (t >= horizonS) return Infinity;
        if (source() * peak < rate(t)) return t;
      }
    }
  };
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
