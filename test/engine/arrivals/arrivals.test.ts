import { describe, expect, it } from 'vitest';
import { createArrivals, meanRatePerS } from '../../../src/engine/arrivals/createArrivals.ts';
import {
  diurnalIntensity,
  kappaForPeakToMean,
  scaledBesselI0
} from '../../../src/engine/arrivals/diurnal.ts';
import { burstProfile } from '../../../src/engine/arrivals/piecewise.ts';
import { createRng } from '../../../src/engine/rng.ts';
import type { Traffic } from '../../../src/scenario/schema.ts';
import { assertInDelta, assertRelative } from '../../helpers.ts';

function times(traffic: Traffic, horizonS: number, seed = 5): number[] {
  const p = createArrivals(traffic, horizonS, createRng(seed, 1));
  const out: number[] = [];
  for (let t = p.next(); t !== Infinity; t = p.next()) out.push(t);
  return out;
}

describe('arrival processes', () => {
  it('constant puts the k-th arrival at k/rate, exactly rate·T of them', () => {
    const ts = times({ kind: 'constant', ratePerS: 4 }, 100);
    expect(ts.length).toBe(400); // 0, 0.25 … 99.75
    assertInDelta(ts[0], 0, 0);
    assertInDelta(ts[399], 99.75, 1e-9);
  });

  it('poisson: count ≈ λT (σ = √λT), gaps exponential (mean 1/λ, CV 1), increasing', () => {
    const ts = times({ kind: 'poisson', ratePerS: 10 }, 10_000);
    // Poisson count: mean 100,000, σ ≈ 316; 5 σ.
    assertInDelta(ts.length, 100_000, 1600, 'count');
    const gaps = ts.slice(1).map((t, i) => t - ts[i]);
    const m = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    const sd = Math.sqrt(gaps.reduce((a, b) => a + (b - m) ** 2, 0) / gaps.length);
    assertRelative(m, 0.1, 0.02, 'mean gap');
    assertRelative(sd / m, 1, 0.02, 'coefficient of variation');
    expect(gaps.every((g) => g > 0)).toBe(true);
    // Counts in disjoint 1 s windows are Poisson(10): variance equals mean.
    const counts = new Array(10_000).fill(0);
    for (const t of ts) counts[Math.floor(t)]++;
    const cm = counts.reduce((a, b) => a + b, 0) / counts.length;
    const cv = counts.reduce((a, b) => a + (b - cm) ** 2, 0) / counts.length;
    assertRelative(cv / cm, 1, 0.05, 'index of dispersion');
  });

  it('diurnal: e^κ/I0(κ) = peakToMean, daily mean = meanRate, peak at peakHourUtc', () => {
    const kappa = kappaForPeakToMean(3);
    assertRelative(1 / scaledBesselI0(kappa), 3, 1e-9, 'peak/mean identity');
    const { rate } = diurnalIntensity(10, 3, 15);
    // ∫ λ over a day / 86,400 s = mean (trapezoid on 1 s steps).
    let area = 0;
    for (let t = 0; t < 86_400; t++) area += rate(t);
    assertRelative(area / 86_400, 10, 1e-6, 'daily mean of λ(t)');
    assertRelative(rate(15 * 3600), 30, 1e-12, 'λ at the peak hour');

    const ts = times(
      { kind: 'diurnal', meanRatePerS: 10, peakToMean: 3, peakHourUtc: 15 },
      2 * 86_400
    );
    // 2 days × 864,000: σ ≈ 1,315; 5 σ.
    assertInDelta(ts.length, 1_728_000, 6600, 'count over two days');
    // Requests in the peak hour vs the expected ∫ λ over 14:30–15:30.
    let expected = 0;
    for (let t = 14.5 * 3600; t < 15.5 * 3600; t++) expected += rate(t);
    const observed = ts.filter((t) => t >= 14.5 * 3600 && t < 15.5 * 3600).length;
    assertInDelta(observed, expected, 5 * Math.sqrt(expected), 'peak-hour count');
  });

  it('diurnal with a sharp peak (×10): every hour gets ∫λ over it (the thinning majorant is never too low)', () => {
    const days = 20;
    const ts = times(
      { kind: 'diurnal', meanRatePerS: 1, peakToMean: 10, peakHourUtc: 6.4 },
      days * 86_400,
      9
    );
    const { rate } = diurnalIntensity(1, 10, 6.4);
    const byHour = new Array(24).fill(0);
    for (const t of ts) byHour[Math.floor((t % 86_400) / 3600)]++;
    for (let h = 0; h < 24; h++) {
      let expected = 0;
      for (let t = h * 3600; t < (h + 1) * 3600; t += 1) expected += rate(t + 0.5) * days;
      // Poisson count per hour over 20 days: 5 σ.
      assertInDelta(byHour[h], expected, 5 * Math.sqrt(expected) + 1, `hour ${h}`);
    }
  });

  it('bursts: piecewise rate gives base·(every − length) + burst·length per period', () => {
    const traffic: Traffic = {
      kind: 'bursts',
      baseRatePerS: 1,
      burstRatePerS: 50,
      burstEveryS: 600,
      burstLengthS: 60
    };
    const ts = times(traffic, 60_000);
    // Per 600 s: 540 + 3,000 = 3,540; 100 periods → 354,000, σ ≈ 595.
    assertInDelta(ts.length, 354_000, 3000, 'count');
    assertRelative(meanRatePerS(traffic), 5.9, 1e-12, 'mean rate');
    const inBurst = ts.filter((t) => t % 600 < 60).length;
    assertInDelta(inBurst, 300_000, 5 * Math.sqrt(300_000), 'arrivals inside bursts');
  });

  it('burstProfile handles an offset burst and one that wraps the period', () => {
    expect(burstProfile(1, 9, 100, 10, 50)).toEqual({
      periodS: 100,
      start: [0, 50, 60],
      ratePerS: [1, 9, 1]
    });
    expect(burstProfile(1, 9, 100, 20, 90)).toEqual({
      periodS: 100,
      start: [0, 10, 90],
      ratePerS: [9, 1, 9]
    });
    expect(burstProfile(1, 9, 100, 100, 0)).toEqual({ periodS: 100, start: [0], ratePerS: [9] });
  });
});
