/** Samplers for duration distributions (ms), each drawing from an injected uniform source. */
import type { DurationDist } from '../../scenario/schema.ts';
import { uniformOf, type Source, type Uniform } from '../rng.ts';
import { exponential, normal } from './ziggurat.ts';

/** z of the standard normal at 0.99: the p99 of a log-normal is median · exp(σ · Z99). */
export const Z99 = 2.3263478740408408;

/** Log-normal parameters from a median and a p99. */
export function lognormalParams(median: number, p99: number): { mu: number; sigma: number } {
  return { mu: Math.log(median), sigma: Math.log(p99 / median) / Z99 };
}

/** Draws durations, ms. */
export interface Sampler {
  sample(): number;
}

/** createSampler(dist, source) returns a function drawing one duration in ms. */
export function createSampler(dist: DurationDist, source: Source): () => number {
  const sampler = durationSampler(dist, uniformOf(source));
  return () => sampler.sample();
}

/** durationSampler(dist, u) draws durations of `dist` from the uniform source `u` (for hot loops). */
export function durationSampler(dist: DurationDist, u: Uniform): Sampler {
  switch (dist.dist) {
    case 'fixed':
      return new FixedSampler(dist.value);
    case 'exponential':
      return new ExponentialSampler(dist.mean, u);
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(dist.median, dist.p99);
      return new LognormalSampler(mu, sigma, u);
    }
    case 'percentiles':
      return new PercentilesSampler(
        Float64Array.from(dist.p, (x) => x / 100),
        Float64Array.from(dist.ms),
        u
      );
  }
}

class FixedSampler implements Sampler {
  constructor(private readonly value: number) {}
  sample(): number {
    return this.value;
  }
}

class ExponentialSampler implements Sampler {
  constructor(
    private readonly mean: number,
    private readonly u: Uniform
  ) {}
  sample(): number {
    return this.mean * exponential(this.u);
  }
}

class LognormalSampler implements Sampler {
  constructor(
    private readonly mu: number,
    private readonly sigma: number,
    private readonly u: Uniform
  ) {}
  sample(): number {
    return Math.exp(this.mu + this.sigma * normal(this.u));
  }
}

class PercentilesSampler implements Sampler {
  constructor(
    private readonly p: Float64Array,
    private readonly ms: Float64Array,
    private readonly u: Uniform
  ) {}
  sample(): number {
    return interpolateQuantile(this.p, this.ms, this.u.next());
  }
}

/** Standard normal draws from a function source (ziggurat). */
export function createNormal(source: Source): () => number {
  const u = uniformOf(source);
  return () => normal(u);
}

/** Piecewise-linear quantile function through (p[i], ms[i]); p in [0, 1] ascending. */
export function interpolateQuantile(
  p: ArrayLike<number>,
  ms: ArrayLike<number>,
  u: number
): number {
  const n = p.length;
  if (u <= p[0]) return ms[0];
  for (let i = 1; i < n; i++) {
    if (u <= p[i]) {
      const span = p[i] - p[i - 1];
      return span > 0 ? ms[i - 1] + ((u - p[i - 1]) / span) * (ms[i] - ms[i - 1]) : ms[i];
    }
  }
  return ms[n - 1];
}

/** The mean of a distribution, ms (exact for each kind). */
export function distMean(dist: DurationDist): number {
  switch (dist.dist) {
    case 'fixed':
      return dist.value;
    case 'exponential':
      return dist.mean;
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(dist.median, dist.p99);
      return Math.exp(mu + (sigma * sigma) / 2);
    }
    case 'percentiles': {
      // Mean of a piecewise-linear quantile function: area under it, segment by segment.
      let area = 0;
      const { p, ms } = dist;
      for (let i = 1; i < p.length; i++)
        area += ((p[i] - p[i - 1]) / 100) * ((ms[i] + ms[i - 1]) / 2);
      // Mass below p[0] sits at ms[0], above p[last] at ms[last].
      area += (p[0] / 100) * ms[0] + ((100 - p[p.length - 1]) / 100) * ms[ms.length - 1];
      return area;
    }
  }
}
