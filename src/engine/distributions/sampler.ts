/** Samplers for duration distributions (ms), each drawing from an injected uniform source. */
import type { DurationDist } from '../../scenario/schema.ts';
import type { Source, Uniform } from '../rng.ts';

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
  const sampler = durationSampler(dist, { next: source });
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
      return new LognormalSampler(mu, sigma, new PolarNormal(u));
    }
    case 'percentiles':
      return new PercentilesSampler(Float64Array.from(dist.p, (x) => x / 100), Float64Array.from(dist.ms), u);
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
    // 1 − u lies in (0, 1], so the log is finite.
    return -this.mean * Math.log(1 - this.u.next());
  }
}

class LognormalSampler implements Sampler {
  constructor(
    private readonly mu: number,
    private readonly sigma: number,
    private readonly normal: PolarNormal
  ) {}
  sample(): number {
    return Math.exp(this.mu + this.sigma * this.normal.next());
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

/**
 * Standard normal by Marsaglia's polar method (no sine or cosine; 21 % of pairs rejected), keeping
 * the second value of each pair.
 */
export function createNormal(source: Source): () => number {
  const normal = new PolarNormal({ next: source });
  return () => normal.next();
}

// A class so the spare double is a field updated in place, not a boxed closure variable.
class PolarNormal {
  private spare = 0;
  private hasSpare = false;
  constructor(private readonly u: Uniform) {}

  next(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.u.next() - 1;
      v = 2 * this.u.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }
}

/** Piecewise-linear quantile function through (p[i], ms[i]); p in [0, 1] ascending. */
export function interpolateQuantile(p: ArrayLike<number>, ms: ArrayLike<number>, u: number): number {
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
      for (let i = 1; i < p.length; i++) area += ((p[i] - p[i - 1]) / 100) * ((ms[i] + ms[i - 1]) / 2);
      // Mass below p[0] sits at ms[0], above p[last] at ms[last].
      area += (p[0] / 100) * ms[0] + ((100 - p[p.length - 1]) / 100) * ms[ms.length - 1];
      return area;
    }
  }
}
