import { describe, expect, it } from 'vitest';
import { createSource } from '../../src/engine/rng.ts';
import { assertInDelta } from '../helpers.ts';

describe('createSource(seed, stream)', () => {
  it('is deterministic for a seed and stream', () => {
    const a = createSource(42, 1);
    const b = createSource(42, 1);
    for (let i = 0; i < 1000; i++) expect(a()).toBe(b());
  });

  it('gives different sequences for different seeds and streams', () => {
    const x = createSource(1, 1)();
    expect(createSource(2, 1)()).not.toBe(x);
    expect(createSource(1, 2)()).not.toBe(x);
  });

  it('is uniform on [0, 1): mean 1/2, variance 1/12 and empty-ish deciles', () => {
    const s = createSource(7, 3);
    const n = 100_000;
    let sum = 0;
    let sq = 0;
    const deciles = new Array(10).fill(0);
    for (let i = 0; i < n; i++) {
      const u = s();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      sq += u * u;
      deciles[Math.floor(u * 10)]++;
    }
    // Standard error of the mean is sqrt(1/12/n) ≈ 0.0009; 5 σ.
    assertInDelta(sum / n, 0.5, 0.0046, 'mean');
    assertInDelta(sq / n - (sum / n) ** 2, 1 / 12, 0.002, 'variance');
    // Each decile holds n/10 ± 5 σ, σ = sqrt(n · 0.1 · 0.9) ≈ 95.
    for (const d of deciles) assertInDelta(d, n / 10, 475, 'decile count');
  });
});
