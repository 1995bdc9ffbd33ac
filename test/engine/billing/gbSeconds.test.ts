import { describe, expect, it } from 'vitest';
import { gbSeconds } from '../../../src/engine/billing/gbSeconds.ts';
import { tierPieces } from '../../../src/engine/billing/tiers.ts';
import { PRICING } from '../../../src/engine/pricing/catalog.ts';

describe('gbSeconds(ms, mb)', () => {
  it('is MB/1024 × s', () => {
    // AWS L1 convention: 512 MB for 1 s = 0.5 GB-s.
    expect(gbSeconds(1000, 512)).toBe(0.5);
  });

  it('is exact where the float product MB × ms would round (above 2^53)', () => {
    // Hand calculation: (2^52 + 154) ms × 10,240 MB / 1,024,000 = 4,503,599,627,370,650 / 100
    // = 45,035,996,273,706.5 GB-s, exactly representable; the float product is not, and misses it.
    const ms = 2 ** 52 + 154;
    expect(gbSeconds(ms, 10_240)).toBe(45_035_996_273_706.5);
    expect((ms * 10_240) / 1_024_000).not.toBe(45_035_996_273_706.5);
  });

  it('adds up 10^9 invocations of 123 ms at 1,769 MB exactly', () => {
    // 1.23e11 ms × 1,769 MB = 2.17587e14 MB·ms ÷ 1,024,000 = 212,487,304.6875 GB-s (hand calculation).
    expect(gbSeconds(123 * 1e9, 1769)).toBe(212_487_304.6875);
  });
});

describe('tierPieces(from, to, tiers)', () => {
  const tiers = PRICING['aws-lambda'].arch.x86_64.duration;
  it('splits a range across the tier boundaries', () => {
    const pieces = tierPieces(5e9, 16e9, tiers);
    expect(pieces.map((p) => [p.tier, p.quantity])).toEqual([
      [1, 1e9],
      [2, 9e9],
      [3, 1e9]
    ]);
  });
  it('returns nothing for an empty range', () => {
    expect(tierPieces(3, 3, tiers)).toEqual([]);
  });
});
