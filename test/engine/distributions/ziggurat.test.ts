import { describe, expect, it } from 'vitest';
import { exponential, normal } from '../../../src/engine/distributions/ziggurat.ts';
import { createRng } from '../../../src/engine/rng.ts';
import { assertInDelta } from '../../helpers.ts';

const N = 1_000_000;

function draws(f: (u: ReturnType<typeof createRng>) => number, seed: number): Float64Array {
  const u = createRng(seed, 9);
  const xs = new Float64Array(N);
  for (let i = 0; i < N; i++) xs[i] = f(u);
  return xs;
}

/** Share of draws at or below x, against the exact CDF: Kolmogorov–Smirnov distance. */
function ksDistance(sorted: Float64Array, cdf: (x: number) => number): number {
  let d = 0;
  for (let i = 0; i < sorted.length; i++) {
    const F = cdf(sorted[i]);
    d = Math.max(d, Math.abs(F - i / sorted.length), Math.abs(F - (i + 1) / sorted.length));
  }
  return d;
}

/** Φ by the Abramowitz–Stegun 7.1.26 erf approximation (|error| < 1.5e-7, far below the KS bound). */
function phi(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

describe('ziggurat variates (Marsaglia & Tsang 2000)', () => {
  it('exponential: mean 1, variance 1, exact CDF (KS), and the tail beyond r = 7.7', () => {
    const xs = draws(exponential, 1);
    const mean = xs.reduce((a, b) => a + b, 0) / N;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / N;
    // SE of the mean 1/√N = 0.001; 5 SE.
    assertInDelta(mean, 1, 0.005, 'mean');
    assertInDelta(variance, 1, 0.012, 'variance');
    const sorted = xs.slice().sort();
    // KS 1 % critical value for n = 10⁶: 1.63/√n ≈ 0.0016.
    expect(ksDistance(sorted, (x) => 1 - Math.exp(-x))).toBeLessThan(0.0016);
    // P(X > 7.7) = e^{-7.7} ≈ 4.5e-4: ~453 of 10⁶, σ ≈ 21.
    const tail = xs.filter((x) => x > 7.697117470131487).length;
    assertInDelta(tail, N * Math.exp(-7.697117470131487), 110, 'tail count');
    expect(Math.min(...xs.subarray(0, 1000))).toBeGreaterThanOrEqual(0);
  });

  it('normal: mean 0, variance 1, symmetric, exact CDF (KS), and the tail beyond r = 3.44', () => {
    const xs = draws(normal, 2);
    const mean = xs.reduce((a, b) => a + b, 0) / N;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / N;
    assertInDelta(mean, 0, 0.005, 'mean');
    assertInDelta(variance, 1, 0.01, 'variance');
    const sorted = xs.slice().sort();
    expect(ksDistance(sorted, phi)).toBeLessThan(0.0016);
    // P(|X| > 3.4426) = 2(1 − Φ(3.4426)) ≈ 5.76e-4: ~576 of 10⁶, σ ≈ 24.
    const tail = xs.filter((x) => Math.abs(x) > 3.442619855899).length;
    assertInDelta(tail, N * 2 * (1 - phi(3.442619855899)), 125, 'tail count');
    const negative = xs.filter((x) => x < 0).length;
    assertInDelta(negative, N / 2, 2500, 'negative half');
  });
});
