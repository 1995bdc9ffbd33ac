import { describe, expect, it } from 'vitest';
import { compareSentence, memoryPicks } from '../../../src/app/charts/memoryPicks.ts';
import type { SweepPoint } from '../../../src/worker/types.ts';

const point = (memoryMb: number, monthlyUsd: number, p95Ms: number): SweepPoint => ({
  memoryMb,
  monthlyUsd,
  p95Ms,
  meanMs: p95Ms / 2,
  p50Ms: p95Ms / 2,
  p99Ms: p95Ms * 2,
  coldStartRatio: 0,
  throttled: 0,
  elapsedMs: 1
});

describe('memoryPicks', () => {
  it('picks the cheapest, the fastest, and the lowest cost/min + p95/min as balanced', () => {
    const points = [
      point(128, 10, 1000),
      point(512, 12, 300),
      point(1024, 20, 200),
      point(4096, 80, 190)
    ];
    const picks = memoryPicks(points)!;
    expect(picks.cheapest.memoryMb).toBe(128);
    expect(picks.fastest.memoryMb).toBe(4096);
    // Scores (hand calculation): 128: 1 + 5.26 = 6.26; 512: 1.2 + 1.58 = 2.78;
    // 1024: 2 + 1.05 = 3.05; 4096: 8 + 1 = 9. Lowest is 512.
    expect(picks.balanced.memoryMb).toBe(512);
  });

  it('breaks ties toward the smaller size', () => {
    const picks = memoryPicks([point(1024, 5, 100), point(256, 5, 100)])!;
    expect(picks.cheapest.memoryMb).toBe(256);
    expect(picks.fastest.memoryMb).toBe(256);
  });

  it('gives null when no point has a cost and a latency', () => {
    expect(memoryPicks([point(128, NaN, 100)])).toBeNull();
  });

  it('compareSentence says how much cheaper and faster a size is than yours, in words', () => {
    // 1 − 7.7/10 = 23 % cheaper; 1 − 295/500 = 41 % faster (the example sentence).
    expect(compareSentence(point(1024, 7.7, 295), point(512, 10, 500))).toBe(
      '1024 MB: 23 % cheaper and 41 % faster than your 512 MB'
    );
    // 1 − 15/10 = −50 % (more expensive); 1 − 600/500 = −20 % (slower).
    expect(compareSentence(point(2048, 15, 600), point(512, 10, 500))).toBe(
      '2048 MB: 50 % more expensive and 20 % slower than your 512 MB'
    );
    expect(compareSentence(point(512, 10, 500), point(512, 10, 500))).toBe(
      '512 MB: your current size'
    );
  });
});

describe('memoryPicks under the free tier', () => {
  it('treats bills within a cent as equal, so $0 runs pick the smallest size as cheapest', () => {
    // Float noise from subtracting the free tier: 2e-17 and 0 are both "free".
    const picks = memoryPicks([
      point(1024, 2e-17, 300),
      point(128, 0, 900),
      point(512, 1e-18, 500)
    ])!;
    expect(picks.cheapest.memoryMb).toBe(128);
    // All free: balanced is decided by speed alone, so the fastest.
    expect(picks.balanced.memoryMb).toBe(1024);
  });

  it('compareSentence says amounts, not percentages, when your bill is $0', () => {
    // 1 − 300/500 = 40 % faster.
    expect(compareSentence(point(1024, 0, 300), point(512, 0, 500))).toBe(
      '1024 MB: the same price and 40 % faster than your 512 MB'
    );
    expect(compareSentence(point(4096, 3.2, 300), point(512, 0, 500))).toBe(
      '4096 MB: $3.20 a month instead of nothing and 40 % faster than your 512 MB'
    );
  });
});
