import { describe, it } from 'vitest';
import {
  createSampler,
  distMean,
  interpolateQuantile
} from '../../../src/engine/distributions/sampler.ts';
import { scaleDuration as scaleDist } from '../../../src/engine/platform/cpu.ts';
import { createSource } from '../../../src/engine/rng.ts';
import type { DurationDist } from '../../../src/scenario/schema.ts';
import { assertInDelta, assertRelative } from '../../helpers.ts';

function draw(dist: DurationDist, n = 200_000, seed = 11): Float64Array {
  const sample = createSampler(dist, createSource(seed, 2));
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = sample();
  return xs.sort();
}

const mean = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: Float64Array) => {
  const m = mean(xs);
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
};
const q = (xs: Float64Array, p: number) => xs[Math.floor(p * (xs.length - 1))];

describe('createSampler(dist, source)', () => {
  it('fixed returns its value', () => {
    const xs = draw({ dist: 'fixed', value: 42 }, 100);
    assertInDelta(xs[0], 42, 0);
    assertInDelta(xs[99], 42, 0);
  });

  it('exponential has mean m, variance m², median m·ln 2', () => {
    const xs = draw({ dist: 'exponential', mean: 100 });
    // SE of the mean = m/√n ≈ 0.22; 5 σ ≈ 1.1.
    assertInDelta(mean(xs), 100, 1.2, 'mean');
    assertRelative(variance(xs), 10_000, 0.03, 'variance');
    assertRelative(q(xs, 0.5), 100 * Math.LN2, 0.02, 'median');
    assertRelative(q(xs, 0.99), 100 * Math.log(100), 0.03, 'p99');
  });

  it('lognormal hits its median and p99 and its mean exp(μ + σ²/2)', () => {
    const dist: DurationDist = { dist: 'lognormal', median: 120, p99: 900 };
    const xs = draw(dist);
    assertRelative(q(xs, 0.5), 120, 0.015, 'median');
    assertRelative(q(xs, 0.99), 900, 0.04, 'p99');
    // μ = ln 120, σ = ln(7.5)/2.3263 = 0.8661, mean = 120·e^{σ²/2} ≈ 174.8.
    assertRelative(distMean(dist), 174.8, 0.002, 'distMean');
    assertRelative(mean(xs), distMean(dist), 0.015, 'sample mean');
  });

  it('percentiles interpolates between the given points', () => {
    const dist: DurationDist = { dist: 'percentiles', p: [0, 50, 100], ms: [10, 20, 100] };
    const xs = draw(dist);
    assertRelative(q(xs, 0.25), 15, 0.01, 'p25 halfway between p0 and p50');
    assertRelative(q(xs, 0.75), 60, 0.01, 'p75 halfway between p50 and p100');
    // Mean of the quantile function: ½·15 + ½·60 = 37.5.
    assertInDelta(distMean(dist), 37.5, 1e-12);
    assertRelative(mean(xs), 37.5, 0.01, 'sample mean');
  });

  it('interpolateQuantile clamps outside the table', () => {
    assertInDelta(interpolateQuantile([0.1, 0.9], [5, 9], 0), 5, 0);
    assertInDelta(interpolateQuantile([0.1, 0.9], [5, 9], 0.95), 9, 0);
  });

  it('scaleDist scales every kind', () => {
    assertInDelta(distMean(scaleDist({ dist: 'exponential', mean: 10 }, 2)), 20, 1e-12);
    assertInDelta(distMean(scaleDist({ dist: 'fixed', value: 10 }, 0.5)), 5, 1e-12);
    const ln: DurationDist = { dist: 'lognormal', median: 100, p99: 400 };
    assertRelative(distMean(scaleDist(ln, 3)), 3 * distMean(ln), 1e-12);
  });
});
