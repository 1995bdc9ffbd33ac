import { describe, expect, it } from 'vitest';
import { binIndex, binLower, BINS, quantileOf } from '../../../src/engine/metrics/logHistogram.ts';
import { createSource } from '../../../src/engine/rng.ts';
import { assertRelative } from '../../helpers.ts';

describe('log histogram', () => {
  it('binIndex(ms) puts a value in [binLower(i), binLower(i + 1))', () => {
    for (const v of [0.001, 0.5, 1, 1.5, 3, 99.9, 100, 1234.5, 900_000, 1e8]) {
      const i = binIndex(v);
      expect(binLower(i) <= v && v < binLower(i + 1)).toBe(true);
      // 128 sub-bins per octave: a bin is at most 1/128 of its lower edge wide.
      expect((binLower(i + 1) - binLower(i)) / binLower(i)).toBeLessThanOrEqual(1 / 128 + 1e-12);
    }
  });

  it('binIndex clamps out-of-range values', () => {
    expect(binIndex(0)).toBe(0);
    expect(binIndex(1e-9)).toBe(0);
    expect(binIndex(1e15)).toBe(BINS - 1);
  });

  it('quantileOf is within a bin width (0.8 %) of the exact sample quantile', () => {
    const s = createSource(3, 2);
    const n = 100_000;
    const xs = new Float64Array(n);
    const counts = new Float64Array(BINS);
    const sums = new Float64Array(BINS);
    let max = 0;
    for (let i = 0; i < n; i++) {
      xs[i] = Math.exp(4 + 1.2 * Math.sqrt(-2 * Math.log(1 - s())) * Math.cos(2 * Math.PI * s()));
      counts[binIndex(xs[i])]++;
      sums[binIndex(xs[i])] += xs[i];
      max = Math.max(max, xs[i]);
    }
    xs.sort();
    for (const p of [0.5, 0.95, 0.99, 0.999]) {
      assertRelative(
        quantileOf(counts, sums, n, p, max),
        xs[Math.ceil(p * n) - 1],
        0.008,
        `p${p * 100}`
      );
    }
  });

  it('quantileOf is exact for a point mass (every value 40 ms, or 27.55 ms)', () => {
    for (const v of [40, 27.55]) {
      const counts = new Float64Array(BINS);
      const sums = new Float64Array(BINS);
      counts[binIndex(v)] = 1000;
      sums[binIndex(v)] = 1000 * v;
      for (const p of [0.01, 0.5, 0.99])
        expect(quantileOf(counts, sums, 1000, p, 500)).toBeCloseTo(v, 9);
    }
  });
});
